// What a chart is drawn as. "auto" lets Spyglass pick from the result's shape.
export type VizType = "auto" | "line" | "area" | "bar" | "number" | "table" | "scatter" | "pie";

export interface VizConfig {
  /** Column used for the x axis (or categories). Default: the first column. */
  x?: string;
  /** Columns drawn as values. Default: every numeric column other than x. */
  y?: string[];
  /** Column whose values become separate series (long rows turned wide). */
  series?: string;
  /** Column holding a target/plan value, drawn as a dashed line. */
  target?: string;
  stacked?: boolean;
  /** Number format: "number" | "currency" | "percent". */
  format?: "number" | "currency" | "percent";
}
