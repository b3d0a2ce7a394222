// What an unsubscribe link that cannot be used opens: a link cut short or altered (mail programs wrap long
// links), or a subscription that was deleted. A bare "404" here left people unsure whether they would
// keep getting the email.
export default function UnsubscribeLinkNotFound() {
  return (
    <main className="page">
      <div className="card empty" style={{ maxWidth: 520, margin: "48px auto", padding: 24 }}>
        <h1>This unsubscribe link does not work</h1>
        <p data-testid="unsubscribe-invalid">
          If the digest was deleted, nothing more will be sent. Otherwise the link may have been cut short by your mail program: open the
          whole link from the email&apos;s footer again, or ask whoever set up the digest to remove you.
        </p>
      </div>
    </main>
  );
}
