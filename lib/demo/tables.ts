// Which generator fills which demo table.
import type { DemoModel } from "./model/demo-model";
import { metricTargetsRows, stockPurchasesRows, subscriptionPurchasesRows } from "./generators/commerce";
import { photosRows, stockSubmissionsRows, uploadsRows } from "./generators/content";
import type { RowChunks } from "./generators/copy-writer";
import { favouritesRows, followsRows, likesRows } from "./generators/engagement";
import { signupsRows, usersRows } from "./generators/people";
import { sessionsRows } from "./generators/sessions";
import { DEMO_TABLES, type DemoTableSchema } from "./schema";

export type DemoTableName =
  | "users"
  | "photos"
  | "signups"
  | "sessions"
  | "uploads"
  | "likes"
  | "favourites"
  | "follows"
  | "subscription_purchases"
  | "stock_submissions"
  | "stock_purchases"
  | "metric_targets";

export const GENERATORS: Record<DemoTableName, (model: DemoModel) => RowChunks> = {
  users: usersRows,
  photos: photosRows,
  signups: signupsRows,
  sessions: sessionsRows,
  uploads: uploadsRows,
  likes: likesRows,
  favourites: favouritesRows,
  follows: followsRows,
  subscription_purchases: subscriptionPurchasesRows,
  stock_submissions: stockSubmissionsRows,
  stock_purchases: stockPurchasesRows,
  metric_targets: metricTargetsRows,
};

export interface DemoTable extends DemoTableSchema {
  name: DemoTableName;
  rows: (model: DemoModel) => RowChunks;
}

export const DEMO_TABLE_LIST: DemoTable[] = DEMO_TABLES.map((t) => {
  const rows = GENERATORS[t.name as DemoTableName];
  if (!rows) throw new Error(`No generator for demo table ${t.name}`);
  return { ...t, name: t.name as DemoTableName, rows };
});
