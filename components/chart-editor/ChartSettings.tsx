"use client";
// The chart settings panel of the SQL page: the chart type and the settings that apply to it, offered for
// the current result's columns. Controls show what Spyglass picked until the analyst changes them, and
// only what the analyst changes is written to the settings.
import { useId, useMemo, useState, type ReactNode } from "react";
import { assignSeriesColors, resolveVizType } from "@/lib/charts/build-chart-option";
import { resolvePivotFields } from "@/lib/charts/pivot";
import { resolveVizConfig } from "@/lib/charts/resolve-viz-config";
import { VIZ_TYPES } from "@/lib/charts/schemas";
import type { ConcreteVizType, VizConfig, VizType } from "@/lib/charts/types";
import type { QueryResult, ResultColumn } from "@/lib/warehouse/types";
import { ColumnList } from "./ColumnList";
import { applies, columnLabels, fieldLabel, SECTION_LABELS, sectionOfPath, sectionsFor, vizTypeLabel, xAxisScaleApplies, type SectionKey } from "./controls";
import { CheckboxField, NumberField, SelectField, TextField, type Option } from "./fields";
import { FormattingRules } from "./FormattingRules";
import { seriesNames } from "./series-names";
import { applyNumberText, type ChartSettingsValue, type SettingsEditor, type SettingsUpdate } from "./settings-value";
import {
  CONFIG_DEFAULTS,
  PIVOT_DEFAULTS,
  setAxis,
  setColor,
  setOption,
  setPivot,
  setStacking,
  stackingOf,
  toggleInList,
  type AxisKey,
} from "./update-config";
import { clearSetting, settingsErrors, validPart, type SettingsErrors } from "./validate";
import styles from "./chart-editor.module.css";

export type { ChartSettingsValue, SettingsUpdate } from "./settings-value";

export interface ChartSettingsProps {
  result: Pick<QueryResult, "columns" | "rows">;
  value: ChartSettingsValue;
  onChange: (update: SettingsUpdate) => void;
}

/** What Spyglass picked for the columns; fields the resolver does not (yet) fill in are optional. */
interface Resolved {
  x?: string;
  y: string[];
  series?: string;
  target?: string;
  size?: string;
  lineColumns?: string[];
  rightAxisColumns?: string[];
  dataLabels?: boolean;
}

function resolveSafely(type: ConcreteVizType, columns: ResultColumn[], config: VizConfig): Resolved {
  try {
    return resolveVizConfig(type, columns, config) as Resolved;
  } catch {
    // The preview says what is wrong; the panel still lets the analyst fix the settings.
    return { y: [] };
  }
}

const isTemporal = (c: ResultColumn | undefined) => c?.type === "date" || c?.type === "timestamp";

const SORT_OPTIONS: Option[] = [
  { value: "query", label: "Query order" },
  { value: "x-asc", label: "X ascending" },
  { value: "x-desc", label: "X descending" },
  { value: "value-asc", label: "Value ascending" },
  { value: "value-desc", label: "Value descending" },
];
const STACKING_OPTIONS: Option[] = [
  { value: "none", label: "None" },
  { value: "stacked", label: "Stacked" },
  { value: "percent", label: "100 %" },
];
const ORIENTATION_OPTIONS: Option[] = [
  { value: "vertical", label: "Vertical" },
  { value: "horizontal", label: "Horizontal" },
];
const GAP_OPTIONS: Option[] = [
  { value: "gap", label: "Leave a gap" },
  { value: "zero", label: "Draw as zero" },
];
const FORMAT_OPTIONS: Option[] = [
  { value: "number", label: "Number" },
  { value: "currency", label: "Currency" },
  { value: "percent", label: "Percent" },
];
const DATE_FORMAT_OPTIONS: Option[] = [
  { value: "auto", label: "Automatic" },
  { value: "day", label: "Day (2024-01-31)" },
  { value: "week", label: "Week" },
  { value: "month", label: "Month (Jan 2024)" },
  { value: "quarter", label: "Quarter (Q1 2024)" },
  { value: "year", label: "Year" },
  { value: "datetime", label: "Date and time" },
];
const LEGEND_OPTIONS: Option[] = [
  { value: "auto", label: "Automatic" },
  { value: "top", label: "Top" },
  { value: "bottom", label: "Bottom" },
  { value: "right", label: "Right" },
  { value: "none", label: "Hidden" },
];
const AGGREGATE_OPTIONS: Option[] = [
  { value: "sum", label: "Sum" },
  { value: "count", label: "Count" },
  { value: "avg", label: "Average" },
  { value: "min", label: "Minimum" },
  { value: "max", label: "Maximum" },
];
const AXIS_NAMES: Record<AxisKey, string> = { xAxis: "X axis", yAxis: "Y axis", rightAxis: "Right axis" };

