"use client";
// The one component that draws a chart from a query result: on the SQL page, on dashboards, on share pages
// and on the render pages that snapshots load. It reports when it has drawn (onRendered, data-chart-status)
// so the snapshot renderer can wait for an explicit signal instead of sleeping.
// number, table and pivot are drawn in HTML; every other type with ECharts.
import { useCallback, useEffect, useId, useMemo, useRef, useState, type CSSProperties, type ReactNode } from "react";
import * as echarts from "echarts/core";
import type { EChartsOption } from "echarts";
import { CanvasRenderer } from "echarts/renderers";
import { buildChartOption, resolveVizType } from "@/lib/charts/build-chart-option";
import { describeAxes } from "@/lib/charts/describe-axes";
import { ECHARTS_MODULES } from "@/lib/charts/echarts-modules";
import type { ConcreteVizType, VizConfig, VizType } from "@/lib/charts/types";
import type { QueryResult } from "@/lib/warehouse/types";
import { BigNumberView } from "./BigNumberView";
import { DataTable } from "./DataTable";
import { PivotTableView } from "./PivotTableView";
import styles from "./charts.module.css";

echarts.use([...ECHARTS_MODULES, CanvasRenderer]);

export type ChartStatus = "rendered" | "failed";

export interface ChartViewProps {
  result: Pick<QueryResult, "columns" | "rows"> & Partial<QueryResult>;
  vizType: VizType;
  config?: VizConfig;
  title?: string;
  height?: number | string;
  /** Called once, when the chart has been drawn (or could not be). */
  onRendered?: (status: ChartStatus) => void;
  /** A "Data" button that swaps the chart for a table of its data. Snapshots turn it off. Default true. */
  showDataToggle?: boolean;
}

type Report = (status: ChartStatus) => void;

export function ChartView({ result, vizType, config, title, height = 320, onRendered, showDataToggle = true }: ChartViewProps) {
  const type = useMemo(() => resolveVizType(vizType, result), [vizType, result]);
  // Settings compared by value: callers often pass a new object with the same settings on every render.
  const configKey = JSON.stringify(config ?? {});
  const settings = useMemo(() => JSON.parse(configKey) as VizConfig, [configKey]);
  // Report at most once per mount, whatever re-renders happen; always to the latest callback.
  const onRenderedRef = useRef(onRendered);
  useEffect(() => {
    onRenderedRef.current = onRendered;
  });
  const reported = useRef(false);
  const report = useCallback<Report>((status) => {
    if (reported.current) return;
    reported.current = true;
    onRenderedRef.current?.(status);
  }, []);

  const style: CSSProperties = { height };
  const frame = { style, title, result, config: settings, showDataToggle };
  if (result.rows.length === 0) {
    return (
      <HtmlView frame={{ ...frame, showDataToggle: false }} report={report}>
        <div className={styles.empty}>No rows</div>
      </HtmlView>
    );
  }
  if (type === "number") {
    return (
      <HtmlView frame={frame} report={report}>
        <BigNumberView result={result} config={settings} title={title} />
      </HtmlView>
    );
  }
  if (type === "table") {
    // The table is its own data view.
    return (
      <HtmlView frame={{ ...frame, showDataToggle: false }} report={report}>
        <DataTable columns={result.columns} rows={result.rows} caption={title} config={settings} />
      </HtmlView>
    );
  }
  if (type === "pivot") {
    return (
      <HtmlView frame={frame} report={report}>
        <PivotTableView result={result} config={settings} title={title} />
      </HtmlView>
    );
  }
  return <EChartsView frame={frame} vizType={type} report={report} />;
}

interface FrameProps {
  style: CSSProperties;
  title?: string;
  result: ChartViewProps["result"];
  config: VizConfig;
  showDataToggle: boolean;
}

/**
 * What every chart type shares: the render status, notes under the chart, and the "Data" toggle that lays
 * an HTML table of the result over the chart. The chart stays mounted underneath (inert), so switching
 * back is instant and its render signal is unaffected.
 */
