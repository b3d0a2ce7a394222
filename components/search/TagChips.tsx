import Link from "next/link";
import styles from "./search.module.css";

function listHref(tag: string | undefined, q: string | undefined): string {
  const params = new URLSearchParams();
  if (tag) params.set("tag", tag);
  if (q) params.set("q", q);
  const s = params.toString();
  return s ? `/dashboards?${s}` : "/dashboards";
}

/** The dashboard list's tag filter: one link per tag in use (?tag=), the active one marked current. */
export function TagChips({ tags, active, q }: { tags: { tag: string; count: number }[]; active?: string; q?: string }) {
  if (tags.length === 0 && !active) return null;
  return (
    <nav className={styles.chips} aria-label="Filter by tag">
      <Link href={listHref(undefined, q)} className={`${styles.chip} ${!active ? styles.chipActive : ""}`} aria-current={!active ? "true" : undefined}>
        All
      </Link>
      {tags.map(({ tag, count }) => (
        <Link
          key={tag}
          href={listHref(tag === active ? undefined : tag, q)}
          className={`${styles.chip} ${tag === active ? styles.chipActive : ""}`}
          aria-current={tag === active ? "true" : undefined}
        >
          {tag} <span className={styles.count}>{count}</span>
        </Link>
      ))}
      {active && !tags.some((t) => t.tag === active) && (
        <span className={`${styles.chip} ${styles.chipActive}`} aria-current="true">
          {active} <span className={styles.count}>0</span>
        </span>
      )}
    </nav>
  );
}
