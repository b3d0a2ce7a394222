// The chart as the API returns it.
import type { Chart } from "@/lib/generated/prisma/client";
import type { VizConfig, VizType } from "./types";

export interface ChartRecord {
  id: string;
  title: string;
  description: string;
  sql: string;
  dataSourceId: string;
  vizType: VizType;
  vizConfig: VizConfig;
  ownerId: string | null;
  updatedById: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export function toChartRecord(chart: Chart): ChartRecord {
  return {
    id: chart.id,
    title: chart.title,
    description: chart.description,
    sql: chart.sql,
    dataSourceId: chart.dataSourceId,
    vizType: chart.vizType as VizType,
    vizConfig: (chart.vizConfig ?? {}) as VizConfig,
    ownerId: chart.ownerId,
    updatedById: chart.updatedById,
    version: chart.version,
    createdAt: chart.createdAt.toISOString(),
    updatedAt: chart.updatedAt.toISOString(),
  };
}
