// Readable differences between two versions: a line diff for SQL and Markdown (Myers' algorithm), a
// path-by-path diff for settings (vizConfig, parameters, filters), and a tile-by-tile diff for layouts.
// Pure functions: the version history panel runs them in the browser.

export type LineOp = "same" | "add" | "del";

export interface DiffLine {
  op: LineOp;
  text: string;
  /** 1-based line number in the old text (same, del). */
  oldLine?: number;
  /** 1-based line number in the new text (same, add). */
  newLine?: number;
}

/** A run of unchanged lines left out of a collapsed diff. */
export interface DiffGap {
  op: "gap";
  count: number;
}

export type DiffRow = DiffLine | DiffGap;

/** Beyond this many differing lines the diff stops looking for the shortest edit and shows a replace. */
const MAX_EDIT_DISTANCE = 2000;

function splitLines(text: string): string[] {
  if (text === "") return [];
  return text.replace(/\r\n?/g, "\n").split("\n");
}

/** The shortest edit script turning `a` into `b` (Myers 1986), as same/del/add operations in order. */
function myers(a: string[], b: string[]): LineOp[] | null {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  // trace[d] holds v for k in [-d, d] as it was before step d, which is what backtracking needs.
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    if (d > MAX_EDIT_DISTANCE) return null;
    trace.push(v.slice(offset - d, offset + d + 1));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) return backtrack(trace, n, m);
    }
  }
  return null;
}

function backtrack(trace: Int32Array[], n: number, m: number): LineOp[] {
  const ops: LineOp[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const v = trace[d];
    const at = (k: number) => v[k + d];
    const k = x - y;
    const prevK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const prevX = d === 0 ? 0 : at(prevK);
    const prevY = d === 0 ? 0 : prevX - prevK;
    while (x > prevX && y > prevY) {
      ops.push("same");
      x--;
      y--;
    }
    if (d > 0) {
      ops.push(x === prevX ? "add" : "del");
      x = prevX;
      y = prevY;
    }
  }
  return ops.reverse();
}

/** Every line of both texts, marked unchanged, removed or added, in reading order. */
export function diffLines(before: string, after: string): DiffLine[] {
  const a = splitLines(before);
  const b = splitLines(after);
  // Common head and tail are cheap to find and usually most of the text.
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const midA = a.slice(head, a.length - tail);
  const midB = b.slice(head, b.length - tail);
  const midOps = myers(midA, midB) ?? [...midA.map(() => "del" as const), ...midB.map(() => "add" as const)];
  const ops: LineOp[] = [...Array<LineOp>(head).fill("same"), ...midOps, ...Array<LineOp>(tail).fill("same")];

  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  for (const op of ops) {
    if (op === "same") {
      out.push({ op, text: a[i], oldLine: i + 1, newLine: j + 1 });
      i++;
      j++;
    } else if (op === "del") {
      out.push({ op, text: a[i], oldLine: i + 1 });
      i++;
    } else {
      out.push({ op, text: b[j], newLine: j + 1 });
      j++;
    }
  }
  return out;
}

/** Keeps `context` unchanged lines around each change and replaces longer unchanged runs by a gap. */
export function collapseUnchanged(lines: DiffLine[], context = 3): DiffRow[] {
  const changed = lines.map((l) => l.op !== "same");
  const keep = lines.map((_, i) => {
    for (let d = -context; d <= context; d++) if (changed[i + d]) return true;
    return false;
  });
  const rows: DiffRow[] = [];
  let skipped = 0;
  lines.forEach((line, i) => {
    if (keep[i]) {
      if (skipped) rows.push({ op: "gap", count: skipped });
      skipped = 0;
      rows.push(line);
    } else {
      skipped++;
    }
  });
  if (skipped) rows.push({ op: "gap", count: skipped });
  return rows;
}

export function hasLineChanges(lines: DiffLine[]): boolean {
  return lines.some((l) => l.op !== "same");
}

// ---------------------------------------------------------------------------------------------------------
// Settings

