/** What a non-admin sees on the People page (the server refuses their API calls too). */
export function AdminOnlyNotice() {
  return (
    <main className="page">
      <h1>People</h1>
      <div className="notice" role="alert">
        Only administrators can manage people. Ask an admin if you need another role.
      </div>
    </main>
  );
}
