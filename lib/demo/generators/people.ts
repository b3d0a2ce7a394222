// users (dimension) and signups (fact).
import type { DemoModel } from "../model/demo-model";
import { Rng, mixSeed } from "../prng";
import { CHANNELS, CLIENTS, COUNTRIES, PLANS } from "../vocabulary";
import { CopyWriter, encodeAll, type RowChunks } from "./copy-writer";

const ADJECTIVES = [
  "amber", "bright", "calm", "dusky", "early", "foggy", "golden", "hazy", "ivory", "jade", "keen", "lunar",
  "misty", "north", "opal", "pale", "quiet", "rusty", "silver", "tidal", "urban", "vivid", "wild", "young",
];
const NOUNS = [
  "heron", "lens", "fox", "harbor", "summit", "meadow", "pixel", "shutter", "aperture", "canyon", "finch",
  "glacier", "island", "kestrel", "lantern", "maple", "orchid", "prism", "river", "sparrow", "tundra", "willow",
];

const CLIENT = encodeAll(CLIENTS);
const CHANNEL = encodeAll(CHANNELS);
const COUNTRY = encodeAll(COUNTRIES);
const PLAN = encodeAll(PLANS);

export function* usersRows(model: DemoModel): RowChunks {
  const { users, activity, subscriptions } = model;
  const rng = new Rng(mixSeed(model.seed, "usernames"));
  const w = new CopyWriter();
  for (let u = 0; u < users.count; u++) {
    const username = `${ADJECTIVES[rng.int(ADJECTIVES.length)]}_${NOUNS[rng.int(NOUNS.length)]}${u + 1}`;
    w.int(u + 1)
      .ascii(username)
      .date(users.signupDay[u])
      .bytes(COUNTRY[users.country[u]])
      .bytes(CLIENT[users.client[u]])
      .bytes(CHANNEL[users.channel[u]])
      .bytes(PLAN[subscriptions.currentPlan[u]])
      .bool(activity.isSeller[u])
      .bool(activity.hasAndroidApp[u])
      .bool(activity.hasIosApp[u])
      .end();
    if (w.full) yield w.take();
  }
  if (!w.empty) yield w.take();
}

export function* signupsRows(model: DemoModel): RowChunks {
  const { users } = model;
  const w = new CopyWriter();
  for (let u = 0; u < users.count; u++) {
    w.int(u + 1)
      .int(u + 1)
      .timestamp(users.signupDay[u], users.signupSecond[u])
      .bytes(CLIENT[users.client[u]])
      .bytes(CHANNEL[users.channel[u]])
      .bytes(COUNTRY[users.country[u]])
      .end();
    if (w.full) yield w.take();
  }
  if (!w.empty) yield w.take();
}
