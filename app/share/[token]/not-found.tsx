// The one answer for a link that does not open a dashboard, whatever the reason.
export default function ShareLinkNotFound() {
  return (
    <main className="page">
      <div className="card empty">
        <h1>This link is not available</h1>
        <p>It may have been mistyped, or it is no longer shared. Ask whoever sent it for a new link.</p>
      </div>
    </main>
  );
}
