// Who signs up when, from where, and how each user will behave: the per-user parameters every fact table
// is generated from. Held in typed arrays (a few dozen bytes per user), indexed by user_id - 1.
import {
  ANDROID_LAUNCH_DAY,
  CAMPAIGN_END_DAY,
  CAMPAIGN_START_DAY,
  DAYS,
  NEVER,
  holidayDip,
  weekday,
  yearlySeason,
} from "../calendar";
import { distributeCounts } from "./distribute";
import { Rng, lookupTable, mixSeed } from "../prng";
import {
  ANDROID,
  ANNUAL,
  APP_SIGNUP_CHANNELS,
  APP_STORE,
  CATEGORY_WEIGHTS,
  CONSUMER_HOURS,
  COUNTRY_WEIGHTS,
  IPHONE,
  MONTHLY,
  PAID_SEARCH,
  PLUS,
  PRO,
  SIGNUP_WEEKDAY,
  SOCIAL,
  WEB,
  WEB_SIGNUP_CHANNELS,
} from "../vocabulary";

/** Users at scale 1. */
export const USERS_AT_SCALE_1 = 40_000;

export interface UsersModel {
  count: number;
  signupDay: Int16Array;
  signupSecond: Int32Array;
  client: Uint8Array;
  channel: Uint8Array;
  country: Uint8Array;
  favouriteCategory: Uint8Array;
  /** Engagement: 0 casual, 1 regular, 2 power user (how often they come back and how much they create). */
  kind: Uint8Array;
  /** Base probability of a session on a given day. */
  sessionRate: Float32Array;
  /** Last day the user may come back (churn); may lie past the end of the data. */
  lastActiveDay: Int16Array;
  /** First day the user can use each app (NEVER if they never install it). */
  iosFromDay: Int16Array;
  androidFromDay: Int16Array;
  /** Probability that a session includes uploads. */
  uploadRate: Float32Array;
  /** Mean likes, favourites and follows per session. */
  likeRate: Float32Array;
  favouriteRate: Float32Array;
  followRate: Float32Array;
  /** How much other users like this user's photos (0..1). */
  talent: Float32Array;
  /** From this day the user submits photos to the stock marketplace (NEVER if not a seller). */
  sellerFromDay: Int16Array;
  /** Day of the first subscription purchase (NEVER if the user never pays). */
  payFromDay: Int16Array;
  plan: Uint8Array;
  billing: Uint8Array;
  /** Probability of cancelling at each renewal. */
  cancelRate: Float32Array;
  /** usersBefore[d] = number of users who signed up before day d (length DAYS + 1). */
  usersBefore: Int32Array;
}

const KIND_BY_CLIENT = [lookupTable([0.6, 0.32, 0.08]), lookupTable([0.48, 0.38, 0.14]), lookupTable([0.62, 0.31, 0.07])];
const KIND_OF_PRESS_SIGNUPS = lookupTable([0.78, 0.19, 0.03]);

function clientShares(day: number): [number, number, number] {
  const iphone = 0.33 + (0.09 * day) / DAYS;
  const android = day < ANDROID_LAUNCH_DAY ? 0 : 0.12 + (0.14 * (day - ANDROID_LAUNCH_DAY)) / (DAYS - ANDROID_LAUNCH_DAY);
  return [1 - iphone - android, iphone, android];
}

const toDay = (x: number) => Math.min(NEVER, Math.round(x));

