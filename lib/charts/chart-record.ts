// The chart as the API returns it, with who owns it and who saved it last.
import type { Chart } from "@/lib/generated/prisma/client";
import type { ParameterSpec } from "@/lib/queries/parameters";
import { parameterSpecsOf } from "./chart-parameters";
import type { VizConfig, VizType } from "./types";

/** A user as charts show them: the name, or the email when the name is blank. */
export interface ChartPerson {
  id: string;
  name: string;
}

export interface ChartRecord {
  id: string;
  title: string;
  description: string;
  sql: string;
  dataSourceId: string;
  vizType: VizType;
  vizConfig: VizConfig;
  /** Types and defaults of the SQL's `{{name}}` parameters. */
  parameters: ParameterSpec[];
  ownerId: string | null;
  updatedById: string | null;
  /** Null when the chart has no owner (the user was deleted). */
  owner: ChartPerson | null;
  /** Who saved the current version; null when that user was deleted. */
  updatedBy: ChartPerson | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** What a chart read must include for toChartRecord: the owner's and the last editor's names. */
export const chartPeopleInclude = {
  owner: { select: { id: true, name: true, email: true } },
  updatedBy: { select: { id: true, name: true, email: true } },
} as const;

interface UserNameFields {
  id: string;
  name: string;
  email: string;
}

export type ChartWithPeople = Chart & { owner: UserNameFields | null; updatedBy: UserNameFields | null };

export function toChartPerson(user: UserNameFields | null): ChartPerson | null {
  if (!user) return null;
  return { id: user.id, name: user.name.trim() || user.email };
}

export function toChartRecord(chart: ChartWithPeople): ChartRecord {
  return {
    id: chart.id,
    title: chart.title,
    description: chart.description,
    sql: chart.sql,
    dataSourceId: chart.dataSourceId,
    vizType: chart.vizType as VizType,
    vizConfig: (chart.vizConfig ?? {}) as VizConfig,
    parameters: parameterSpecsOf(chart.parameters),
    ownerId: chart.ownerId,
    updatedById: chart.updatedById,
    owner: toChartPerson(chart.owner),
    updatedBy: toChartPerson(chart.updatedBy),
    version: chart.version,
    createdAt: chart.createdAt.toISOString(),
    updatedAt: chart.updatedAt.toISOString(),
  };
}
