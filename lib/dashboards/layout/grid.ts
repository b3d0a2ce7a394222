// Pure layout maths of the dashboard grid (12 columns, rows of fixed height): limits per tile kind,
// collisions, compaction, moving, resizing and placing tiles. The editor in the browser and the layout
// schema on the server use the same functions, so what the editor produces is what the server accepts.

export const GRID_COLUMNS = 12;
/** No tile may reach below this row; far more than any dashboard needs, small enough to bound loops. */
export const MAX_GRID_ROWS = 1000;
export const MAX_TILES = 200;

export const TILE_KINDS = ["chart", "text", "header"] as const;
export type TileKind = (typeof TILE_KINDS)[number];

export interface TileLimits {
  minW: number;
  maxW: number;
  minH: number;
  maxH: number;
}

/** Section headers always span the whole width; charts need room for axes. */
export const TILE_LIMITS: Record<TileKind, TileLimits> = {
  chart: { minW: 2, maxW: GRID_COLUMNS, minH: 2, maxH: 24 },
  text: { minW: 1, maxW: GRID_COLUMNS, minH: 1, maxH: 24 },
  header: { minW: GRID_COLUMNS, maxW: GRID_COLUMNS, minH: 1, maxH: 2 },
};

/** Sizes of newly added tiles. */
export const NEW_TILE_SIZE: Record<TileKind, { w: number; h: number }> = {
  chart: { w: 6, h: 4 },
  text: { w: 6, h: 3 },
  header: { w: GRID_COLUMNS, h: 1 },
};

export interface GridBox {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface LayoutItem extends GridBox {
  id: string;
  kind: TileKind;
}

export function overlaps(a: GridBox, b: GridBox): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/** The first row below every tile (0 for an empty layout). */
export function bottom(items: readonly GridBox[]): number {
  return items.reduce((max, t) => Math.max(max, t.y + t.h), 0);
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** The item with its size within its kind's limits, and its position inside the grid. */
export function clampToGrid<T extends LayoutItem>(item: T): T {
  const limits = TILE_LIMITS[item.kind];
  const w = clamp(Math.round(item.w), limits.minW, limits.maxW);
  const h = clamp(Math.round(item.h), limits.minH, limits.maxH);
  const x = clamp(Math.round(item.x), 0, GRID_COLUMNS - w);
  const y = clamp(Math.round(item.y), 0, MAX_GRID_ROWS - h);
  return { ...item, x, y, w, h };
}

/** Top to bottom, then left to right: the order a reader (and a phone's single column) follows. */
export function readingOrder<T extends GridBox>(items: readonly T[]): T[] {
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => a.item.y - b.item.y || a.item.x - b.item.x || a.index - b.index)
    .map((e) => e.item);
}

/**
 * Gravity: every tile rises until it touches a tile above it, in reading order, and tiles that overlap
 * one placed before them are pushed down below it. The result has no overlaps and no gaps a tile could
 * rise into. `priority` is the tile the user just moved or resized: among tiles starting on the same
 * row it goes first when it moved up (or stayed), so it takes the spot and pushes the others down, and
 * last when it moved down, so the tiles it passed rise above it.
 */
export function compact<T extends LayoutItem>(items: readonly T[], priority?: { id: string; ahead: boolean }): T[] {
  const rank = (item: T) => (priority && item.id === priority.id ? (priority.ahead ? -1 : 1) : 0);
  const order = items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => a.item.y - b.item.y || rank(a.item) - rank(b.item) || a.item.x - b.item.x || a.index - b.index);
  const placed: T[] = [];
  const result = new Map<string, T>();
  for (const { item } of order) {
    const box = { ...item };
    while (box.y > 0 && !placed.some((p) => overlaps({ ...box, y: box.y - 1 }, p))) box.y--;
    for (let hit = placed.find((p) => overlaps(box, p)); hit; hit = placed.find((p) => overlaps(box, p))) {
      box.y = hit.y + hit.h;
    }
    placed.push(box);
    result.set(item.id, box);
  }
  // Keep the caller's order of the array: only positions change.
  return items.map((item) => result.get(item.id)!);
}

function findOrThrow<T extends LayoutItem>(items: readonly T[], id: string): T {
  const item = items.find((t) => t.id === id);
  if (!item) throw new Error(`No tile ${id} in the layout`);
  return item;
}

/**
 * Puts the tile at (x, y), snapped into the grid; tiles in the way are pushed down, then all rise.
 * Dragged past the middle of a tile above (or, going down, below) it, the tile takes that tile's row,
 * so the two swap: without this a tile would have to be dragged all the way to the other's top edge.
 */
export function moveTile<T extends LayoutItem>(items: readonly T[], id: string, to: { x: number; y: number }): T[] {
  const item = findOrThrow(items, id);
  const target = clampToGrid({ ...item, x: to.x, y: to.y });
  const inColumns = items.filter((o) => o.id !== id && o.x < target.x + target.w && target.x < o.x + o.w);
  if (target.y < item.y) {
    const passed = inColumns.filter((o) => o.y < target.y && target.y < o.y + o.h / 2);
    if (passed.length > 0) target.y = Math.min(...passed.map((o) => o.y));
  } else if (target.y > item.y) {
    const passed = inColumns.filter((o) => o.y > target.y && o.y > item.y && target.y + target.h > o.y + o.h / 2);
    if (passed.length > 0) target.y = Math.max(...passed.map((o) => o.y));
  }
  return compact(
    items.map((t) => (t.id === id ? target : t)),
    { id, ahead: target.y <= item.y },
  );
}