export function buildUsersModel(seed: number, scale: number): UsersModel {
  const count = Math.max(1, Math.round(USERS_AT_SCALE_1 * scale));
  const rng = new Rng(mixSeed(seed, "users"));

  // Daily signup volume: organic growth (3x over two years) with weekly and yearly rhythm, a paid-search
  // campaign, and press coverage of the Android launch.
  const organic = new Float64Array(DAYS);
  const campaign = new Float64Array(DAYS);
  const press = new Float64Array(DAYS);
  const total = new Float64Array(DAYS);
  const growth = Math.log(3) / DAYS;
  for (let d = 0; d < DAYS; d++) {
    const noise = Math.max(0.5, 1 + 0.1 * rng.normal());
    organic[d] = Math.exp(growth * d) * SIGNUP_WEEKDAY[weekday(d)] * yearlySeason(d) * holidayDip(d) * noise;
    if (d >= CAMPAIGN_START_DAY && d <= CAMPAIGN_END_DAY) campaign[d] = 0.25 * organic[d];
    if (d >= ANDROID_LAUNCH_DAY) press[d] = 2.5 * Math.exp(growth * ANDROID_LAUNCH_DAY) * Math.exp(-(d - ANDROID_LAUNCH_DAY) / 8);
    total[d] = organic[d] + campaign[d] + press[d];
  }
  const perDay = distributeCounts(total, count);

  const m: UsersModel = {
    count,
    signupDay: new Int16Array(count),
    signupSecond: new Int32Array(count),
    client: new Uint8Array(count),
    channel: new Uint8Array(count),
    country: new Uint8Array(count),
    favouriteCategory: new Uint8Array(count),
    kind: new Uint8Array(count),
    sessionRate: new Float32Array(count),
    lastActiveDay: new Int16Array(count),
    iosFromDay: new Int16Array(count),
    androidFromDay: new Int16Array(count),
    uploadRate: new Float32Array(count),
    likeRate: new Float32Array(count),
    favouriteRate: new Float32Array(count),
    followRate: new Float32Array(count),
    talent: new Float32Array(count),
    sellerFromDay: new Int16Array(count),
    payFromDay: new Int16Array(count),
    plan: new Uint8Array(count),
    billing: new Uint8Array(count),
    cancelRate: new Float32Array(count),
    usersBefore: new Int32Array(DAYS + 1),
  };

  const seconds: number[] = [];
  let u = 0;
  for (let d = 0; d < DAYS; d++) {
    m.usersBefore[d] = u;
    const n = perDay[d];
    // Seconds of the day's signups in order, so user_id follows signup time.
    seconds.length = 0;
    for (let i = 0; i < n; i++) seconds.push(rng.pick(CONSUMER_HOURS) * 3600 + rng.int(3600));
    seconds.sort((a, b) => a - b);
    const shares = clientShares(d);
    for (let i = 0; i < n; i++, u++) {
      m.signupDay[u] = d;
      m.signupSecond[u] = seconds[i];
      const source = rng.next() * total[d];
      let client: number;
      let kind: number;
      if (source < press[d]) {
        client = ANDROID;
        m.channel[u] = rng.chance(0.7) ? APP_STORE : SOCIAL;
        kind = rng.pick(KIND_OF_PRESS_SIGNUPS);
      } else {
        const r = rng.next();
        client = r < shares[WEB] ? WEB : r < shares[WEB] + shares[IPHONE] ? IPHONE : ANDROID;
        if (source < press[d] + campaign[d]) m.channel[u] = PAID_SEARCH;
        else m.channel[u] = rng.pick(client === WEB ? WEB_SIGNUP_CHANNELS : APP_SIGNUP_CHANNELS);
        kind = rng.pick(KIND_BY_CLIENT[client]);
      }
      m.client[u] = client;
      m.kind[u] = kind;
      m.country[u] = rng.pick(COUNTRY_WEIGHTS);
      m.favouriteCategory[u] = rng.pick(CATEGORY_WEIGHTS);
      describeBehaviour(m, u, d, rng);
    }
  }
  m.usersBefore[DAYS] = u;
  return m;
}

// Per-kind parameters: [casual, regular, power].
const SESSION_RATE = [0.05, 0.105, 0.29];
const LIFETIME_DAYS = [30, 240, 1200];
const UPLOAD_RATE = [0.03, 0.075, 0.16];
const LIKE_RATE = [0.25, 0.42, 0.68];
const FAVOURITE_RATE = [0.045, 0.075, 0.11];
const FOLLOW_RATE = [0.1, 0.06, 0.05];
const TALENT = [0.3, 0.6, 1];
const SELLER_SHARE = [0.005, 0.1, 0.45];
const PAYING_SHARE = [0.03, 0.18, 0.4];
const PRO_SHARE = [0.15, 0.25, 0.5];
const MONTHLY_CANCEL = [0.16, 0.07, 0.04];

function describeBehaviour(m: UsersModel, u: number, day: number, rng: Rng) {
  const kind = m.kind[u];
  const client = m.client[u];
  m.sessionRate[u] = Math.min(0.8, SESSION_RATE[kind] * rng.logNormal(0.3));
  m.lastActiveDay[u] = toDay(day + 1 + rng.exp(LIFETIME_DAYS[kind]));

  m.iosFromDay[u] = NEVER;
  m.androidFromDay[u] = NEVER;
  if (client === IPHONE) {
    m.iosFromDay[u] = day;
    // A few also use an Android tablet once the app exists.
    if (rng.next() < 0.05) m.androidFromDay[u] = toDay(Math.max(day, ANDROID_LAUNCH_DAY) + rng.exp(40));
  }
  else if (client === ANDROID) m.androidFromDay[u] = day;
  else {
    const r = rng.next();
    if (r < 0.3) m.iosFromDay[u] = toDay(day + rng.exp(50));
    else if (r < 0.58) {
      // Web users already around when the Android app launched install it within weeks: the adoption bump.
      const from = Math.max(day, ANDROID_LAUNCH_DAY);
      m.androidFromDay[u] = toDay(from + rng.exp(day < ANDROID_LAUNCH_DAY ? 18 : 50));
    }
  }

  m.uploadRate[u] = Math.min(0.9, UPLOAD_RATE[kind] * rng.logNormal(0.5));
  m.likeRate[u] = LIKE_RATE[kind] * rng.logNormal(0.4);
  m.favouriteRate[u] = FAVOURITE_RATE[kind] * rng.logNormal(0.4);
  m.followRate[u] = FOLLOW_RATE[kind] * rng.logNormal(0.4);
  m.talent[u] = TALENT[kind] * (0.6 + 0.4 * rng.next());
  m.sellerFromDay[u] = rng.chance(SELLER_SHARE[kind]) ? toDay(day + rng.exp(60)) : NEVER;

  const payShare = PAYING_SHARE[kind] * (client === IPHONE ? 1.2 : 1);
  const payFrom = toDay(day + rng.exp(18));
  m.payFromDay[u] = rng.chance(payShare) && payFrom <= m.lastActiveDay[u] && payFrom < DAYS ? payFrom : NEVER;
  m.plan[u] = rng.chance(PRO_SHARE[kind]) ? PRO : PLUS;
  m.billing[u] = rng.chance(0.25) ? ANNUAL : MONTHLY;
  m.cancelRate[u] = m.billing[u] === ANNUAL ? 0.3 : MONTHLY_CANCEL[kind];
}

