// The weekly plan (metric_targets): each metric's smoothed trend times a per-quarter ambition, so actuals
// land sometimes ahead of plan and sometimes behind; extended six weeks past the data as a plan would be.
import { PLAN_DAYS, WEEKS } from "../calendar";
import type { ActivityModel } from "./photos";
import { Rng, mixSeed } from "../prng";
import type { StockSalesModel } from "./stock-sales";
import type { SubscriptionsModel } from "./subscriptions";
import type { UsersModel } from "./users";

export const TARGET_METRICS = [
  "weekly_active_users",
  "signups",
  "uploads",
  "new_subscriptions",
  "subscription_revenue",
  "stock_revenue",
] as const;
export type TargetMetric = (typeof TARGET_METRICS)[number];

export const PLAN_WEEKS = PLAN_DAYS / 7;

export interface TargetsModel {
  /** targets[metric][week]: counts are whole numbers, revenue whole dollars. */
  targets: Record<TargetMetric, Float64Array>;
  /** The actual weekly values the plan was drawn from (tests compare against the warehouse). */
  actuals: Record<TargetMetric, Float64Array>;
}

export function weeklyActuals(
  users: UsersModel,
  activity: ActivityModel,
  subscriptions: SubscriptionsModel,
  sales: StockSalesModel,
): Record<TargetMetric, Float64Array> {
  const a = Object.fromEntries(TARGET_METRICS.map((k) => [k, new Float64Array(WEEKS)])) as Record<TargetMetric, Float64Array>;
  a.weekly_active_users.set(activity.weeklyActiveUsers);
  for (let u = 0; u < users.count; u++) a.signups[(users.signupDay[u] / 7) | 0]++;
  for (let p = 0; p < activity.photos.count; p++) a.uploads[(activity.photos.day[p] / 7) | 0]++;
  for (let i = 0; i < subscriptions.count; i++) {
    const w = (subscriptions.day[i] / 7) | 0;
    if (!subscriptions.isRenewal[i]) a.new_subscriptions[w]++;
    a.subscription_revenue[w] += subscriptions.amountCents[i] / 100;
  }
  for (let i = 0; i < sales.count; i++) a.stock_revenue[(sales.day[i] / 7) | 0] += sales.feeCents[i] / 100;
  return a;
}

export function buildTargetsModel(actuals: Record<TargetMetric, Float64Array>, seed: number): TargetsModel {
  const targets = {} as Record<TargetMetric, Float64Array>;
  for (const metric of TARGET_METRICS) {
    const rng = new Rng(mixSeed(seed, "metric_targets", metric));
    const actual = actuals[metric];
    const smooth = new Float64Array(PLAN_WEEKS);
    for (let w = 0; w < WEEKS; w++) {
      let sum = 0;
      let n = 0;
      for (let k = Math.max(0, w - 4); k <= Math.min(WEEKS - 1, w + 4); k++) {
        sum += actual[k];
        n++;
      }
      smooth[w] = sum / n;
    }
    // Beyond the data: continue the growth of the last eight weeks.
    const growth = smooth[WEEKS - 9] > 0 ? Math.pow(smooth[WEEKS - 1] / smooth[WEEKS - 9], 1 / 8) : 1;
    for (let w = WEEKS; w < PLAN_WEEKS; w++) smooth[w] = smooth[w - 1] * growth;

    const target = new Float64Array(PLAN_WEEKS);
    let ambition = 1;
    for (let w = 0; w < PLAN_WEEKS; w++) {
      if (w % 13 === 0) ambition = 0.97 + 0.12 * rng.next();
      target[w] = Math.max(1, Math.round(smooth[w] * ambition));
    }
    targets[metric] = target;
  }
  return { targets, actuals };
}
