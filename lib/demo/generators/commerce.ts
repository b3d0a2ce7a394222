// subscription_purchases, stock_purchases and metric_targets (facts), from their models.
import type { DemoModel } from "../model/demo-model";
import { PLAN_WEEKS, TARGET_METRICS } from "../model/targets";
import { BILLING_PERIODS, CLIENTS, LICENSES, PLANS } from "../vocabulary";
import { CopyWriter, encodeAll, type RowChunks } from "./copy-writer";

const CLIENT = encodeAll(CLIENTS);
const PLAN = encodeAll(PLANS);
const BILLING = encodeAll(BILLING_PERIODS);
const LICENSE = encodeAll(LICENSES);
const PURCHASE_TYPE = encodeAll(["new", "renewal"]);

export function* subscriptionPurchasesRows(model: DemoModel): RowChunks {
  const s = model.subscriptions;
  const clients = model.users.client;
  const w = new CopyWriter();
  for (let i = 0; i < s.count; i++) {
    const u = s.user[i];
    w.int(i + 1)
      .int(u + 1)
      .timestamp(s.day[i], s.second[i])
      .bytes(PLAN[s.plan[i]])
      .bytes(BILLING[s.billing[i]])
      .bytes(PURCHASE_TYPE[s.isRenewal[i]])
      .money(s.amountCents[i])
      .bytes(CLIENT[clients[u]])
      .end();
    if (w.full) yield w.take();
  }
  if (!w.empty) yield w.take();
}

export function* stockPurchasesRows(model: DemoModel): RowChunks {
  const s = model.stockSales;
  const owner = model.activity.photos.owner;
  const w = new CopyWriter();
  for (let i = 0; i < s.count; i++) {
    const photo = s.photo[i];
    w.int(i + 1)
      .int(photo + 1)
      .int(s.buyer[i] + 1)
      .int(owner[photo] + 1)
      .timestamp(s.day[i], s.second[i])
      .bytes(LICENSE[s.license[i]])
      .money(s.amountCents[i])
      .money(s.feeCents[i])
      .money(s.amountCents[i] - s.feeCents[i])
      .end();
    if (w.full) yield w.take();
  }
  if (!w.empty) yield w.take();
}

export function* metricTargetsRows(model: DemoModel): RowChunks {
  const w = new CopyWriter();
  for (const metric of TARGET_METRICS) {
    const target = model.targets.targets[metric];
    for (let week = 0; week < PLAN_WEEKS; week++) {
      w.ascii(metric).date(week * 7).int(target[week]).end();
      if (w.full) yield w.take();
    }
  }
  if (!w.empty) yield w.take();
}
