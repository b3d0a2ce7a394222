// One user's sessions, re-derived on demand from a per-user seed. Sessions, uploads, likes, favourites and
// follows all replay the same sessions this way instead of holding a million of them in memory.
import { DAYS, NEVER, weekday, yearlySeason } from "../calendar";
import { Rng, mixSeed } from "../prng";
import type { UsersModel } from "./users";
import * as V from "../vocabulary";

// Local copies: imported bindings cost a getter call per use when the code is compiled to CommonJS.
const { ANDROID, IPHONE, WEB, APP_SESSION_CHANNELS, WEB_SESSION_CHANNELS, CONSUMER_HOURS } = V;
const NO_DAY = NEVER;

const LAST_DAY = DAYS - 1;
const DAY_FACTOR = Float64Array.from({ length: DAYS }, (_, d) => V.SESSION_WEEKDAY[weekday(d)] * yearlySeason(d));

/** A reusable buffer of one user's sessions (at most two a day). */
export class SessionBuffer {
  count = 0;
  readonly day = new Int16Array(2 * DAYS + 1);
  readonly second = new Int32Array(2 * DAYS + 1);
  readonly client = new Uint8Array(2 * DAYS + 1);
  readonly channel = new Uint8Array(2 * DAYS + 1);
  readonly duration = new Int32Array(2 * DAYS + 1);
  readonly pages = new Int16Array(2 * DAYS + 1);
}

/** Seconds a session lasts: log-normal around the median, a long tail, at most four hours. */
export function sessionDuration(rng: Rng, median: number): number {
  return Math.min(14_400, 10 + Math.round(median * rng.logNormal(0.8)));
}

/** Fills `out` with user `u`'s sessions. Same seed and user, same sessions, whoever asks. */
export function simulateUserSessions(users: UsersModel, u: number, seed: number, rng: Rng, out: SessionBuffer): number {
  rng.reseed(mixSeed(seed, "sessions", u));
  out.count = 0;
  const first = users.signupDay[u];
  const last = Math.min(users.lastActiveDay[u], LAST_DAY);
  const rate = users.sessionRate[u];
  const ios = users.iosFromDay[u];
  const android = users.androidFromDay[u];

  // The session in which the user signed up, on the signup client and from the acquisition channel.
  push(out, first, users.signupSecond[u], users.client[u], users.channel[u], rng);

  for (let d = first + 1; d <= last; d++) {
    // New users explore for two weeks; after that the user's own rhythm with weekends busier.
    const p = Math.min(0.95, rate * DAY_FACTOR[d] * (d - first <= 14 ? 1.6 : 1));
    if (rng.next() >= p) continue;
    addSession(out, d, ios, android, rng);
    if (rng.next() < p * 0.5) addSession(out, d, ios, android, rng);
  }
  return out.count;
}

function addSession(out: SessionBuffer, d: number, ios: number, android: number, rng: Rng) {
  const hasIos = ios !== NO_DAY && ios <= d;
  const hasAndroid = android !== NO_DAY && android <= d;
  let client = WEB;
  if ((hasIos || hasAndroid) && rng.next() < 0.8) {
    client = hasIos && hasAndroid ? (rng.next() < 0.7 ? IPHONE : ANDROID) : hasIos ? IPHONE : ANDROID;
  }
  const channel = rng.pick(client === WEB ? WEB_SESSION_CHANNELS : APP_SESSION_CHANNELS);
  const second = rng.pick(CONSUMER_HOURS) * 3600 + rng.int(3600);
  push(out, d, second, client, channel, rng);
}

/** Median session length in seconds by client: app sessions are shorter, quick checks of the feed. */
const MEDIAN_SECONDS = [300, 215, 190];

function push(out: SessionBuffer, d: number, second: number, client: number, channel: number, rng: Rng) {
  const i = out.count++;
  const duration = sessionDuration(rng, MEDIAN_SECONDS[client]);
  out.day[i] = d;
  out.second[i] = second;
  out.client[i] = client;
  out.channel[i] = channel;
  out.duration[i] = duration;
  out.pages[i] = Math.max(1, Math.round((duration / 50) * (0.5 + rng.next())));
}

/** A second within a session, never past midnight. */
export function secondInSession(out: SessionBuffer, i: number, rng: Rng): number {
  return Math.min(86_399, out.second[i] + rng.int(out.duration[i]));
}
