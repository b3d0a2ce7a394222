// Stock photo sales: daily volume follows the size of the catalog (mostly on weekdays: buyers are
// businesses); buyers are members, photos are picked by quality and recency.
import { DAYS, weekday, yearlySeason } from "../calendar";
import { distributeCounts } from "./distribute";
import type { PhotosModel } from "./photos";
import { Rng, mixSeed } from "../prng";
import type { UsersModel } from "./users";
import { BUSINESS_HOURS, EXTENDED_LICENSE_FACTOR, PLATFORM_CUT, STOCK_WEEKDAY } from "../vocabulary";

export const STOCK_SALES_AT_SCALE_1 = 20_000;

export interface StockSalesModel {
  /** Sales in time order (index = purchase_id - 1). */
  count: number;
  photo: Int32Array;
  buyer: Int32Array;
  day: Int16Array;
  second: Int32Array;
  /** 0 = standard, 1 = extended licence. */
  license: Uint8Array;
  amountCents: Int32Array;
  feeCents: Int32Array;
}

export function buildStockSalesModel(users: UsersModel, photos: PhotosModel, seed: number, scale: number): StockSalesModel {
  const rng = new Rng(mixSeed(seed, "stock_purchases"));
  const weights = new Float64Array(DAYS);
  for (let d = 0; d < DAYS; d++) {
    const catalog = photos.catalogBefore[d];
    if (catalog === 0) continue;
    weights[d] = Math.pow(catalog, 0.85) * STOCK_WEEKDAY[weekday(d)] * yearlySeason(d) * Math.max(0.3, 1 + 0.15 * rng.normal());
  }
  const perDay = distributeCounts(weights, Math.round(STOCK_SALES_AT_SCALE_1 * scale));
  let total = 0;
  for (let d = 0; d < DAYS; d++) total += perDay[d];

  const m: StockSalesModel = {
    count: total,
    photo: new Int32Array(total),
    buyer: new Int32Array(total),
    day: new Int16Array(total),
    second: new Int32Array(total),
    license: new Uint8Array(total),
    amountCents: new Int32Array(total),
    feeCents: new Int32Array(total),
  };
  const seconds: number[] = [];
  let i = 0;
  for (let d = 0; d < DAYS; d++) {
    const n = perDay[d];
    if (n === 0) continue;
    seconds.length = 0;
    for (let k = 0; k < n; k++) seconds.push(rng.pick(BUSINESS_HOURS) * 3600 + rng.int(3600));
    seconds.sort((a, b) => a - b);
    const available = photos.catalogBefore[d];
    const recentFrom = photos.catalogBefore[Math.max(0, d - 90)];
    const members = users.usersBefore[d + 1];
    for (let k = 0; k < n; k++, i++) {
      let photo = -1;
      for (let t = 0; t < 6; t++) {
        const c = photos.catalog[available > recentFrom && rng.next() < 0.5 ? recentFrom + rng.int(available - recentFrom) : rng.int(available)];
        photo = c;
        if (rng.next() < photos.quality[c]) break;
      }
      let buyer = rng.int(members);
      if (buyer === photos.owner[photo] && members > 1) buyer = (buyer + 1 + rng.int(members - 1)) % members;
      const extended = rng.next() < 0.12 ? 1 : 0;
      const amount = photos.priceCents[photo] * (extended ? EXTENDED_LICENSE_FACTOR : 1);
      m.photo[i] = photo;
      m.buyer[i] = buyer;
      m.day[i] = d;
      m.second[i] = seconds[k];
      m.license[i] = extended;
      m.amountCents[i] = amount;
      m.feeCents[i] = Math.round(amount * PLATFORM_CUT);
    }
  }
  return m;
}
