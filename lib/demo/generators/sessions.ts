// sessions (fact): every signed-in user's sessions, replayed from the session simulation, followed by
// the anonymous visits (user_id null) of people who came through the same channel and did not sign up.
import { ANDROID_LAUNCH_DAY, DAYS } from "../calendar";
import type { DemoModel } from "../model/demo-model";
import { Rng, mixSeed } from "../prng";
import { SessionBuffer, sessionDuration, simulateUserSessions } from "../model/session-sim";
import { ANDROID, CHANNELS, CLIENTS, CONSUMER_HOURS, VISIT_CONVERSION, WEB } from "../vocabulary";
import { CopyWriter, encodeAll, type RowChunks } from "./copy-writer";

const CLIENT = encodeAll(CLIENTS);
const CHANNEL = encodeAll(CHANNELS);

/** Share of visits that end in a signup. Improves over the two years (onboarding work), more on the web. */
export function visitConversion(channel: number, client: number, day: number): number {
  const improvement = client === WEB ? 0.8 + (0.4 * day) / DAYS : 0.9 + (0.2 * day) / DAYS;
  return Math.min(0.9, VISIT_CONVERSION[channel] * improvement);
}

export function* sessionsRows(model: DemoModel): RowChunks {
  const { users, seed } = model;
  const hours = CONSUMER_HOURS;
  const lastDay = DAYS - 1;
  const sessionRng = new Rng(0);
  const rng = new Rng(0);
  const buf = new SessionBuffer();
  const w = new CopyWriter();
  let id = 0;
  for (let u = 0; u < users.count; u++) {
    const n = simulateUserSessions(users, u, seed, sessionRng, buf);
    const userId = u + 1;
    for (let i = 0; i < n; i++) {
      w.int(++id)
        .int(userId)
        .timestamp(buf.day[i], buf.second[i])
        .bytes(CLIENT[buf.client[i]])
        .bytes(CHANNEL[buf.channel[i]])
        .int(buf.duration[i])
        .int(buf.pages[i])
        .end();
      if (w.full) yield w.take();
    }

    // Visits by people like this user who did not sign up: same channel and client, around the same days.
    rng.reseed(mixSeed(seed, "visits", u));
    const client = CLIENT[users.client[u]];
    const channel = CHANNEL[users.channel[u]];
    const signupDay = users.signupDay[u];
    const visits = rng.poisson(1 / visitConversion(users.channel[u], users.client[u], signupDay) - 1);
    // No Android visits before the app existed.
    const firstDay = users.client[u] === ANDROID ? ANDROID_LAUNCH_DAY : 0;
    for (let k = 0; k < visits; k++) {
      const d = Math.min(lastDay, Math.max(firstDay, signupDay + Math.round(2.5 * rng.normal())));
      const second = rng.pick(hours) * 3600 + rng.int(3600);
      const duration = sessionDuration(rng, 70);
      const pages = Math.max(1, Math.round((duration / 40) * (0.5 + rng.next())));
      w.int(++id).null().timestamp(d, second).bytes(client).bytes(channel).int(duration).int(pages).end();
      if (w.full) yield w.take();
    }
  }
  if (!w.empty) yield w.take();
}
