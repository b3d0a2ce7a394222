// photos (dimension), uploads (fact) and stock_submissions (fact), from the photos model.
import type { DemoModel } from "../model/demo-model";
import { ACCEPTED, CATEGORIES, CLIENTS, SUBMISSION_STATUSES } from "../vocabulary";
import { CopyWriter, encodeAll, type RowChunks } from "./copy-writer";

const CLIENT = encodeAll(CLIENTS);
const CATEGORY = encodeAll(CATEGORIES);
const STATUS = encodeAll(SUBMISSION_STATUSES);

export function* photosRows(model: DemoModel): RowChunks {
  const p = model.activity.photos;
  const accepted = ACCEPTED;
  const w = new CopyWriter();
  for (let i = 0; i < p.count; i++) {
    const forSale = p.submission[i] === accepted;
    w.int(i + 1).int(p.owner[i] + 1).timestamp(p.day[i], p.second[i]).bytes(CATEGORY[p.category[i]]).bool(forSale);
    if (forSale) w.money(p.priceCents[i]);
    else w.null();
    w.end();
    if (w.full) yield w.take();
  }
  if (!w.empty) yield w.take();
}

export function* uploadsRows(model: DemoModel): RowChunks {
  const p = model.activity.photos;
  const w = new CopyWriter();
  for (let i = 0; i < p.count; i++) {
    w.int(i + 1).int(i + 1).int(p.owner[i] + 1).timestamp(p.day[i], p.second[i]).bytes(CLIENT[p.client[i]]).int(p.sizeKb[i]).end();
    if (w.full) yield w.take();
  }
  if (!w.empty) yield w.take();
}

export function* stockSubmissionsRows(model: DemoModel): RowChunks {
  const p = model.activity.photos;
  const w = new CopyWriter();
  for (let k = 0; k < p.submissions.length; k++) {
    const i = p.submissions[k];
    w.int(k + 1).int(i + 1).int(p.owner[i] + 1).timestampAt(p.submittedAt[i]).bytes(STATUS[p.submission[i]]);
    if (p.reviewedAt[i] >= 0) w.timestampAt(p.reviewedAt[i]);
    else w.null();
    w.money(p.priceCents[i]).end();
    if (w.full) yield w.take();
  }
  if (!w.empty) yield w.take();
}
