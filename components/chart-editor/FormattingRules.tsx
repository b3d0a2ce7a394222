"use client";
// Table conditional formatting: rules that colour a cell when its column's value matches; first match wins.
import type { ConditionalFormat, VizConfig } from "@/lib/charts/types";
import { NumberField, SelectField } from "./fields";
import type { SettingsEditor } from "./settings-value";
import { setOption } from "./update-config";
import { dropIndexedDrafts } from "./validate";
import styles from "./chart-editor.module.css";

const OPERATORS: { value: ConditionalFormat["operator"]; label: string }[] = [
  { value: ">", label: "greater than" },
  { value: ">=", label: "at least" },
  { value: "<", label: "less than" },
  { value: "<=", label: "at most" },
  { value: "=", label: "equal to" },
  { value: "!=", label: "not equal to" },
  { value: "between", label: "between" },
];

const NEW_RULE_COLOR = "#fde2e1";
const MAX_RULES = 50;

function setRules(config: VizConfig, rules: ConditionalFormat[]): VizConfig {
  return setOption(config, "conditionalFormats", rules.length > 0 ? rules : undefined);
}

export function FormattingRules({ editor, numericColumns, columns }: { editor: SettingsEditor; numericColumns: string[]; columns: string[] }) {
  const { value, errors, update, setConfig, setNumber } = editor;
  const rules = value.config.conditionalFormats ?? [];
  const patchRule = (index: number, patch: Partial<ConditionalFormat>) =>
    setConfig((c) => setRules(c, (c.conditionalFormats ?? []).map((r, i) => (i === index ? { ...r, ...patch } : r))));

  return (
    <div className={styles.rules}>
      {rules.length === 0 && <p className={styles.hint}>No rules: cells keep their normal colour.</p>}
      {rules.map((rule, i) => {
        const n = i + 1;
        const path = `conditionalFormats.${i}`;
        const columnOptions = (numericColumns.length > 0 ? numericColumns : columns).map((c) => ({ value: c, label: c }));
        if (!columnOptions.some((o) => o.value === rule.column)) columnOptions.push({ value: rule.column, label: `${rule.column} (not in result)` });
        return (
          <fieldset key={i} className={styles.rule}>
            <legend>Rule {n}</legend>
            <SelectField label={`Rule ${n} column`} value={rule.column} options={columnOptions} onChange={(v) => patchRule(i, { column: v })} error={errors[`${path}.column`]} />
            <SelectField
              label={`Rule ${n} operator`}
              value={rule.operator}
              options={OPERATORS}
              onChange={(v) => {
                const operator = v as ConditionalFormat["operator"];
                setConfig((c) =>
                  setRules(
                    c,
                    (c.conditionalFormats ?? []).map((r, j) => {
                      if (j !== i) return r;
                      if (operator === "between") return { ...r, operator, value2: r.value2 ?? r.value };
                      const rest = { ...r, operator };
                      delete rest.value2;
                      return rest;
                    }),
                  ),
                );
              }}
            />
            <div className={styles.pair}>
              <NumberField
                label={`Rule ${n} value`}
                value={rule.value}
                draft={value.drafts[`${path}.value`]}
                error={errors[`${path}.value`]}
                onText={(text) =>
                  setNumber(
                    `${path}.value`,
                    text,
                    (c, v) => setRules(c, (c.conditionalFormats ?? []).map((r, j) => (j === i && v !== undefined ? { ...r, value: v } : r))),
                    { required: true },
                  )
                }
              />
              {rule.operator === "between" && (
                <NumberField
                  label={`Rule ${n} upper value`}
                  value={rule.value2}
                  draft={value.drafts[`${path}.value2`]}
                  error={errors[`${path}.value2`]}
                  onText={(text) =>
                    setNumber(
                      `${path}.value2`,
                      text,
                      (c, v) => setRules(c, (c.conditionalFormats ?? []).map((r, j) => (j === i && v !== undefined ? { ...r, value2: v } : r))),
                      { required: true },
                    )
                  }
                />
              )}
            </div>
            <div className={styles.ruleFoot}>
              <label className={styles.colorField}>
                <input type="color" value={rule.color} onChange={(e) => patchRule(i, { color: e.target.value })} aria-label={`Rule ${n} colour`} />
                <span>Cell colour</span>
              </label>
              {errors[`${path}.color`] && <span className={styles.fieldError}>{errors[`${path}.color`]}</span>}
              <button
                type="button"
                className={styles.linkButton}
                onClick={() =>
                  update((v) => ({
                    ...v,
                    config: setRules(v.config, (v.config.conditionalFormats ?? []).filter((_, j) => j !== i)),
                    drafts: dropIndexedDrafts(v.drafts, "conditionalFormats", i),
                  }))
                }
              >
                Remove rule {n}
              </button>
            </div>
          </fieldset>
        );
      })}
      {rules.length < MAX_RULES && (
        <button
          type="button"
          className="btn"
          onClick={() =>
            setConfig((c) =>
              setRules(c, [...(c.conditionalFormats ?? []), { column: numericColumns[0] ?? columns[0] ?? "", operator: ">", value: 0, color: NEW_RULE_COLOR }]),
            )
          }
          disabled={columns.length === 0}
        >
          Add rule
        </button>
      )}
    </div>
  );
}