function ChartFrame({
  frame,
  status,
  notes = [],
  children,
}: {
  frame: FrameProps;
  status: "pending" | ChartStatus;
  notes?: string[];
  children: ReactNode;
}) {
  const [showData, setShowData] = useState(false);
  const { style, title, result, config, showDataToggle } = frame;
  const visibleNotes = showData ? [] : notes;
  return (
    <div className={styles.chartRoot} style={style} data-chart-status={status}>
      <div className={styles.chartBody}>
        <div className={styles.chartLayer} inert={showData} aria-hidden={showData || undefined}>
          {children}
        </div>
        {showData && (
          <div className={styles.dataLayer}>
            <DataTable columns={result.columns} rows={result.rows} caption={title || "Chart data"} config={config} />
          </div>
        )}
      </div>
      {(visibleNotes.length > 0 || showDataToggle) && (
        <div className={styles.chartFoot}>
          <div className={styles.notes}>
            {visibleNotes.map((note, i) => (
              <p key={i} className={styles.note}>
                {note}
              </p>
            ))}
          </div>
          {showDataToggle && (
            <button
              type="button"
              className={styles.dataToggle}
              aria-pressed={showData}
              title={showData ? "Show the chart" : "Show the data as a table"}
              onClick={() => setShowData((v) => !v)}
            >
              Data
            </button>
          )}
        </div>
      )}
    </div>
  );
}

/** HTML views are drawn once React commits them. */
function HtmlView({ frame, report, children }: { frame: FrameProps; report: Report; children: ReactNode }) {
  useEffect(() => report("rendered"), [report]);
  return (
    <ChartFrame frame={frame} status="rendered">
      {children}
    </ChartFrame>
  );
}

/** What ChartView draws with ECharts: the option and notes from buildChartOption, or why there is none. */
interface Built {
  option: EChartsOption | null;
  notes: string[];
  error: string | null;
}

function EChartsView({ frame, vizType, report }: { frame: FrameProps; vizType: ConcreteVizType; report: Report }) {
  const { result, config, title } = frame;
  const el = useRef<HTMLDivElement>(null);
  const axesId = useId();
  const chartRef = useRef<echarts.ECharts | null>(null);
  const built = useMemo((): Built => {
    try {
      const chart = buildChartOption(vizType, result, config);
      return chart
        ? { option: chart.option, notes: chart.notes, error: null }
        : { option: null, notes: [], error: "This chart type cannot be drawn from the result." };
    } catch (e) {
      return { option: null, notes: [], error: e instanceof Error ? e.message : String(e) };
    }
  }, [vizType, result, config]);
  // What the chart last drew, per option object: the status shown is "pending" until this option is drawn.
  const [drawn, setDrawn] = useState<{ built: Built; status: ChartStatus; error: string | null } | null>(null);
  const axesText = built.option ? describeAxes(built.option) : "";
  const status: "pending" | ChartStatus = built.error ? "failed" : drawn?.built === built ? drawn.status : "pending";
  const error = built.error ?? (drawn?.built === built ? drawn.error : null);

  useEffect(() => {
    const node = el.current;
    if (!node) return;
    const chart = echarts.init(node, undefined, { renderer: "canvas" });
    chartRef.current = chart;
    // A ResizeObserver always reports once right after observe(), with the size the chart was just created
    // at; resizing then would lay out and draw every chart a second time (40-130 ms each on a dashboard,
    // traced after the render signal). Resize only when the size really differs from the chart's.
    const observer = new ResizeObserver(() => {
      if (node.clientWidth !== chart.getWidth() || node.clientHeight !== chart.getHeight()) chart.resize();
    });
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
    <ChartFrame frame={frame} status={status} notes={built.notes}>
      {/* The figure is announced by the chart's title; inside it, ECharts' aria component labels the
          image with a description of the series and their first values. */}
      <div className={styles.canvasWrap} role="figure" aria-label={title || "Chart"} aria-describedby={axesText ? axesId : undefined}>
        <div ref={el} className={styles.canvas} role="img" />
        {axesText && (
          <p id={axesId} className={styles.srOnly}>
            {axesText}
          </p>
        )}
      </div>
      {error && (
        <div className={styles.chartError} role="alert">
          Could not draw this chart: {error}
        </div>
      )}
    </ChartFrame>
  );
}
