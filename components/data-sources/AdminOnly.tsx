/** What a non-admin sees on an admin page (the server refuses their API calls too). */
export function AdminOnly({ title }: { title: string }) {
  return (
    <main className="page">
      <h1>{title}</h1>
      <div className="notice">Only administrators can manage data sources.</div>
    </main>
  );
}
