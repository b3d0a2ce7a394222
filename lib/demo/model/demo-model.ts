// Everything the table generators draw from, built once per (seed, scale): users, photos, purchases and the
// plan. The big fact tables (sessions, likes, ...) are not held here; they are replayed per user.
import { buildActivityModel, type ActivityModel } from "./photos";
import { buildStockSalesModel, type StockSalesModel } from "./stock-sales";
import { buildSubscriptionsModel, type SubscriptionsModel } from "./subscriptions";
import { buildTargetsModel, weeklyActuals, type TargetsModel } from "./targets";
import { buildUsersModel, type UsersModel } from "./users";

/** The seed of the demo every install loads. */
export const DEMO_SEED = 20261122;

export interface DemoModel {
  seed: number;
  scale: number;
  users: UsersModel;
  activity: ActivityModel;
  subscriptions: SubscriptionsModel;
  stockSales: StockSalesModel;
  targets: TargetsModel;
}

export function buildDemoModel(seed: number, scale: number): DemoModel {
  const users = buildUsersModel(seed, scale);
  const activity = buildActivityModel(users, seed);
  const subscriptions = buildSubscriptionsModel(users, seed);
  const stockSales = buildStockSalesModel(users, activity.photos, seed, scale);
  const targets = buildTargetsModel(weeklyActuals(users, activity, subscriptions, stockSales), seed);
  return { seed, scale, users, activity, subscriptions, stockSales, targets };
}
