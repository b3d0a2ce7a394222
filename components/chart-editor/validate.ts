// Checks chart settings against the shared schema and says what is wrong next to the field, in words.
import type { z } from "zod";
import { vizConfigSchema } from "@/lib/charts/schemas";
import type { VizConfig } from "@/lib/charts/types";

/** Field path → message; paths are dotted ("xAxis.min", "conditionalFormats.0.value", "colors.revenue"). */
export type SettingsErrors = Record<string, string>;
/** Text typed into number fields that is not a number yet, by path: kept so nothing typed is lost. */
export type SettingsDrafts = Record<string, string>;

export function pathKey(path: readonly PropertyKey[]): string {
  return path.map(String).join(".");
}

function readable(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "too_big":
      if (issue.origin === "string") return `At most ${issue.maximum} characters`;
      if (issue.origin === "array") return `At most ${issue.maximum} ${issue.path[0] === "conditionalFormats" ? "rules" : "columns"}`;
      return `At most ${issue.maximum}`;
    case "too_small":
      if (issue.origin === "string") return `At least ${issue.minimum} characters`;
      return `At least ${issue.minimum}`;
    case "invalid_type":
      if (issue.expected === "int") return "A whole number";
      if (issue.expected === "number") return "Enter a number";
      return issue.message;
    default:
      return issue.message;
  }
}

/** What the schema rejects in `config`, first message per field. */
export function configErrors(config: VizConfig): SettingsErrors {
  const parsed = vizConfigSchema.safeParse(config);
  const errors: SettingsErrors = {};
  if (parsed.success) return errors;
  for (const issue of parsed.error.issues) {
    const key = pathKey(issue.path);
    if (!(key in errors)) errors[key] = readable(issue);
  }
  return errors;
}

/** Schema errors plus "Enter a number" for every field holding text that is not a number. */
export function settingsErrors(config: VizConfig, drafts: SettingsDrafts = {}): SettingsErrors {
  const errors = configErrors(config);
  for (const key of Object.keys(drafts)) errors[key] = "Enter a number";
  return errors;
}

function deletePath(target: unknown, path: readonly PropertyKey[]): void {
  let node = target as Record<PropertyKey, unknown> | unknown[] | undefined;
  for (const part of path.slice(0, -1)) {
    if (node === null || typeof node !== "object") return;
    node = (node as Record<PropertyKey, unknown>)[part] as typeof node;
  }
  if (node === null || typeof node !== "object") return;
  const last = path[path.length - 1];
  if (Array.isArray(node) && typeof last === "number") node.splice(last, 1);
  else delete (node as Record<PropertyKey, unknown>)[last];
}

/**
 * The settings without what the schema rejects, for drawing a preview while the analyst is still typing
 * (a half-typed currency code must not break the chart). The analyst's own input is left untouched.
 */
export function validPart(config: VizConfig): VizConfig {
  const copy = structuredClone(config) as VizConfig;
  for (let pass = 0; pass < 3; pass++) {
    const parsed = vizConfigSchema.safeParse(copy);
    if (parsed.success) return copy;
    // A bad field inside a list item (a formatting rule) removes that item; elsewhere just the field. The
    // last pass removes whole settings. Deepest paths and highest indexes go first so none shifts another.
    const paths = new Map<string, PropertyKey[]>();
    for (const issue of parsed.error.issues) {
      const item = issue.path.findIndex((p) => typeof p === "number");
      const path = pass === 2 ? issue.path.slice(0, 1) : item >= 0 ? issue.path.slice(0, item + 1) : issue.path;
      paths.set(pathKey(path), path);
    }
    const ordered = [...paths.values()].sort((a, b) => b.length - a.length || pathKey(b).localeCompare(pathKey(a), "en", { numeric: true }));
    for (const path of ordered) {
      if (path.length === 0) return {};
      deletePath(copy, path);
    }
  }
  return vizConfigSchema.safeParse(copy).success ? copy : {};
}

/** The first error as a sentence for a save message: "Axes · X axis min: Enter a number". */
export function errorSummary(errors: SettingsErrors, labelOf: (path: string) => string = (p) => p): string | null {
  const first = Object.entries(errors)[0];
  if (!first) return null;
  const more = Object.keys(errors).length - 1;
  return `${labelOf(first[0])}: ${first[1]}${more > 0 ? ` (and ${more} more)` : ""}`;
}

/**
 * Drafts after item `index` of the list at `listPath` is removed: that item's drafts go, and those of the
 * items after it move up one place, so each half-typed value stays with its own item.
 */
export function dropIndexedDrafts(drafts: SettingsDrafts, listPath: string, index: number): SettingsDrafts {
  const prefix = `${listPath}.`;
  const next: SettingsDrafts = {};
  for (const [key, text] of Object.entries(drafts)) {
    if (!key.startsWith(prefix)) {
      next[key] = text;
      continue;
    }
    const [i, ...rest] = key.slice(prefix.length).split(".");
    const n = Number(i);
    if (n === index) continue;
    next[[listPath, n > index ? n - 1 : n, ...rest].join(".")] = text;
  }
  return next;
}

/** The settings without the field at `path` (and without its parent when that leaves it empty). */
export function clearSetting(config: VizConfig, path: string): VizConfig {
  const parts = path.split(".").map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  const copy = structuredClone(config) as VizConfig;
  deletePath(copy, parts);
  for (let depth = parts.length - 1; depth > 0; depth--) {
    let parent: unknown = copy;
    for (const part of parts.slice(0, depth)) parent = (parent as Record<PropertyKey, unknown> | undefined)?.[part];
    const empty = parent !== null && typeof parent === "object" && Object.keys(parent).length === 0;
    if (!empty) break;
    deletePath(copy, parts.slice(0, depth));
  }
  return copy;
}
