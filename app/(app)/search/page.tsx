import { SearchForm } from "@/components/search/SearchForm";
import { SearchResults } from "@/components/search/SearchResults";
import { requirePageUser } from "@/lib/auth/session";
import { search } from "@/lib/search/search";
import { MAX_QUERY_LENGTH } from "@/lib/search/snippet";

export const metadata = { title: "Search" };

/** Search across dashboards, charts and metric definitions (and, for editors, chart SQL): /search?q=... */
export default async function SearchPage({ searchParams }: { searchParams: Promise<{ q?: string | string[] }> }) {
  const user = await requirePageUser();
  const { q: raw } = await searchParams;
  const q = (Array.isArray(raw) ? raw[0] : raw ?? "").slice(0, MAX_QUERY_LENGTH);
  const response = await search(user, q);
  return (
    <main className="page">
      <div className="row" style={{ marginBottom: 16, flexWrap: "wrap" }}>
        <h1>Search</h1>
        <span className="spacer" />
        <SearchForm defaultValue={q} autoFocus={!q} />
      </div>
      <SearchResults response={response} />
    </main>
  );
}
