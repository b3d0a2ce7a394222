// One pass over every user's sessions: the photos they upload (and submit to the stock marketplace), the
// apps they actually used, and weekly active users (for the targets). Photos are numbered in upload order.
import { DAYS, WEEKS, weekday } from "../calendar";
import { Rng, mixSeed } from "../prng";
import { SessionBuffer, secondInSession, simulateUserSessions } from "./session-sim";
import type { UsersModel } from "./users";
import {
  ACCEPTED,
  ANDROID,
  CATEGORY_WEIGHTS,
  IPHONE,
  PENDING,
  REJECTED,
  STOCK_PRICES_CENTS,
  SESSION_WEEKDAY,
  STOCK_PRICE_WEIGHTS,
  UPLOAD_WEEKDAY,
  WEB,
} from "../vocabulary";

export const NO_SUBMISSION = 255;
const END_SECOND = DAYS * 86_400 - 1;

export interface PhotosModel {
  count: number;
  /** Per photo (index = photo_id - 1), in upload order. */
  owner: Int32Array;
  day: Int16Array;
  second: Int32Array;
  client: Uint8Array;
  category: Uint8Array;
  sizeKb: Int32Array;
  /** How likeable the photo is (0..1): drives likes, favourites, follows and stock sales. */
  quality: Float32Array;
  /** Stock submission: status (NO_SUBMISSION if never submitted), times in seconds since the start, price. */
  submission: Uint8Array;
  submittedAt: Int32Array;
  reviewedAt: Int32Array;
  priceCents: Int32Array;
  /** photosBefore[d] = photos uploaded before day d (length DAYS + 1). */
  photosBefore: Int32Array;
  /** Photo indexes of stock submissions in submission order. */
  submissions: Int32Array;
  /** Photo indexes for sale, in the order they were accepted; catalogBefore[d] = accepted before day d. */
  catalog: Int32Array;
  catalogBefore: Int32Array;
}

export interface ActivityModel {
  photos: PhotosModel;
  userSessions: number;
  hasIosApp: Uint8Array;
  hasAndroidApp: Uint8Array;
  isSeller: Uint8Array;
  /** Distinct signed-in users with a session, per week. */
  weeklyActiveUsers: Int32Array;
}

const SUBMIT_SHARE = 0.45;
// Local copies: imported bindings cost a getter call per use when the code is compiled to CommonJS.
const C_WEB = WEB;
const C_IPHONE = IPHONE;
const C_ANDROID = ANDROID;
const CATEGORY_TABLE = CATEGORY_WEIGHTS;
const PRICE_TABLE = STOCK_PRICE_WEIGHTS;
const ACCEPT_SHARE = 0.72;
/** Uploads follow sessions, with their own weekly rhythm (weekend photos are uploaded through Monday). */
const UPLOAD_VS_SESSION = UPLOAD_WEEKDAY.map((u, wd) => u / SESSION_WEEKDAY[wd]);

