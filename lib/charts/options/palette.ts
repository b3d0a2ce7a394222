// Series colours. A series takes its colour from its name, not its position, so "ios" is the same colour
// on every chart that shows it, and adding a series never repaints the others.
// No greys: grey is kept for targets and "Other" so they never read as data.
export const PALETTE = ["#2f6fde", "#f08a24", "#1f9d6b", "#d64545", "#8a5cd1", "#14a3b8", "#c9a227", "#e0679f", "#8c564b", "#7fb800"];
/** Targets and plans: a neutral grey, never a palette colour, so they never look like data. */
export const TARGET_COLOR = "#5f6b7a";
/** The "Other" slice that folds the smallest pie slices. */
export const OTHER_COLOR = "#a3acb9";

/** FNV-1a over the UTF-16 code units: small, fast, and the same in every JavaScript engine. */
function hashName(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The colour of a series: the one chosen in the chart's settings, else a palette colour picked by name. */
export function seriesColor(name: string, colors?: Record<string, string>): string {
  return colors?.[name] ?? PALETTE[hashName(name) % PALETTE.length];
}

/**
 * Colours for the series of one chart. Each takes seriesColor(name) unless that palette colour is already
 * taken on this chart, in which case it takes the next free one: two series sharing a colour would make
 * the chart unreadable. Names are served in alphabetical order, so the same set of series gets the same
 * colours on every chart whatever order the rows came in.
 */
export function assignSeriesColors(names: readonly string[], colors: Record<string, string> = {}): Map<string, string> {
  const assigned = new Map<string, string>();
  const taken = new Set<string>();
  const unique = [...new Set(names)];
  for (const name of unique) {
    if (colors[name] !== undefined) {
      assigned.set(name, colors[name]);
      taken.add(colors[name].toLowerCase());
    }
  }
  const rest = unique.filter((n) => !assigned.has(n)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const name of rest) {
    const home = hashName(name) % PALETTE.length;
    let color = PALETTE[home];
    for (let k = 0; k < PALETTE.length; k++) {
      const candidate = PALETTE[(home + k) % PALETTE.length];
      if (!taken.has(candidate)) {
        color = candidate;
        break;
      }
    }
    assigned.set(name, color);
    taken.add(color);
  }
  return assigned;
}