export interface SettingChange {
  /** Dotted path: "yAxis.title", "y", "conditionalFormats[0].color". */
  path: string;
  change: "added" | "removed" | "changed";
  /** JSON text of the value, absent when added. */
  before?: string;
  /** JSON text of the value, absent when removed. */
  after?: string;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function flatten(value: unknown, path: string, out: Map<string, string>): void {
  if (isPlainObject(value)) {
    const keys = Object.keys(value).filter((k) => value[k] !== undefined);
    if (keys.length === 0) {
      if (path) out.set(path, "{}");
      return;
    }
    for (const k of keys) flatten(value[k], path ? `${path}.${k}` : k, out);
    return;
  }
  if (Array.isArray(value) && value.some((v) => isPlainObject(v) || Array.isArray(v))) {
    value.forEach((v, i) => flatten(v, `${path}[${i}]`, out));
    return;
  }
  // Primitives and lists of primitives read best whole: ["revenue","target"].
  out.set(path, JSON.stringify(value) ?? "null");
}

/** What changed between two settings objects, leaf by leaf, in the order the keys first appear. */
export function diffSettings(before: unknown, after: unknown): SettingChange[] {
  const a = new Map<string, string>();
  const b = new Map<string, string>();
  flatten(before ?? {}, "", a);
  flatten(after ?? {}, "", b);
  const paths = [...new Set([...a.keys(), ...b.keys()])];
  const changes: SettingChange[] = [];
  for (const path of paths) {
    const x = a.get(path);
    const y = b.get(path);
    if (x === y) continue;
    if (x === undefined) changes.push({ path, change: "added", after: y });
    else if (y === undefined) changes.push({ path, change: "removed", before: x });
    else changes.push({ path, change: "changed", before: x, after: y });
  }
  return changes;
}

// ---------------------------------------------------------------------------------------------------------
// Charts

/** The parts of a chart a version keeps. */
export interface ChartVersionContent {
  title: string;
  description: string;
  sql: string;
  dataSourceId: string;
  vizType: string;
  vizConfig: unknown;
  parameters: unknown;
}

export interface ChartDiff {
  title: { before: string; after: string } | null;
  dataSource: { before: string; after: string } | null;
  vizType: { before: string; after: string } | null;
  sql: DiffLine[] | null;
  description: DiffLine[] | null;
  settings: SettingChange[];
  parameters: SettingChange[];
}

function changedPair(before: string, after: string) {
  return before === after ? null : { before, after };
}

export function diffChartVersions(before: ChartVersionContent, after: ChartVersionContent): ChartDiff {
  const sql = diffLines(before.sql, after.sql);
  const description = diffLines(before.description, after.description);
  return {
    title: changedPair(before.title, after.title),
    dataSource: changedPair(before.dataSourceId, after.dataSourceId),
    vizType: changedPair(before.vizType, after.vizType),
    sql: hasLineChanges(sql) ? sql : null,
    description: hasLineChanges(description) ? description : null,
    settings: diffSettings(before.vizConfig, after.vizConfig),
    parameters: diffSettings({ parameters: before.parameters ?? [] }, { parameters: after.parameters ?? [] }),
  };
}

/** Short names of what a chart save changed, for the history list: ["SQL", "settings"]. */
export function chartChangeSummary(before: ChartVersionContent | null, after: ChartVersionContent): string[] {
  if (!before) return ["first saved version"];
  const parts: string[] = [];
  if (before.title !== after.title) parts.push("title");
  if (before.sql !== after.sql) parts.push("SQL");
  if (before.dataSourceId !== after.dataSourceId) parts.push("data source");
  if (before.vizType !== after.vizType) parts.push("chart type");
  if (diffSettings(before.vizConfig, after.vizConfig).length) parts.push("settings");
  if (diffSettings({ p: before.parameters ?? [] }, { p: after.parameters ?? [] }).length) parts.push("parameters");
  if (before.description !== after.description) parts.push("definition");
  return parts.length ? parts : ["no changes"];
}

// ---------------------------------------------------------------------------------------------------------
// Dashboards

export interface LayoutTile {
  kind: string;
  chartId: string | null;
  text: string;
  x: number;
  y: number;
  w: number;
  h: number;
  position: number;
}

export interface LayoutContent {
  title: string;
  description: string;
  filters: unknown;
  tags: string[];
  tiles: LayoutTile[];
}

export interface TileChange {
  change: "added" | "removed" | "moved" | "resized" | "moved and resized" | "edited";
  kind: string;
  /** The chart's title, or the start of a text tile. */
  label: string;
  /** "x 0, y 4, 6×4" before and after, where it applies. */
  before?: string;
  after?: string;
}

export interface DashboardDiff {
  fields: SettingChange[];
  filters: SettingChange[];
  tiles: TileChange[];
}

function place(t: LayoutTile): string {
  return `column ${t.x + 1}, row ${t.y + 1}, ${t.w}×${t.h}`;
}

function tileLabel(t: LayoutTile, chartTitles: Record<string, string>): string {
  if (t.kind === "chart") return (t.chartId && chartTitles[t.chartId]) || "a deleted chart";
  const text = t.text.replace(/\s+/g, " ").trim();
  return text.length > 40 ? `${text.slice(0, 39)}…` : text || "(empty)";
}

/**
 * Pairs the tiles of two layouts (charts by chart, text and headers by their text, then by order) and says
 * what was added, removed, moved, resized or rewritten.
 */
export function diffTiles(before: LayoutTile[], after: LayoutTile[], chartTitles: Record<string, string> = {}): TileChange[] {
  const key = (t: LayoutTile) => (t.kind === "chart" ? `chart:${t.chartId}` : `${t.kind}:${t.text}`);
  const unmatchedAfter = [...after];
  const pairs: [LayoutTile, LayoutTile][] = [];
  const unmatchedBefore: LayoutTile[] = [];
  for (const t of before) {
    const i = unmatchedAfter.findIndex((u) => key(u) === key(t));
    if (i >= 0) pairs.push([t, unmatchedAfter.splice(i, 1)[0]]);
    else unmatchedBefore.push(t);
  }
  const changes: TileChange[] = [];
  // A text or header tile whose text changed pairs with the next new tile of its kind: an edit.
  const removed: LayoutTile[] = [];
  for (const t of unmatchedBefore) {
    const i = t.kind === "chart" ? -1 : unmatchedAfter.findIndex((u) => u.kind === t.kind);
    if (i >= 0) {
      const u = unmatchedAfter.splice(i, 1)[0];
      changes.push({ change: "edited", kind: t.kind, label: tileLabel(u, chartTitles), before: t.text, after: u.text });
      pairs.push([t, { ...u, text: t.text }]);
    } else {
      removed.push(t);
    }
  }
  for (const [t, u] of pairs) {
    const moved = t.x !== u.x || t.y !== u.y;
    const resized = t.w !== u.w || t.h !== u.h;
    if (!moved && !resized) continue;
    changes.push({
      change: moved && resized ? "moved and resized" : moved ? "moved" : "resized",
      kind: t.kind,
      label: tileLabel(u, chartTitles),
      before: place(t),
      after: place(u),
    });
  }
  for (const t of removed) changes.push({ change: "removed", kind: t.kind, label: tileLabel(t, chartTitles), before: place(t) });
  for (const u of unmatchedAfter) changes.push({ change: "added", kind: u.kind, label: tileLabel(u, chartTitles), after: place(u) });
  return changes;
}

export function diffDashboardVersions(before: LayoutContent, after: LayoutContent, chartTitles: Record<string, string> = {}): DashboardDiff {
  return {
    fields: diffSettings(
      { title: before.title, description: before.description, tags: before.tags ?? [] },
      { title: after.title, description: after.description, tags: after.tags ?? [] },
    ),
    filters: diffSettings({ filters: before.filters ?? [] }, { filters: after.filters ?? [] }),
    tiles: diffTiles(before.tiles ?? [], after.tiles ?? [], chartTitles),
  };
}

/** Short names of what a dashboard save changed, for the history list. */
export function dashboardChangeSummary(before: LayoutContent | null, after: LayoutContent): string[] {
  if (!before) return ["first saved version"];
  const d = diffDashboardVersions(before, after);
  const parts: string[] = [];
  for (const f of ["title", "description", "tags"]) if (d.fields.some((c) => c.path === f)) parts.push(f);
  if (d.filters.length) parts.push("filters");
  if (d.tiles.length) parts.push("layout");
  return parts.length ? parts : ["no changes"];
}