export function buildActivityModel(users: UsersModel, seed: number): ActivityModel {
  const sessionRng = new Rng(0);
  const rng = new Rng(0);
  const buf = new SessionBuffer();
  const hasIosApp = new Uint8Array(users.count);
  const hasAndroidApp = new Uint8Array(users.count);
  const isSeller = new Uint8Array(users.count);
  const weeklyActiveUsers = new Int32Array(WEEKS);
  let userSessions = 0;

  // Photos in generation order (by user), sorted by upload time afterwards.
  const raw = emptyPhotos(1024);
  let count = 0;

  for (let u = 0; u < users.count; u++) {
    const n = simulateUserSessions(users, u, seed, sessionRng, buf);
    userSessions += n;
    let lastWeek = -1;
    for (let i = 0; i < n; i++) {
      const w = (buf.day[i] / 7) | 0;
      if (w !== lastWeek) {
        weeklyActiveUsers[w]++;
        lastWeek = w;
      }
      if (buf.client[i] === C_IPHONE) hasIosApp[u] = 1;
      else if (buf.client[i] === C_ANDROID) hasAndroidApp[u] = 1;
    }

    rng.reseed(mixSeed(seed, "uploads", u));
    const uploadRate = users.uploadRate[u];
    const talent = users.talent[u];
    const sellerFrom = users.sellerFromDay[u];
    const favourite = users.favouriteCategory[u];
    for (let i = 0; i < n; i++) {
      if (rng.next() >= uploadRate * UPLOAD_VS_SESSION[weekday(buf.day[i])]) continue;
      const photosNow = 1 + rng.poisson(0.4);
      for (let k = 0; k < photosNow; k++) {
        if (count === raw.owner.length) grow(raw);
        const p = count++;
        const d = buf.day[i];
        const s = secondInSession(buf, i, rng);
        raw.owner[p] = u;
        raw.day[p] = d;
        raw.second[p] = s;
        raw.client[p] = buf.client[i];
        raw.category[p] = rng.next() < 0.6 ? favourite : rng.pick(CATEGORY_TABLE);
        raw.sizeKb[p] = Math.round((buf.client[i] === C_WEB ? 5200 : 3400) * rng.logNormal(0.45));
        raw.quality[p] = talent * (0.35 + 0.65 * rng.next());
        raw.submission[p] = NO_SUBMISSION;
        raw.submittedAt[p] = -1;
        raw.reviewedAt[p] = -1;
        raw.priceCents[p] = 0;
        if (d >= sellerFrom && rng.next() < SUBMIT_SHARE) {
          const submitted = d * 86_400 + s + Math.round(rng.exp(20 * 3600));
          const reviewed = submitted + Math.round(6 * 3600 + rng.exp(40 * 3600));
          const accepted = rng.next() < ACCEPT_SHARE;
          const price = STOCK_PRICES_CENTS[rng.pick(PRICE_TABLE)];
          if (submitted <= END_SECOND) {
            isSeller[u] = 1;
            raw.submittedAt[p] = submitted;
            raw.priceCents[p] = price;
            if (reviewed > END_SECOND) raw.submission[p] = PENDING;
            else {
              raw.submission[p] = accepted ? ACCEPTED : REJECTED;
              raw.reviewedAt[p] = reviewed;
            }
          }
        }
      }
    }
  }

  const photos = sortPhotos(raw, count);
  countBefore(photos.day, photos.photosBefore);

  const submitted: number[] = [];
  const accepted: number[] = [];
  for (let p = 0; p < count; p++) {
    if (photos.submission[p] === NO_SUBMISSION) continue;
    submitted.push(p);
    if (photos.submission[p] === ACCEPTED) accepted.push(p);
  }
  submitted.sort((a, b) => photos.submittedAt[a] - photos.submittedAt[b] || a - b);
  accepted.sort((a, b) => photos.reviewedAt[a] - photos.reviewedAt[b] || a - b);
  photos.submissions = Int32Array.from(submitted);
  photos.catalog = Int32Array.from(accepted);
  countBefore(
    Int16Array.from(accepted, (p) => Math.floor(photos.reviewedAt[p] / 86_400)),
    photos.catalogBefore,
  );

  return { photos, userSessions, hasIosApp, hasAndroidApp, isSeller, weeklyActiveUsers };
}

type PhotoColumns = Pick<
  PhotosModel,
  "owner" | "day" | "second" | "client" | "category" | "sizeKb" | "quality" | "submission" | "submittedAt" | "reviewedAt" | "priceCents"
>;
const COLUMNS = ["owner", "day", "second", "client", "category", "sizeKb", "quality", "submission", "submittedAt", "reviewedAt", "priceCents"] as const;

function emptyPhotos(capacity: number): PhotoColumns {
  return {
    owner: new Int32Array(capacity),
    day: new Int16Array(capacity),
    second: new Int32Array(capacity),
    client: new Uint8Array(capacity),
    category: new Uint8Array(capacity),
    sizeKb: new Int32Array(capacity),
    quality: new Float32Array(capacity),
    submission: new Uint8Array(capacity),
    submittedAt: new Int32Array(capacity),
    reviewedAt: new Int32Array(capacity),
    priceCents: new Int32Array(capacity),
  };
}

function grow(cols: PhotoColumns) {
  const bigger = emptyPhotos(cols.owner.length * 2);
  for (const c of COLUMNS) bigger[c].set(cols[c] as never);
  Object.assign(cols, bigger);
}

/**
 * Photos in upload order, ties kept in generation order (by owner). Packs (time, index) into one double
 * so the engine's native numeric sort does the work: time < 2^26 and index < 2^26 fit in 2^53.
 */
function sortPhotos(raw: PhotoColumns, count: number): PhotosModel {
  const keys = new Float64Array(count);
  for (let i = 0; i < count; i++) keys[i] = (raw.day[i] * 86_400 + raw.second[i]) * 67_108_864 + i;
  keys.sort();
  const order = new Int32Array(count);
  for (let i = 0; i < count; i++) order[i] = keys[i] % 67_108_864;
  const sorted = emptyPhotos(count);
  for (const c of COLUMNS) permuteInto(raw[c], sorted[c], order);
  return {
    ...sorted,
    count,
    photosBefore: new Int32Array(DAYS + 1),
    submissions: new Int32Array(0),
    catalog: new Int32Array(0),
    catalogBefore: new Int32Array(DAYS + 1),
  };
}

type Column = Int32Array | Int16Array | Uint8Array | Float32Array;

function permuteInto(from: Column, to: Column, order: Int32Array) {
  for (let i = 0; i < order.length; i++) to[i] = from[order[i]];
}

/** before[d] = number of (sorted) days strictly before d. */
function countBefore(sortedDays: Int16Array, before: Int32Array) {
  let i = 0;
  for (let d = 0; d < before.length; d++) {
    while (i < sortedDays.length && sortedDays[i] < d) i++;
    before[d] = i;
  }
}
