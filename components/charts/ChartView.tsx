"use client";
// The one component that draws a chart from a query result: on the SQL page, on dashboards and on the
// render pages that snapshots load. It reports when it has drawn (onRendered, data-chart-status) so the
// snapshot renderer can wait for an explicit signal instead of sleeping.
import { useCallback, useEffect, useMemo, useRef, useState, type CSSProperties } from "react";
import { BarChart, LineChart, PieChart, ScatterChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { buildChartOption, resolveVizType } from "@/lib/charts/build-chart-option";
import { formatValue } from "@/lib/charts/format";
import { resolveVizConfig } from "@/lib/charts/resolve-viz-config";
import type { VizConfig, VizType } from "@/lib/charts/types";
import type { QueryResult } from "@/lib/warehouse/types";
import { DataTable } from "./DataTable";
import styles from "./charts.module.css";

echarts.use([LineChart, BarChart, ScatterChart, PieChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

export type ChartStatus = "rendered" | "failed";

export interface ChartViewProps {
  result: Pick<QueryResult, "columns" | "rows"> & Partial<QueryResult>;
  vizType: VizType;
  config?: VizConfig;
  title?: string;
  height?: number | string;
  /** Called once, when the chart has been drawn (or could not be). */
  onRendered?: (status: ChartStatus) => void;
}

export function ChartView({ result, vizType, config, title, height = 320, onRendered }: ChartViewProps) {
  const type = useMemo(() => resolveVizType(vizType, result), [vizType, result]);
  // Report at most once per mount, whatever re-renders happen; always to the latest callback.
  const onRenderedRef = useRef(onRendered);
  useEffect(() => {
    onRenderedRef.current = onRendered;
  });
  const reported = useRef(false);
  const report = useCallback((status: ChartStatus) => {
    if (reported.current) return;
    reported.current = true;
    onRenderedRef.current?.(status);
  }, []);

  const style: CSSProperties = { height };
  if (result.rows.length === 0) {
    return (
      <StaticView style={style} className={styles.empty} report={report}>
        No rows
      </StaticView>
    );
  }
  if (type === "number") {
    return <NumberView result={result} config={config} style={style} report={report} />;
  }
  if (type === "table") {
    return (
      <StaticView style={style} className={styles.tableView} report={report}>
        <DataTable columns={result.columns} rows={result.rows} caption={title} />
      </StaticView>
    );
  }
  return <EChartsView result={result} vizType={type} config={config} title={title} style={style} report={report} />;
}

/** HTML views are drawn once React commits them. */
function StaticView({
  style,
  className,
  report,
  children,
}: {
  style: CSSProperties;
  className: string;
  report: (s: ChartStatus) => void;
  children: React.ReactNode;
}) {
  useEffect(() => report("rendered"), [report]);
  return (
    <div className={className} style={style} data-chart-status="rendered">
      {children}
    </div>
  );
}

function NumberView({
  result,
  config,
  style,
  report,
}: {
  result: ChartViewProps["result"];
  config?: VizConfig;
  style: CSSProperties;
  report: (s: ChartStatus) => void;
}) {
  const resolved = resolveVizConfig("number", result.columns, config ?? {});
  const name = resolved.y[0] ?? result.columns[0]?.name;
  const index = Math.max(0, result.columns.findIndex((c) => c.name === name));
  const value = result.rows[0]?.[index];
  return (
    <StaticView style={style} className={styles.number} report={report}>
      <div className={styles.numberValue}>{formatValue(value, resolved.format)}</div>
      <div className={styles.numberLabel}>{name}</div>
    </StaticView>
  );
}

function EChartsView({
  result,
  vizType,
  config,
  title,
  style,
  report,
}: {
  result: ChartViewProps["result"];
  vizType: VizType;
  config?: VizConfig;
  title?: string;
  style: CSSProperties;
  report: (s: ChartStatus) => void;
}) {
  const el = useRef<HTMLDivElement>(null);
  const chartRef = useRef<echarts.ECharts | null>(null);
  const configKey = JSON.stringify(config ?? {});
  const built = useMemo(() => {
    try {
      const option = buildChartOption(vizType, result, JSON.parse(configKey) as VizConfig);
      return option ? { option, error: null } : { option: null, error: "This chart type cannot be drawn from the result." };
    } catch (e) {
      return { option: null, error: e instanceof Error ? e.message : String(e) };
    }
  }, [vizType, result, configKey]);
  // What the chart last drew, per option object: the status shown is "pending" until this option is drawn.
  const [drawn, setDrawn] = useState<{ built: typeof built; status: ChartStatus; error: string | null } | null>(null);
  const status: "pending" | ChartStatus = built.error ? "failed" : drawn?.built === built ? drawn.status : "pending";
  const error = built.error ?? (drawn?.built === built ? drawn.error : null);

  useEffect(() => {
    const node = el.current;
    if (!node) return;
    const chart = echarts.init(node, undefined, { renderer: "canvas" });
    chartRef.current = chart;
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(node);
    return () => {
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, []);

  useEffect(() => {
    const chart = chartRef.current;
    if (!chart) return;
    if (!built.option) {
      chart.clear();
      report("failed");
      return;
    }
    const onFinished = () => {
      chart.off("finished", onFinished);
      setDrawn({ built, status: "rendered", error: null });
      report("rendered");
    };
    chart.on("finished", onFinished);
    try {
      chart.setOption(built.option, { notMerge: true });
    } catch (e) {
      chart.off("finished", onFinished);
      const message = e instanceof Error ? e.message : String(e);
      // Reported from a task, not from the effect body, so React does not re-render inside the effect.
      queueMicrotask(() => setDrawn({ built, status: "failed", error: message }));
      report("failed");
    }
    return () => {
      chart.off("finished", onFinished);
    };
  }, [built, report]);

  return (
    <div className={styles.chartRoot} style={style} data-chart-status={status}>
      <div ref={el} className={styles.canvas} role="img" aria-label={title || "Chart"} />
      {error && (
        <div className={styles.chartError} role="alert">
          Could not draw this chart: {error}
        </div>
      )}
    </div>
  );
}