/** Sections open at first: the main one for the type, and any the settings already use or that have errors. */
function initialOpen(config: VizConfig, errors: SettingsErrors): Set<SectionKey> {
  const open = new Set<SectionKey>(["data", "pivot", "number", "table", "cohort"]);
  for (const key of Object.keys(config)) open.add(sectionOfPath(key));
  for (const path of Object.keys(errors)) open.add(sectionOfPath(path));
  return open;
}

export function ChartSettings({ result, value, onChange }: ChartSettingsProps) {
  const id = useId();
  const { columns } = result;
  const { config, drafts } = value;
  const picked = useMemo(() => resolveVizType("auto", result), [result]);
  const type: ConcreteVizType = value.vizType === "auto" ? picked : value.vizType;
  // Half-typed values (a two-letter currency) are left out of what the defaults are worked out from.
  const usable = useMemo(() => validPart(config), [config]);
  const resolved = useMemo(() => resolveSafely(type, columns, usable), [type, columns, usable]);
  const errors = useMemo(() => settingsErrors(config, drafts), [config, drafts]);
  // Reads the rows (up to every one when a column has few distinct values): once per result and settings,
  // not on every render of the panel.
  const series = useMemo(() => seriesNames(type, result, resolved), [type, result, resolved]);
  const [open, setOpen] = useState<Set<SectionKey>>(() => initialOpen(config, settingsErrors(config, drafts)));

  const editor: SettingsEditor = {
    value,
    errors,
    update: onChange,
    setConfig: (fn) => onChange((v) => ({ ...v, config: fn(v.config) })),
    setNumber: (path, text, apply, options) => onChange((v) => applyNumberText(v, path, text, apply, options?.required)),
  };
  const { setConfig, setNumber } = editor;

  const names = columns.map((c) => c.name);
  const byName = new Map(columns.map((c) => [c.name, c]));
  const numeric = columns.filter((c) => c.type === "number").map((c) => c.name);
  const labels = columnLabels(type);

  /** What Spyglass would pick for `key` if the analyst had not chosen it. */
  const defaultOf = <K extends keyof Resolved & keyof VizConfig>(key: K): Resolved[K] => {
    const without = { ...usable };
    delete without[key];
    return resolveSafely(type, columns, without)[key];
  };
  const chooseColumn = (key: "x" | "series" | "target" | "size", column: string) => {
    const fallback = defaultOf(key) ?? "";
    setConfig((c) => setOption(c, key, column, fallback));
  };
  const columnOptions = (list: string[], current: string, none?: string): Option[] => {
    const options: Option[] = [...(none !== undefined ? [{ value: "", label: none }] : []), ...list.map((n) => ({ value: n, label: n }))];
    if (!options.some((o) => o.value === current)) options.push({ value: current, label: current === "" ? "—" : `${current} (not in result)` });
    return options;
  };

  const xValue = config.x || resolved.x || "";
  const yItems = config.y ?? resolved.y;
  const seriesValue = config.series ?? resolved.series ?? "";
  const targetValue = config.target ?? resolved.target ?? "";
  const roleColumns = [resolved.x, resolved.series, resolved.target].filter((n): n is string => !!n);
  const lineColumns = resolved.lineColumns ?? config.lineColumns ?? resolved.y.slice(1);
  const rightColumns = resolved.rightAxisColumns ?? config.rightAxisColumns ?? [];

  const showRightAxisChoice = applies("rightAxisColumns", type) && (resolved.y.length > 1 || rightColumns.length > 0);
  const showRightAxis = applies("rightAxisColumns", type) && (rightColumns.length > 0 || config.rightAxis !== undefined);
  const showXScale = xAxisScaleApplies(type, byName.get(resolved.x ?? "")?.type === "number");
  const showGaps = applies("gaps", type) && (isTemporal(byName.get(resolved.x ?? "")) || config.gaps !== undefined);
  const showDateFormat = applies("dateFormat", type) && (columns.some(isTemporal) || config.dateFormat !== undefined);
  const showCurrency = (config.format ?? "number") === "currency" || config.currency !== undefined;
  const sections = sectionsFor(type);

  const isShown = (path: string): boolean => {
    if (!sections.includes(sectionOfPath(path))) return false;
    if (/^xAxis\.(min|max|log)/.test(path)) return showXScale;
    if (path.startsWith("rightAxis.")) return showRightAxis;
    if (path === "dateFormat") return showDateFormat;
    if (path === "gaps") return showGaps;
    return true;
  };
  const hiddenErrors = Object.entries(errors).filter(([path]) => !isShown(path));

  const typePicker = (
    <fieldset className={styles.typePicker}>
      <legend>Chart type</legend>
      <div className={styles.typeGrid}>
        {VIZ_TYPES.map((t: VizType) => (
          <label key={t} className={styles.typeOption}>
            <input type="radio" name={`${id}-type`} value={t} checked={value.vizType === t} onChange={() => onChange((v) => ({ ...v, vizType: t }))} />
            <span>{vizTypeLabel(t, picked)}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );

  const axisFields = (axis: AxisKey, scale: boolean) => {
    const settings = config[axis] ?? {};
    const name = AXIS_NAMES[axis];
    return (
      <div className={styles.group} key={axis}>
        <TextField
          label={`${name} label`}
          value={settings.title ?? ""}
          placeholder="Automatic"
          maxLength={200}
          onChange={(title) => setConfig((c) => setAxis(c, axis, { title }))}
          error={errors[`${axis}.title`]}
        />
        {axis === "rightAxis" && (
          <SelectField
            label="Right axis number format"
            value={settings.format ?? "number"}
            options={FORMAT_OPTIONS}
            onChange={(v) => setConfig((c) => setAxis(c, "rightAxis", { format: v as VizConfig["format"] }))}
          />
        )}
        {scale && (
          <>
            <CheckboxField label={`${name} log scale`} checked={settings.log ?? false} onChange={(log) => setConfig((c) => setAxis(c, axis, { log }))} />
            <div className={styles.pair}>
              {(["min", "max"] as const).map((bound) => (
                <NumberField
                  key={bound}
                  label={`${name} ${bound}`}
                  value={settings[bound]}
                  draft={drafts[`${axis}.${bound}`]}
                  error={errors[`${axis}.${bound}`]}
                  placeholder="Auto"
                  onText={(text) => setNumber(`${axis}.${bound}`, text, (c, n) => setAxis(c, axis, { [bound]: n }))}
                />
              ))}
            </div>
          </>
        )}
      </div>
    );
  };

  const sectionBody: Record<SectionKey, () => ReactNode> = {
    data: () => (
      <>
        {applies("x", type) && (
          <SelectField label={labels.x} value={xValue} options={columnOptions(names, xValue)} onChange={(v) => chooseColumn("x", v)} error={errors.x} />
        )}
        {applies("yMulti", type) && (
          <ColumnList
            label={labels.y}
            addLabel="Add Y column"
            items={yItems}
            columns={names}
            exclude={roleColumns}
            minItems={1}
            max={50}
            error={errors.y}
            emptyText="No value columns in this result."
            onChange={(items) => {
              const fallback = defaultOf("y");
              setConfig((c) => setOption(c, "y", items.length > 0 ? items : undefined, fallback));
            }}
          />
        )}
        {applies("ySingle", type) &&
          (() => {
            const current = config.y?.[0] ?? resolved.y[0] ?? "";
            return (
              <SelectField
                label={labels.y}
                value={current}
                options={columnOptions(numeric.length > 0 ? numeric : names, current)}
                error={errors.y}
                onChange={(v) => {
                  const fallback = defaultOf("y")?.slice(0, 1);
                  setConfig((c) => setOption(c, "y", [v], fallback));
                }}
              />
            );
          })()}
        {applies("series", type) && (
          <SelectField
            label={labels.series}
            value={seriesValue}
            options={columnOptions(names, seriesValue, type === "cohort" ? undefined : "None")}
            onChange={(v) => chooseColumn("series", v)}
            error={errors.series}
          />
        )}
        {applies("size", type) &&
          (() => {
            const current = config.size ?? resolved.size ?? "";
            return (
              <SelectField
                label="Bubble size"
                value={current}
                options={columnOptions(numeric, current, "Same size")}
                onChange={(v) => chooseColumn("size", v)}
                error={errors.size}
              />
            );
          })()}
        {applies("sort", type) && (
          <SelectField
            label="Sort"
            value={config.sort ?? CONFIG_DEFAULTS.sort}
            options={SORT_OPTIONS}
            hint={isTemporal(byName.get(resolved.x ?? "")) ? "Time axes are always in time order." : undefined}
            onChange={(v) => setConfig((c) => setOption(c, "sort", v as VizConfig["sort"]))}
          />
        )}
        {applies("stacking", type) && (
          <SelectField
            label="Stacking"
            value={stackingOf(config)}
            options={STACKING_OPTIONS}
            onChange={(v) => setConfig((c) => setStacking(c, v as NonNullable<VizConfig["stacking"]>))}
          />
        )}
        {applies("orientation", type) && (
          <SelectField
            label="Orientation"
            value={config.orientation ?? CONFIG_DEFAULTS.orientation}
            options={ORIENTATION_OPTIONS}
            onChange={(v) => setConfig((c) => setOption(c, "orientation", v as VizConfig["orientation"]))}
          />
        )}
        {applies("lineColumns", type) && resolved.y.length > 0 && (
          <fieldset className={styles.checkGroup}>
            <legend>Drawn as lines (the others are bars)</legend>
            {resolved.y.map((y) => (
              <CheckboxField
                key={y}
                label={`${y} as line`}
                checked={lineColumns.includes(y)}
                onChange={(on) => {
                  const fallback = defaultOf("lineColumns") ?? resolved.y.slice(1);
                  setConfig((c) => setOption(c, "lineColumns", toggleInList(c.lineColumns ?? fallback, y, on, resolved.y), fallback));
                }}
              />
            ))}
          </fieldset>
        )}
        {showRightAxisChoice && (
          <fieldset className={styles.checkGroup}>
            <legend>Right axis</legend>
            {resolved.y.map((y) => (
              <CheckboxField
                key={y}
                label={`${y} on right axis`}
                checked={rightColumns.includes(y)}
                onChange={(on) => setConfig((c) => setOption(c, "rightAxisColumns", toggleInList(c.rightAxisColumns ?? [], y, on, resolved.y), []))}
              />
            ))}
          </fieldset>
        )}
        {showGaps && (
          <SelectField
            label="Missing values"
            value={config.gaps ?? CONFIG_DEFAULTS.gaps}
            options={GAP_OPTIONS}
            onChange={(v) => setConfig((c) => setOption(c, "gaps", v as VizConfig["gaps"]))}
          />
        )}
      </>
    ),
    axes: () => (
      <>
        {axisFields("xAxis", showXScale)}
        {axisFields("yAxis", true)}
        {showRightAxis && axisFields("rightAxis", true)}
      </>
    ),
    values: () => (
      <>
        <SelectField
          label="Number format"
          value={config.format ?? CONFIG_DEFAULTS.format}
          options={FORMAT_OPTIONS}
          onChange={(v) => setConfig((c) => setOption(c, "format", v as VizConfig["format"]))}
        />
        {showCurrency && (
          <TextField
            label="Currency"
            value={config.currency ?? ""}
            placeholder="USD"
            maxLength={3}
            error={errors.currency}
            onChange={(text) => setConfig((c) => setOption(c, "currency", text.trim() === "" ? undefined : text.toUpperCase()))}
          />
        )}
        <NumberField
          label="Decimals"
          value={config.decimals}
          draft={drafts.decimals}
          error={errors.decimals}
          placeholder="Auto"
          onText={(text) => setNumber("decimals", text, (c, n) => setOption(c, "decimals", n))}
        />
        {showDateFormat && (
          <SelectField
            label="Date format"
            value={config.dateFormat ?? CONFIG_DEFAULTS.dateFormat}
            options={DATE_FORMAT_OPTIONS}
            onChange={(v) => setConfig((c) => setOption(c, "dateFormat", v as VizConfig["dateFormat"]))}
          />
        )}
        {applies("legend", type) && (
          <SelectField
            label="Legend"
            value={config.legend ?? CONFIG_DEFAULTS.legend}
            options={LEGEND_OPTIONS}
            onChange={(v) => setConfig((c) => setOption(c, "legend", v as VizConfig["legend"]))}
          />
        )}
        {applies("dataLabels", type) && (
          <CheckboxField
            label="Data labels"
            checked={config.dataLabels ?? resolved.dataLabels ?? false}
            onChange={(on) => {
              const fallback = defaultOf("dataLabels") ?? false;
              setConfig((c) => setOption(c, "dataLabels", on, fallback));
            }}
          />
        )}
      </>
    ),
    target: () => (
      <>
        <SelectField
          label="Target column"
          value={targetValue}
          options={columnOptions(numeric, targetValue, "None")}
          onChange={(v) => chooseColumn("target", v)}
          error={errors.target}
        />
        <div className={styles.pair}>
          <NumberField
            label="Target value"
            value={config.targetValue}
            draft={drafts.targetValue}
            error={errors.targetValue}
            placeholder="None"
            onText={(text) => setNumber("targetValue", text, (c, n) => setOption(c, "targetValue", n))}
          />
          <TextField
            label="Target label"
            value={config.targetLabel ?? ""}
            placeholder="Target"
            maxLength={100}
            error={errors.targetLabel}
            onChange={(text) => setConfig((c) => setOption(c, "targetLabel", text === "" ? undefined : text))}
          />
        </div>
      </>
    ),
    colors: () => {
      if (series.length === 0) return <p className={styles.hint}>No series to colour.</p>;
      const shownColors = assignSeriesColors(series, validPart({ colors: config.colors }).colors);
      return (
        <ul className={styles.colors}>
          {series.map((name) => {
            const chosen = config.colors?.[name];
            return (
              <li key={name}>
                <input
                  type="color"
                  aria-label={`Colour of ${name}`}
                  value={shownColors.get(name) ?? "#000000"}
                  onChange={(e) => setConfig((c) => setColor(c, name, e.target.value))}
                />
                <span className={styles.columnName} title={name}>
                  {name}
                </span>
                {chosen ? (
                  <button type="button" className={styles.linkButton} aria-label={`Reset colour of ${name}`} onClick={() => setConfig((c) => setColor(c, name, undefined))}>
                    Reset
                  </button>
                ) : (
                  <span className={styles.hint}>auto</span>
                )}
                {errors[`colors.${name}`] && <span className={styles.fieldError}>{errors[`colors.${name}`]}</span>}
              </li>
            );
          })}
        </ul>
      );
    },
    number: () => {
      const comparing = (config.comparison ?? CONFIG_DEFAULTS.comparison) === "previous-period";
      return (
        <>
          <CheckboxField
            label="Compare with previous period"
            checked={comparing}
            onChange={(on) => setConfig((c) => setOption(c, "comparison", on ? "previous-period" : "none"))}
          />
          <CheckboxField
            label="Increase is good"
            checked={config.increaseIsGood ?? CONFIG_DEFAULTS.increaseIsGood}
            disabled={!comparing}
            onChange={(on) => setConfig((c) => setOption(c, "increaseIsGood", on))}
          />
        </>
      );
    },
    table: () => <FormattingRules editor={editor} numericColumns={numeric} columns={names} />,
    pivot: () => {
      const pivot = config.pivot ?? {};
      const auto = resolvePivotFields(columns, validPart({ pivot }).pivot ?? {});
      // What Spyglass would pick for one field if the analyst had not chosen it.
      const pickedFor = (field: "rows" | "columns" | "value") => {
        const fields = resolvePivotFields(columns, { ...validPart({ pivot }).pivot, [field]: undefined });
        return { rows: fields.rowFields, columns: fields.columnFields, value: fields.valueField ?? undefined }[field];
      };
      const rows = pivot.rows ?? auto.rowFields;
      const cols = pivot.columns ?? auto.columnFields;
      const pivotValue = pivot.value ?? auto.valueField ?? "";
      return (
        <>
          <ColumnList
            label="Pivot rows"
            addLabel="Add pivot row"
            items={rows}
            columns={names}
            exclude={[...cols, pivotValue]}
            max={5}
            error={errors["pivot.rows"]}
            emptyText="One row for everything."
            onChange={(list) => {
              const picked = pickedFor("rows") as string[];
              setConfig((c) => setPivot(c, { rows: list }, { rows: picked }));
            }}
          />
          <ColumnList
            label="Pivot columns"
            addLabel="Add pivot column"
            items={cols}
            columns={names}
            exclude={[...rows, pivotValue]}
            max={3}
            error={errors["pivot.columns"]}
            emptyText="One value column."
            onChange={(list) => {
              const picked = pickedFor("columns") as string[];
              setConfig((c) => setPivot(c, { columns: list }, { columns: picked }));
            }}
          />
          <SelectField
            label="Pivot value"
            value={pivotValue}
            options={columnOptions(numeric, pivotValue, "None (count rows)")}
            onChange={(v) => {
              const picked = pickedFor("value") as string | undefined;
              setConfig((c) => setPivot(c, { value: v }, { value: picked }));
            }}
          />
          <SelectField
            label="Aggregate"
            value={pivotValue === "" ? "count" : (pivot.aggregate ?? PIVOT_DEFAULTS.aggregate)}
            options={AGGREGATE_OPTIONS}
            disabled={pivotValue === ""}
            onChange={(v) => setConfig((c) => setPivot(c, { aggregate: v as NonNullable<VizConfig["pivot"]>["aggregate"] }))}
          />
          <CheckboxField
            label="Row and column totals"
            checked={pivot.totals ?? PIVOT_DEFAULTS.totals}
            onChange={(totals) => setConfig((c) => setPivot(c, { totals }))}
          />
        </>
      );
    },
    cohort: () => (
      <CheckboxField
        label="Show as % of first period"
        checked={config.cohortPercent ?? CONFIG_DEFAULTS.cohortPercent}
        onChange={(on) => setConfig((c) => setOption(c, "cohortPercent", on))}
      />
    ),
  };

  return (
    <div className={styles.panel}>
      {typePicker}
      {hiddenErrors.length > 0 && (
        <div className={styles.hiddenErrors}>
          <p>Settings not shown for this chart type cannot be saved as they are:</p>
          <ul>
            {hiddenErrors.map(([path, message]) => (
              <li key={path}>
                {fieldLabel(path)}: {message}{" "}
                <button
                  type="button"
                  className={styles.linkButton}
                  aria-label={`Clear ${fieldLabel(path)}`}
                  onClick={() =>
                    onChange((v) => {
                      const rest = { ...v.drafts };
                      delete rest[path];
                      return { ...v, config: clearSetting(v.config, path), drafts: rest };
                    })
                  }
                >
                  Clear
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {sections.map((section) => {
        const isOpen = open.has(section);
        const errorCount = Object.keys(errors).filter((p) => sectionOfPath(p) === section && isShown(p)).length;
        const bodyId = `${id}-${section}`;
        return (
          <section key={section} className={styles.section}>
            <h3 className={styles.sectionHeading}>
              <button
                type="button"
                aria-expanded={isOpen}
                aria-controls={bodyId}
                onClick={() =>
                  setOpen((s) => {
                    const next = new Set(s);
                    if (next.has(section)) next.delete(section);
                    else next.add(section);
                    return next;
                  })
                }
              >
                <span className={styles.chevron} aria-hidden="true">
                  {isOpen ? "▾" : "▸"}
                </span>
                {SECTION_LABELS[section]}
                {errorCount > 0 && <span className={styles.errorBadge}>{errorCount === 1 ? "1 error" : `${errorCount} errors`}</span>}
              </button>
            </h3>
            <div id={bodyId} className={styles.sectionBody} hidden={!isOpen}>
              {sectionBody[section]()}
            </div>
          </section>
        );
      })}
    </div>
  );
}
