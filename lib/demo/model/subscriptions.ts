// Subscription purchases (a first purchase, then renewals until the user cancels) and each user's plan at
// the end of the data, which users.subscription_type reports.
import { DAYS, NEVER } from "../calendar";
import { Rng, mixSeed } from "../prng";
import type { UsersModel } from "./users";
import { BILLING_DAYS, CONSUMER_HOURS, FREE, PLAN_PRICE_CENTS } from "../vocabulary";

export interface SubscriptionsModel {
  /** Purchases in time order (index = purchase_id - 1). */
  count: number;
  user: Int32Array;
  day: Int16Array;
  second: Int32Array;
  plan: Uint8Array;
  billing: Uint8Array;
  isRenewal: Uint8Array;
  amountCents: Int32Array;
  /** Per user: plan at the end of the data (FREE, PLUS or PRO). */
  currentPlan: Uint8Array;
}

export function buildSubscriptionsModel(users: UsersModel, seed: number): SubscriptionsModel {
  const rng = new Rng(mixSeed(seed, "subscriptions"));
  const currentPlan = new Uint8Array(users.count);
  const user: number[] = [];
  const day: number[] = [];
  const second: number[] = [];
  const isRenewal: number[] = [];

  for (let u = 0; u < users.count; u++) {
    const start = users.payFromDay[u];
    if (start === NEVER) continue;
    const s = rng.pick(CONSUMER_HOURS) * 3600 + rng.int(3600);
    const period = BILLING_DAYS[users.billing[u]];
    // Users who stopped coming back mostly cancel at the next renewal.
    const dormantFrom = users.lastActiveDay[u] + 20;
    let t = start;
    let active = true;
    user.push(u);
    day.push(t);
    second.push(s);
    isRenewal.push(0);
    for (;;) {
      const next = t + period;
      if (next >= DAYS) break;
      if (rng.next() < users.cancelRate[u] || (next > dormantFrom && rng.next() < 0.85)) {
        active = false;
        break;
      }
      user.push(u);
      day.push(next);
      second.push(s);
      isRenewal.push(1);
      t = next;
    }
    currentPlan[u] = active ? users.plan[u] : FREE;
  }

  const order = Array.from({ length: user.length }, (_, i) => i);
  order.sort((a, b) => day[a] - day[b] || second[a] - second[b] || user[a] - user[b]);
  const plan = Uint8Array.from(order, (i) => users.plan[user[i]]);
  const billing = Uint8Array.from(order, (i) => users.billing[user[i]]);
  return {
    count: order.length,
    user: Int32Array.from(order, (i) => user[i]),
    day: Int16Array.from(order, (i) => day[i]),
    second: Int32Array.from(order, (i) => second[i]),
    plan,
    billing,
    isRenewal: Uint8Array.from(order, (i) => isRenewal[i]),
    amountCents: Int32Array.from(order, (_, k) => PLAN_PRICE_CENTS[plan[k]][billing[k]]),
    currentPlan,
  };
}
