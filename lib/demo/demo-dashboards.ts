// The demo's ready-made dashboards and their charts, as plain data (seeded by seed-demo-content.ts and
// every chart's SQL is tested against the loaded warehouse).
import { executiveDashboard } from "./dashboards/executive";
import { marketingDashboard } from "./dashboards/marketing";
import { mobileDashboard } from "./dashboards/mobile";
import { productDashboard } from "./dashboards/product";
import type { DemoChart, DemoDashboard } from "./dashboards/types";

export type { DemoChart, DemoDashboard, DemoTile } from "./dashboards/types";
export { TEARSHEET_WEEK_COLUMNS } from "./dashboards/executive";

export const DEMO_DATA_SOURCE_NAME = "Demo warehouse";

export const DEMO_DASHBOARDS: DemoDashboard[] = [executiveDashboard, productDashboard, marketingDashboard, mobileDashboard];

/** Every chart on the demo dashboards, once each. */
export const DEMO_CHARTS: DemoChart[] = DEMO_DASHBOARDS.flatMap((d) =>
  d.tiles.flatMap((t) => (t.kind === "chart" ? [t.chart] : [])),
);
