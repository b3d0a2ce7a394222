// Table cell colouring: the first of a chart's conditional-format rules that matches a cell decides its
// background, and the text colour is picked to stay readable on it.
import { toNumber } from "./format";
import type { ConditionalFormat } from "./types";

export interface CellStyle {
  background: string;
  color: string;
}

/** Text colours on a coloured cell: the app's foreground, or white on dark backgrounds. */
export const DARK_TEXT = "#1d2430";
export const LIGHT_TEXT = "#ffffff";

/** Whether a number satisfies one rule's comparison (the rule's column is not checked here). */
export function matchesRule(n: number, rule: Pick<ConditionalFormat, "operator" | "value" | "value2">): boolean {
  switch (rule.operator) {
    case ">":
      return n > rule.value;
    case ">=":
      return n >= rule.value;
    case "<":
      return n < rule.value;
    case "<=":
      return n <= rule.value;
    case "=":
      return n === rule.value;
    case "!=":
      return n !== rule.value;
    case "between": {
      // Without an upper bound the rule is incomplete and matches nothing; bounds written the wrong way
      // round still mean the range between them.
      if (rule.value2 === undefined) return false;
      const lo = Math.min(rule.value, rule.value2);
      const hi = Math.max(rule.value, rule.value2);
      return n >= lo && n <= hi;
    }
    default:
      return false;
  }
}

/**
 * The colours of a cell: the first rule for `columnName` whose comparison its value satisfies, or null.
 * Only numbers (and numeric strings such as int8 values) match; NULL, text and booleans never do.
 */
export function cellStyleFor(columnName: string, value: unknown, rules: readonly ConditionalFormat[] | undefined): CellStyle | null {
  if (!rules || rules.length === 0 || typeof value === "boolean") return null;
  const n = toNumber(value);
  if (n === null) return null;
  for (const rule of rules) {
    if (rule.column === columnName && matchesRule(n, rule)) {
      return { background: rule.color, color: textColorOn(rule.color) };
    }
  }
  return null;
}

/** WCAG relative luminance of a #rrggbb colour (0 = black, 1 = white). */
export function relativeLuminance(hex: string): number {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return 1;
  const [r, g, b] = m.slice(1, 4).map((h) => {
    const c = parseInt(h, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: number, b: number): number {
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}

/** Dark or white text, whichever contrasts more with the background. */
export function textColorOn(background: string): string {
  const l = relativeLuminance(background);
  return contrast(l, relativeLuminance(LIGHT_TEXT)) > contrast(l, relativeLuminance(DARK_TEXT)) ? LIGHT_TEXT : DARK_TEXT;
}
