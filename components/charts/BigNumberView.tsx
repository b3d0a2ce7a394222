// The big number tile: the latest value, its change against the previous period and a sparkline. Plain
// HTML and SVG (no canvas), so it draws at once and reads the same in snapshots.
import { useMemo, type CSSProperties } from "react";
import { bigNumberOf, sparklinePoints } from "@/lib/charts/big-number";
import { formatValue, valueFormatOf } from "@/lib/charts/format";
import type { VizConfig } from "@/lib/charts/types";
import type { QueryResult } from "@/lib/warehouse/types";
import styles from "./charts.module.css";

export interface BigNumberViewProps {
  result: Pick<QueryResult, "columns" | "rows">;
  config?: VizConfig;
  /** The chart's title: names the figure for screen readers (the visible title is outside the view). */
  title?: string;
}

const SPARK_WIDTH = 120;
const SPARK_HEIGHT = 32;

export function BigNumberView({ result, config, title }: BigNumberViewProps) {
  const n = useMemo(() => bigNumberOf(result, config ?? {}), [result, config]);
  // The font shrinks with the tile and with the length of the text, so the value never overflows.
  const valueStyle = { "--chars": String(Math.max(n.formatted.length, 3)) } as CSSProperties;
  const tone = !n.change || n.change.good === null ? styles.changeFlat : n.change.good ? styles.changeGood : styles.changeBad;
  return (
    <div className={styles.bigNumber} role="figure" aria-label={title || n.label}>
      <div className={styles.bigValue} style={valueStyle} title={n.formatted} data-spyglass-value="">
        {n.formatted}
      </div>
      <div className={styles.bigLabel}>
        {n.label}
        {n.period && <span className={styles.bigPeriod}> · {n.period}</span>}
      </div>
      {n.change && (
        <div className={`${styles.bigChange} ${tone}`} title={n.previousFormatted ? `Previous period: ${n.previousFormatted}` : undefined}>
          {n.change.direction !== "flat" && (
            <span className={styles.bigArrow} aria-hidden="true">
              {n.change.direction === "up" ? "▲" : "▼"}
            </span>
          )}
          {n.change.text}
        </div>
      )}
      {n.sparkline && <Sparkline values={n.sparkline} label={n.label} config={config} />}
    </div>
  );
}

function Sparkline({ values, label, config }: { values: number[]; label: string; config?: VizConfig }) {
  const fmt = valueFormatOf(config ?? {});
  const description = `${label} over the last ${values.length} periods: from ${formatValue(values[0], fmt)} to ${formatValue(values[values.length - 1], fmt)}`;
  return (
    <svg
      className={styles.sparkline}
      viewBox={`0 0 ${SPARK_WIDTH} ${SPARK_HEIGHT}`}
      preserveAspectRatio="none"
      role="img"
      aria-label={description}
    >
      <title>{description}</title>
      <polyline
        points={sparklinePoints(values, SPARK_WIDTH, SPARK_HEIGHT, 2)}
        fill="none"
        stroke="currentColor"
        strokeWidth={1.5}
        strokeLinejoin="round"
        strokeLinecap="round"
        vectorEffect="non-scaling-stroke"
      />
    </svg>
  );
}
