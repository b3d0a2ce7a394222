// The Server-Timing response header (https://w3c.github.io/server-timing/): how long the server spent on
// each step of a request, shown by browsers' dev tools and read by bench/dashboard-load.ts beside the
// round trip. Durations only; no data.

export interface TimingEntry {
  /** A token: letters, digits and - _ . only. */
  name: string;
  ms: number;
  description?: string;
}

/** Measures steps of one request; `header()` is the Server-Timing value, with a `total` since creation. */
export function startServerTiming(now: () => number = () => performance.now()) {
  const started = now();
  const entries: TimingEntry[] = [];
  return {
    /** Runs `fn` and records its duration under `name`, even when it throws. */
    async time<T>(name: string, fn: () => Promise<T> | T, description?: string): Promise<T> {
      const t = now();
      try {
        return await fn();
      } finally {
        entries.push({ name, ms: now() - t, description });
      }
    },
    header(): string {
      return formatServerTiming([...entries, { name: "total", ms: now() - started }]);
    },
  };
}

export function formatServerTiming(entries: readonly TimingEntry[]): string {
  return entries
    .map((e) => {
      const name = e.name.replace(/[^A-Za-z0-9_.-]/g, "_");
      const desc = e.description ? `;desc="${e.description.replace(/["\\]/g, "")}"` : "";
      return `${name};dur=${e.ms.toFixed(1)}${desc}`;
    })
    .join(", ");
}

/** The durations of a Server-Timing header by name (ms); entries without a duration are left out. */
export function parseServerTiming(header: string | null): Record<string, number> {
  const out: Record<string, number> = {};
  for (const part of (header ?? "").split(",")) {
    const [name, ...params] = part.trim().split(";");
    const dur = params.map((p) => /^\s*dur=([0-9.]+)\s*$/.exec(p)?.[1]).find(Boolean);
    if (name && dur !== undefined) out[name.trim()] = Number(dur);
  }
  return out;
}
