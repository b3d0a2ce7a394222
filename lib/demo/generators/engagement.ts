// likes, favourites and follows (facts): during each replayed session a user likes, saves and follows,
// choosing mostly recent photos (the feed) and better photos more often. No user does one twice.
import type { DemoModel } from "../model/demo-model";
import type { PhotosModel } from "../model/photos";
import { Rng, mixSeed } from "../prng";
import { SessionBuffer, secondInSession, simulateUserSessions } from "../model/session-sim";
import type { UsersModel } from "../model/users";
import { CLIENTS } from "../vocabulary";
import { CopyWriter, encodeAll, type RowChunks } from "./copy-writer";

const CLIENT = encodeAll(CLIENTS);

/** A photo uploaded before `day` and not owned by `u`, or -1. */
export function pickPhoto(photos: PhotosModel, day: number, u: number, rng: Rng): number {
  const n = photos.photosBefore[day];
  if (n === 0) return -1;
  const recentFrom = photos.photosBefore[Math.max(0, day - 14)];
  let chosen = -1;
  for (let t = 0; t < 6; t++) {
    const c = n > recentFrom && rng.next() < 0.7 ? recentFrom + rng.int(n - recentFrom) : rng.int(n);
    if (photos.owner[c] === u) continue;
    chosen = c;
    if (rng.next() < photos.quality[c]) break;
  }
  return chosen;
}

type Kind = "likes" | "favourites" | "follows";

function rateOf(users: UsersModel, kind: Kind): Float32Array {
  return kind === "likes" ? users.likeRate : kind === "favourites" ? users.favouriteRate : users.followRate;
}

function* engagementRows(model: DemoModel, kind: Kind): RowChunks {
  const { users, seed } = model;
  const photos = model.activity.photos;
  const rates = rateOf(users, kind);
  const sessionRng = new Rng(0);
  const rng = new Rng(0);
  const buf = new SessionBuffer();
  const done = new Set<number>();
  const w = new CopyWriter();
  let id = 0;
  for (let u = 0; u < users.count; u++) {
    const n = simulateUserSessions(users, u, seed, sessionRng, buf);
    rng.reseed(mixSeed(seed, kind, u));
    done.clear();
    const rate = rates[u];
    const firstWeekEnd = users.signupDay[u] + 7;
    for (let i = 0; i < n; i++) {
      const d = buf.day[i];
      // New users follow a burst of people in their first week.
      const events = rng.poisson(kind === "follows" && d <= firstWeekEnd ? rate * 4 : rate);
      for (let e = 0; e < events; e++) {
        const photo = pickPhoto(photos, d, u, rng);
        if (photo < 0) continue;
        const s = secondInSession(buf, i, rng);
        if (kind === "follows") {
          const followed = photos.owner[photo];
          if (done.has(followed)) continue;
          done.add(followed);
          w.int(++id).int(u + 1).int(followed + 1).timestamp(d, s).end();
        } else {
          if (done.has(photo)) continue;
          done.add(photo);
          w.int(++id).int(u + 1).int(photo + 1).int(photos.owner[photo] + 1).timestamp(d, s).bytes(CLIENT[buf.client[i]]).end();
        }
        if (w.full) yield w.take();
      }
    }
  }
  if (!w.empty) yield w.take();
}

export const likesRows = (model: DemoModel) => engagementRows(model, "likes");
export const favouritesRows = (model: DemoModel) => engagementRows(model, "favourites");
export const followsRows = (model: DemoModel) => engagementRows(model, "follows");
