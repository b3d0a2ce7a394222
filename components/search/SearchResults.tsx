import Link from "next/link";
import { noMatchesText, type SearchResponse, type SearchResult } from "@/lib/search/types";
import { Highlighted } from "./Highlighted";
import styles from "./search.module.css";

const fieldLabel = { description: "Definition", tags: "Tags", sql: "SQL" } as const;

function Result({ r }: { r: SearchResult }) {
  const title = <Highlighted segments={r.titleSegments} />;
  return (
    <li className={`card ${styles.result}`}>
      <div className={styles.resultHead}>
        <span className={styles.kind}>{r.kind === "dashboard" ? "Dashboard" : "Chart"}</span>
        {r.href ? (
          <Link href={r.href} className={styles.resultTitle}>
            {title}
          </Link>
        ) : (
          <span className={styles.resultTitle}>{title}</span>
        )}
      </div>
      {r.snippet && (
        <p className={`${styles.snippet} ${r.snippet.field === "sql" ? styles.sql : ""}`}>
          <span className={styles.field}>{fieldLabel[r.snippet.field]}: </span>
          <Highlighted segments={r.snippet.segments} />
        </p>
      )}
      {r.kind === "dashboard" && r.tags && r.tags.length > 0 && (
        <p className={styles.tags}>
          {r.tags.map((t) => (
            <Link key={t} className={styles.tag} href={`/dashboards?tag=${encodeURIComponent(t)}`}>
              {t}
            </Link>
          ))}
        </p>
      )}
      {r.kind === "chart" && r.dashboards && r.dashboards.length > 0 && (
        <p className="muted">
          On{" "}
          {r.dashboards.map((d, i) => (
            <span key={d.id}>
              {i > 0 && ", "}
              <Link href={`/dashboards/${encodeURIComponent(d.id)}`}>{d.title}</Link>
            </span>
          ))}
        </p>
      )}
    </li>
  );
}

/** The results of a search, best first, or the empty state. */
export function SearchResults({ response }: { response: SearchResponse }) {
  if (response.words.length === 0) {
    return <p className="card empty">Type a word or two to search dashboard titles and tags, chart titles and metric definitions.</p>;
  }
  if (response.results.length === 0) {
    return (
      <p className="card empty" role="status">
        {noMatchesText(response.query)}
      </p>
    );
  }
  const n = response.results.length;
  return (
    <>
      <p className="muted" role="status">
        {response.truncated ? `The first ${n} results` : `${n} ${n === 1 ? "result" : "results"}`} for “{response.query.trim()}”
      </p>
      <ol className={styles.results} aria-label="Search results">
        {response.results.map((r) => (
          <Result key={`${r.kind}:${r.id}`} r={r} />
        ))}
      </ol>
    </>
  );
}
