import { getDb } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { chartPeopleInclude, toChartRecord, type ChartRecord } from "./chart-record";

export async function getChart(chartId: string): Promise<ChartRecord | null> {
  const chart = await getDb().chart.findUnique({ where: { id: chartId }, include: chartPeopleInclude });
  return chart ? toChartRecord(chart) : null;
}

export async function getChartOrThrow(chartId: string): Promise<ChartRecord> {
  const chart = await getChart(chartId);
  if (!chart) throw notFound("Chart");
  return chart;
}
