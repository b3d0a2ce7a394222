// Query tabs of the SQL page: what each tab holds, how its text survives a reload (localStorage, per user),
// and how parameter inputs become the values the run API takes.
import type { SettingsDrafts } from "@/components/chart-editor/validate";
import { randomUuid } from "@/components/ui/random-uuid";
import type { VizConfig, VizType } from "@/lib/charts/types";
import type { ParameterSpec, ParameterType, ParameterValue } from "@/lib/queries/parameters";

/** What a parameter input holds as typed: text for most types, two dates for a range. */
export type ParameterInput = string | { start: string; end: string };

export interface SavedChartRef {
  id: string;
  title: string;
  description: string;
  version: number;
  /** Who owns the saved chart and who saved it last, when (absent in tabs stored before this was kept). */
  ownerName?: string | null;
  updatedByName?: string | null;
  updatedAt?: string;
}

export interface QueryTab {
  id: string;
  title: string;
  sql: string;
  dataSourceId: string;
  /** Types chosen per parameter name (kept when a parameter disappears and comes back). */
  parameterTypes: Record<string, ParameterType>;
  parameterInputs: Record<string, ParameterInput>;
  chart: SavedChartRef | null;
  vizType: VizType;
  vizConfig: VizConfig;
  /** Chart settings typed into number fields that are not numbers yet (kept so nothing typed is lost). */
  vizDrafts: SettingsDrafts;
  /** The history run this tab was opened from (so a reload of /sql?run=ID does not open it twice). */
  fromRunId?: string;
}

export interface TabsState {
  tabs: QueryTab[];
  activeId: string;
}

const STORAGE_VERSION = 1;
export const storageKey = (userId: string) => `spyglass.sql.tabs.v${STORAGE_VERSION}.${userId}`;

export function newTabId(): string {
  return randomUuid();
}

export function createTab(dataSourceId: string, existing: QueryTab[], init: Partial<QueryTab> = {}): QueryTab {
  let n = existing.length + 1;
  const titles = new Set(existing.map((t) => t.title));
  while (titles.has(`Query ${n}`)) n++;
  return {
    id: newTabId(),
    title: `Query ${n}`,
    sql: "",
    dataSourceId,
    parameterTypes: {},
    parameterInputs: {},
    chart: null,
    vizType: "auto",
    vizConfig: {},
    vizDrafts: {},
    ...init,
  };
}

export function loadTabs(userId: string): TabsState | null {
  try {
    return parseTabs(window.localStorage.getItem(storageKey(userId)));
  } catch {
    return null;
  }
}

/** Tabs as saveTabs stored them (also what a `storage` event from another browser tab carries). */
export function parseTabs(raw: string | null): TabsState | null {
  try {
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<TabsState>;
    if (!Array.isArray(parsed.tabs) || parsed.tabs.length === 0) return null;
    const tabs = parsed.tabs
      .filter((t): t is QueryTab => !!t && typeof t.id === "string" && typeof t.sql === "string")
      .map((t) => ({ ...createTab(t.dataSourceId ?? "", []), ...t }));
    if (tabs.length === 0) return null;
    const activeId = tabs.some((t) => t.id === parsed.activeId) ? parsed.activeId! : tabs[0].id;
    return { tabs, activeId };
  } catch {
    return null;
  }
}

export function saveTabs(userId: string, state: TabsState): void {
  try {
    window.localStorage.setItem(storageKey(userId), JSON.stringify(state));
  } catch {
    // Storage full or disabled: tabs then last as long as the page.
  }
}

/** A guess for a new parameter's type from its name; the user can change it. */
export function guessParameterType(name: string): ParameterType {
  const n = name.toLowerCase();
  if (/(^|_)(range|period|between)$/.test(n)) return "date_range";
  if (/(^|_)(date|day|since|until|from|to)($|_)/.test(n)) return "date";
  if (/(^|_)(ids|list|values)$/.test(n)) return "list";
  if (/(^|_)(n|count|limit|min|max|threshold|number)$/.test(n)) return "number";
  return "text";
}

/** The value the run API takes for what was typed; null when unset (optional clauses are then dropped). */
export function toParameterValue(type: ParameterType, input: ParameterInput | undefined): ParameterValue {
  if (input === undefined) return null;
  if (type === "date_range") {
    if (typeof input === "string") return null;
    return input.start || input.end ? { start: input.start, end: input.end } : null;
  }
  const text = typeof input === "string" ? input : input.start;
  if (type === "number") {
    if (text.trim() === "") return null;
    const n = Number(text);
    return Number.isFinite(n) ? n : text;
  }
  if (type === "list") {
    const items = text.split(",").map((s) => s.trim()).filter((s) => s !== "");
    return items.length ? items : null;
  }
  return text === "" ? null : text;
}

/** The reverse, for a run opened from the history. */
export function toParameterInput(value: ParameterValue | undefined): ParameterInput {
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) return value.join(", ");
  if (typeof value === "object") return { start: value.start ?? "", end: value.end ?? "" };
  return String(value);
}

/** Tab parameter state from a saved chart's specs: each parameter's type, and its default as the input. */
export function parameterStateFromSpecs(specs: ParameterSpec[]): Pick<QueryTab, "parameterTypes" | "parameterInputs"> {
  const parameterTypes: Record<string, ParameterType> = {};
  const parameterInputs: Record<string, ParameterInput> = {};
  for (const spec of specs) {
    parameterTypes[spec.name] = spec.type;
    parameterInputs[spec.name] = toParameterInput(spec.default);
  }
  return { parameterTypes, parameterInputs };
}

/** What a chart saves for the parameters its SQL uses: each one's type, with the current input as default. */
export function parameterSpecsToSave(tab: QueryTab, names: string[]): ParameterSpec[] {
  const { parameters, values } = parametersForRun(tab, names);
  return parameters.map((p) => (values[p.name] === null ? p : { ...p, default: values[p.name] }));
}

/** Specs and values to send for the parameters used in `names`. */
export function parametersForRun(tab: QueryTab, names: string[]): { parameters: ParameterSpec[]; values: Record<string, ParameterValue> } {
  const parameters: ParameterSpec[] = [];
  const values: Record<string, ParameterValue> = {};
  for (const name of names) {
    const type = tab.parameterTypes[name] ?? guessParameterType(name);
    parameters.push({ name, type });
    values[name] = toParameterValue(type, tab.parameterInputs[name]);
  }
  return { parameters, values };
}
