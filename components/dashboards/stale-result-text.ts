/** How old a result is, short: "less than a minute ago", "12 min ago", "3 h ago", "2 d ago". */
export function shortAge(iso: string, now: number): string {
  const minutes = Math.max(0, Math.floor((now - new Date(iso).getTime()) / 60_000));
  if (minutes < 1) return "less than a minute ago";
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.floor(hours / 24)} d ago`;
}

/**
 * The footer of a tile whose last refresh failed but which still shows its last good result:
 * "data from 3 h ago; last refresh failed: <error>".
 */
export function staleResultText(computedAt: string, lastError: string, now: number): string {
  return `data from ${shortAge(computedAt, now)}; last refresh failed: ${lastError}`;
}

/**
 * Whether a tile's data is late at `now`: past the instant its schedule made it stale (the view's
 * `staleAfter`, computed on the server by lib/schedules/data-freshness.ts; null or absent: never, as with
 * refreshes off).
 */
export function isLate(staleAfter: string | null | undefined, now: number): boolean {
  return Boolean(staleAfter) && now >= Date.parse(staleAfter!);
}
