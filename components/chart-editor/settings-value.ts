// What the chart settings panel edits: the chart type, the settings, and number fields' unfinished text.
import type { VizConfig, VizType } from "@/lib/charts/types";
import { parseNumberInput } from "./update-config";
import type { SettingsDrafts, SettingsErrors } from "./validate";

export interface ChartSettingsValue {
  vizType: VizType;
  config: VizConfig;
  /** Text typed into number fields that is not a number (yet), by settings path. */
  drafts: SettingsDrafts;
}

export type SettingsUpdate = (value: ChartSettingsValue) => ChartSettingsValue;

/** What the panel's parts are handed to read and change the settings. */
export interface SettingsEditor {
  value: ChartSettingsValue;
  errors: SettingsErrors;
  update: (fn: SettingsUpdate) => void;
  setConfig: (fn: (config: VizConfig) => VizConfig) => void;
  setNumber: (path: string, text: string, apply: (config: VizConfig, n: number | undefined) => VizConfig, options?: { required?: boolean }) => void;
}

/**
 * Text typed into the number field at `path`: a number (or blank, unless required) is applied to the
 * settings and clears the field's draft; anything else is kept as the draft and the settings stay as they were.
 */
export function applyNumberText(
  value: ChartSettingsValue,
  path: string,
  text: string,
  apply: (config: VizConfig, n: number | undefined) => VizConfig,
  required = false,
): ChartSettingsValue {
  const n = parseNumberInput(text);
  if (n === null || (required && n === undefined)) return { ...value, drafts: { ...value.drafts, [path]: text } };
  const drafts = { ...value.drafts };
  delete drafts[path];
  return { ...value, drafts, config: apply(value.config, n) };
}