/** Gives the tile a new size within its kind's limits and the grid's right edge; tiles in the way are pushed down. */
export function resizeTile<T extends LayoutItem>(items: readonly T[], id: string, size: { w: number; h: number }): T[] {
  const item = findOrThrow(items, id);
  const limits = TILE_LIMITS[item.kind];
  const w = clamp(Math.round(size.w), limits.minW, Math.min(limits.maxW, GRID_COLUMNS - item.x));
  const target = clampToGrid({ ...item, w, h: size.h });
  return compact(
    items.map((t) => (t.id === id ? target : t)),
    { id, ahead: true },
  );
}

export function samePositions(a: readonly LayoutItem[], b: readonly LayoutItem[]): boolean {
  if (a.length !== b.length) return false;
  const byId = new Map(b.map((t) => [t.id, t]));
  return a.every((t) => {
    const o = byId.get(t.id);
    return o !== undefined && o.x === t.x && o.y === t.y && o.w === t.w && o.h === t.h;
  });
}

export type Direction = "left" | "right" | "up" | "down";

/**
 * One keyboard step. Left and right move one column. Up and down move to the nearest row where the
 * layout actually changes: in a compacted grid, one row down usually floats straight back, so "down"
 * means "past the next tile below".
 */
export function nudgeTile<T extends LayoutItem>(items: readonly T[], id: string, direction: Direction): T[] {
  const item = findOrThrow(items, id);
  const base = compact(items);
  if (direction === "left" || direction === "right") {
    return moveTile(items, id, { x: item.x + (direction === "left" ? -1 : 1), y: item.y });
  }
  const step = direction === "up" ? -1 : 1;
  const limit = direction === "up" ? 0 : bottom(items);
  for (let y = item.y + step; direction === "up" ? y >= limit : y <= limit; y += step) {
    const next = moveTile(items, id, { x: item.x, y });
    if (!samePositions(next, base)) return next;
  }
  return base;
}

/** One keyboard step of resizing: right/left widen/narrow by a column, down/up grow/shrink by a row. */
export function nudgeSize<T extends LayoutItem>(items: readonly T[], id: string, direction: Direction): T[] {
  const item = findOrThrow(items, id);
  const dw = direction === "right" ? 1 : direction === "left" ? -1 : 0;
  const dh = direction === "down" ? 1 : direction === "up" ? -1 : 0;
  return resizeTile(items, id, { w: item.w + dw, h: item.h + dh });
}

/** Removes the tile; the tiles below rise into its place. */
export function removeTile<T extends LayoutItem>(items: readonly T[], id: string): T[] {
  return compact(items.filter((t) => t.id !== id));
}

/**
 * Where a new tile of this size goes: the leftmost free slot on the last row of tiles if it fits
 * there, else the start of a new row at the bottom.
 */
export function freeSlotAtBottom(items: readonly GridBox[], size: { w: number; h: number }): { x: number; y: number } {
  const end = bottom(items);
  const lastRow = items.filter((t) => t.y + t.h === end);
  if (lastRow.length > 0) {
    const y = Math.min(...lastRow.map((t) => t.y));
    for (let x = 0; x + size.w <= GRID_COLUMNS; x++) {
      const box = { x, y, w: size.w, h: size.h };
      if (!items.some((t) => overlaps(box, t))) return { x, y };
    }
  }
  return { x: 0, y: end };
}

/** Adds the tile in the first free slot at the bottom. */
export function appendTile<T extends LayoutItem>(items: readonly T[], tile: Omit<T, "x" | "y">): T[] {
  const sized = clampToGrid({ ...tile, x: 0, y: 0 } as T);
  const slot = freeSlotAtBottom(items, sized);
  return [...items, { ...sized, ...slot }];
}

/** "tile 3 (chart at column 1, row 2)": how error messages name a tile, counted from 1 like the UI. */
export function describeTile(item: GridBox & { kind: string }, index: number): string {
  return `tile ${index + 1} (${item.kind} at column ${item.x + 1}, row ${item.y + 1})`;
}

const KIND_NAMES: Record<TileKind, string> = { chart: "charts", text: "text tiles", header: "section headers" };

/** Everything wrong with a layout, as sentences a person can act on; empty when it is valid. */
export function layoutProblems(items: readonly (GridBox & { kind: TileKind })[]): string[] {
  const problems: string[] = [];
  items.forEach((t, i) => {
    const name = describeTile(t, i);
    const limits = TILE_LIMITS[t.kind];
    if (t.kind === "header" && t.w !== GRID_COLUMNS) {
      problems.push(`${capitalize(name)}: section headers span the full width (${GRID_COLUMNS} columns), not ${t.w}.`);
    } else if (t.w < limits.minW || t.w > limits.maxW) {
      problems.push(`${capitalize(name)}: ${KIND_NAMES[t.kind]} are ${limits.minW} to ${limits.maxW} columns wide, not ${t.w}.`);
    }
    if (t.h < limits.minH || t.h > limits.maxH) {
      problems.push(`${capitalize(name)}: ${KIND_NAMES[t.kind]} are ${limits.minH} to ${limits.maxH} rows tall, not ${t.h}.`);
    }
    if (t.x + t.w > GRID_COLUMNS) {
      problems.push(`${capitalize(name)}: it reaches column ${t.x + t.w}, past the grid's ${GRID_COLUMNS} columns.`);
    }
    if (t.y + t.h > MAX_GRID_ROWS) {
      problems.push(`${capitalize(name)}: it reaches row ${t.y + t.h}, past the grid's ${MAX_GRID_ROWS} rows.`);
    }
  });
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      if (overlaps(items[i], items[j])) {
        problems.push(`${capitalize(describeTile(items[i], i))} overlaps ${describeTile(items[j], j)}: tiles may not cover each other.`);
      }
    }
  }
  return problems;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
