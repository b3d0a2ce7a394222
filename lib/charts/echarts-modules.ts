// The ECharts modules the option builders may use: the chart view registers exactly these (with the canvas
// renderer) and the builders' render test draws every option with them (with the SVG renderer), so an
// option needing anything else fails in a test, not in a browser or a snapshot.
import { BarChart, FunnelChart, HeatmapChart, LineChart, PieChart, ScatterChart } from "echarts/charts";
import { AriaComponent, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, VisualMapComponent } from "echarts/components";

export const ECHARTS_MODULES = [
  LineChart,
  BarChart,
  ScatterChart,
  PieChart,
  FunnelChart,
  HeatmapChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  VisualMapComponent,
  MarkLineComponent,
  AriaComponent,
];
