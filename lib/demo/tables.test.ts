import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { END_DATE, START_DATE, dateString, PLAN_DAYS } from "./calendar";
import { DEMO_SEED, buildDemoModel, type DemoModel } from "./model/demo-model";
import { USERS_AT_SCALE_1 } from "./model/users";
import { DEMO_TABLE_LIST, type DemoTable, type DemoTableName } from "./tables";
import { TARGET_METRICS } from "./model/targets";
import {
  BILLING_PERIODS,
  CATEGORIES,
  CHANNELS,
  CLIENTS,
  COUNTRIES,
  LICENSES,
  PLANS,
  SUBMISSION_STATUSES,
} from "./vocabulary";

const SCALE = 0.02;

function lines(table: DemoTable, model: DemoModel, limit = Infinity): string[] {
  const out: string[] = [];
  for (const chunk of table.rows(model)) {
    const text = chunk.toString("latin1");
    expect(text.endsWith("\n")).toBe(true);
    for (const line of text.slice(0, -1).split("\n")) {
      out.push(line);
      if (out.length >= limit) return out;
    }
  }
  return out;
}

const sha = (ls: string[]) => createHash("sha256").update(ls.join("\n")).digest("hex");
const table = (name: DemoTableName) => DEMO_TABLE_LIST.find((t) => t.name === name)!;

describe("demo table generators: determinism", () => {
  it("produce byte-identical rows for the same seed and scale", () => {
    const a = buildDemoModel(DEMO_SEED, SCALE);
    const b = buildDemoModel(DEMO_SEED, SCALE);
    for (const t of DEMO_TABLE_LIST) {
      expect(sha(lines(t, a, 500)), t.name).toBe(sha(lines(t, b, 500)));
    }
  });

  it("do not depend on the order tables are generated in", () => {
    const a = buildDemoModel(DEMO_SEED, SCALE);
    const forward = DEMO_TABLE_LIST.map((t) => sha(lines(t, a)));
    const b = buildDemoModel(DEMO_SEED, SCALE);
    const backward = [...DEMO_TABLE_LIST].reverse().map((t) => sha(lines(t, b))).reverse();
    expect(backward).toEqual(forward);
  });

  it("produce different rows for a different seed", () => {
    const a = buildDemoModel(DEMO_SEED, SCALE);
    const b = buildDemoModel(DEMO_SEED + 1, SCALE);
    for (const t of DEMO_TABLE_LIST) {
      expect(sha(lines(t, a, 500)), t.name).not.toBe(sha(lines(t, b, 500)));
    }
  });
});

describe("demo table generators: volumes", () => {
  const countRows = (model: DemoModel) =>
    Object.fromEntries(DEMO_TABLE_LIST.map((t) => [t.name, lines(t, model).length])) as Record<DemoTableName, number>;
  const factRows = (counts: Record<DemoTableName, number>) =>
    DEMO_TABLE_LIST.filter((t) => t.kind === "fact").reduce((s, t) => s + counts[t.name], 0);

  it("scale with the scale factor while the time span stays two years", () => {
    const small = buildDemoModel(DEMO_SEED, 0.01);
    const large = buildDemoModel(DEMO_SEED, 0.04);
    expect(small.users.count).toBe(Math.round(USERS_AT_SCALE_1 * 0.01));
    expect(large.users.count).toBe(Math.round(USERS_AT_SCALE_1 * 0.04));
    const ratio = factRows(countRows(large)) / factRows(countRows(small));
    expect(ratio).toBeGreaterThan(3.4);
    expect(ratio).toBeLessThan(4.6);
    for (const m of [small, large]) {
      expect(dateString(m.users.signupDay[0]) < "2024-12-02").toBe(true);
      expect(dateString(m.users.signupDay[m.users.count - 1]) > "2026-11-01").toBe(true);
    }
  });

  it("has tens of thousands of users and well over a million fact rows at scale 1", () => {
    // Volumes are linear in the scale (see above), so a tenth of the default stands in for it.
    const model = buildDemoModel(DEMO_SEED, 0.1);
    const counts = countRows(model);
    expect(counts.users * 10).toBe(40_000);
    expect(factRows(counts) * 10).toBeGreaterThan(1_500_000);
    expect(factRows(counts) * 10).toBeLessThan(2_500_000);
    expect(counts.sessions * 10).toBeGreaterThan(800_000);
    expect(counts.likes * 10).toBeGreaterThan(300_000);
  });
});

describe("demo table generators: values", () => {
  let model: DemoModel;
  const rows = {} as Record<DemoTableName, string[][]>;
  beforeAll(() => {
    model = buildDemoModel(DEMO_SEED, SCALE);
    for (const t of DEMO_TABLE_LIST) rows[t.name] = lines(t, model).map((l) => l.split("\t"));
  });

  const col = (name: DemoTableName, column: string) => {
    const i = table(name).columns.findIndex((c) => c.name === column);
    expect(i, `${name}.${column}`).toBeGreaterThanOrEqual(0);
    return rows[name].map((r) => r[i]);
  };
  const firstDifferent = <T,>(values: T[], ok: (v: T) => boolean) => values.find((v) => !ok(v));

  it("writes every column of every row in the declared type, nulls only where allowed", () => {
    const lastDay = `${END_DATE} 23:59:59`;
    for (const t of DEMO_TABLE_LIST) {
      expect(rows[t.name].length, t.name).toBeGreaterThan(0);
      t.columns.forEach((c, i) => {
        const values = rows[t.name].map((r) => r[i]);
        expect(firstDifferent(rows[t.name], (r) => r.length === t.columns.length), t.name).toBeUndefined();
        const nullable = !c.type.includes("not null");
        const check = (v: string) => {
          if (v === "\\N") return nullable;
          if (c.type.startsWith("integer")) return /^\d+$/.test(v);
          if (c.type.startsWith("numeric")) return /^\d+(\.\d\d)?$/.test(v) && Number(v) > 0;
          if (c.type.startsWith("boolean")) return v === "t" || v === "f";
          if (c.type.startsWith("timestamp")) return /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/.test(v) && v >= START_DATE && v <= lastDay;
          if (c.type.startsWith("date")) return /^\d{4}-\d\d-\d\d$/.test(v) && v >= START_DATE && v <= dateString(PLAN_DAYS - 1);
          return v.length > 0 && !/[\t\n\\]/.test(v);
        };
        expect(firstDifferent(values, check), `${t.name}.${c.name}`).toBeUndefined();
      });
    }
  });

  it("numbers every table's rows 1..n in its id column", () => {
    for (const t of DEMO_TABLE_LIST.filter((x) => x.name !== "metric_targets")) {
      const ids = rows[t.name].map((r) => Number(r[0]));
      expect(firstDifferent(ids.map((id, i) => id === i + 1), Boolean), t.name).toBeUndefined();
    }
  });

  it("draws enumerations from their vocabularies", () => {
    const oneOf = (list: readonly string[]) => (v: string) => list.includes(v);
    const signupChannels = CHANNELS.slice(0, 6);
    const expectations: [DemoTableName, string, (v: string) => boolean][] = [
      ["users", "country", oneOf(COUNTRIES)],
      ["users", "signup_client", oneOf(CLIENTS)],
      ["users", "signup_channel", oneOf(signupChannels)],
      ["users", "subscription_type", oneOf(PLANS)],
      ["signups", "channel", oneOf(signupChannels)],
      ["sessions", "client", oneOf(CLIENTS)],
      ["sessions", "channel", oneOf(CHANNELS)],
      ["photos", "category", oneOf(CATEGORIES)],
      ["uploads", "client", oneOf(CLIENTS)],
      ["likes", "client", oneOf(CLIENTS)],
      ["subscription_purchases", "plan", oneOf(["plus", "pro"])],
      ["subscription_purchases", "billing_period", oneOf(BILLING_PERIODS)],
      ["subscription_purchases", "purchase_type", oneOf(["new", "renewal"])],
      ["stock_submissions", "status", oneOf(SUBMISSION_STATUSES)],
      ["stock_purchases", "license", oneOf(LICENSES)],
      ["metric_targets", "metric", oneOf(TARGET_METRICS)],
    ];
    for (const [t, c, ok] of expectations) expect(firstDifferent(col(t, c), ok), `${t}.${c}`).toBeUndefined();
    // Every client and every channel actually occurs.
    expect(new Set(col("sessions", "client"))).toEqual(new Set(CLIENTS));
    expect(new Set(col("sessions", "channel"))).toEqual(new Set(CHANNELS));
  });

  it("keeps references and timelines consistent", () => {
    const users = rows.users.length;
    const photos = rows.photos.length;
    const signedUpAt = col("signups", "signed_up_at");
    const uploadedAt = col("photos", "uploaded_at");
    const photoOwner = col("photos", "user_id").map(Number);
    const inRange = (n: number) => (v: string) => Number(v) >= 1 && Number(v) <= n;

    for (const [t, c] of [["sessions", "user_id"], ["likes", "user_id"], ["follows", "followed_id"], ["stock_purchases", "buyer_id"]] as const) {
      expect(firstDifferent(col(t, c).filter((v) => v !== "\\N"), inRange(users)), `${t}.${c}`).toBeUndefined();
    }
    for (const t of ["likes", "favourites", "uploads", "stock_submissions", "stock_purchases"] as const) {
      expect(firstDifferent(col(t, "photo_id"), inRange(photos)), `${t}.photo_id`).toBeUndefined();
    }

    // Members' sessions start when they sign up; anonymous visits exist.
    const sessionUser = col("sessions", "user_id");
    const sessionStart = col("sessions", "started_at");
    expect(sessionUser.filter((u) => u === "\\N").length).toBeGreaterThan(rows.sessions.length / 10);
    expect(firstDifferent(sessionUser.map((u, i) => u === "\\N" || sessionStart[i] >= signedUpAt[Number(u) - 1]), Boolean)).toBeUndefined();

    // Likes: once per member and photo, never one's own photo, after the upload.
    const likeKeys = new Set(rows.likes.map((r) => `${r[1]}:${r[2]}`));
    expect(likeKeys.size).toBe(rows.likes.length);
    expect(firstDifferent(rows.likes, (r) => r[1] !== r[3] && Number(r[3]) === photoOwner[Number(r[2]) - 1] && r[4] > uploadedAt[Number(r[2]) - 1])).toBeUndefined();
    const followKeys = new Set(rows.follows.map((r) => `${r[1]}:${r[2]}`));
    expect(followKeys.size).toBe(rows.follows.length);
    expect(firstDifferent(rows.follows, (r) => r[1] !== r[2])).toBeUndefined();

    // Photos ids follow upload time; uploads mirror photos.
    expect(firstDifferent(uploadedAt.map((v, i) => i === 0 || v >= uploadedAt[i - 1]), Boolean)).toBeUndefined();
    expect(rows.uploads.map((r) => [r[1], r[2], r[3]])).toEqual(rows.photos.map((r) => [r[0], r[1], r[2]]));
  });

  it("derives the users' attributes from their facts", () => {
    const androidUsers = new Set(rows.sessions.filter((r) => r[3] === "android" && r[1] !== "\\N").map((r) => r[1]));
    const iosUsers = new Set(rows.sessions.filter((r) => r[3] === "iphone" && r[1] !== "\\N").map((r) => r[1]));
    const sellers = new Set(col("stock_submissions", "user_id"));
    const payers = new Set(col("subscription_purchases", "user_id"));
    for (const u of rows.users) {
      expect(u[8] === "t", `user ${u[0]} has_android_app`).toBe(androidUsers.has(u[0]));
      expect(u[9] === "t", `user ${u[0]} has_ios_app`).toBe(iosUsers.has(u[0]));
      expect(u[7] === "t", `user ${u[0]} is_seller`).toBe(sellers.has(u[0]));
      if (u[6] !== "free") expect(payers.has(u[0]), `user ${u[0]} pays`).toBe(true);
    }
    // Android arrived later: no Android sessions before the launch.
    const firstAndroid = rows.sessions.filter((r) => r[3] === "android").map((r) => r[2]).sort()[0];
    expect(firstAndroid >= "2025-09-16").toBe(true);
  });

  it("prices stock sales from the photo's list price, with a 30% platform cut", () => {
    const price = new Map(rows.photos.filter((r) => r[4] === "t").map((r) => [r[0], Number(r[5])]));
    const accepted = new Set(rows.stock_submissions.filter((r) => r[4] === "accepted").map((r) => r[1]));
    expect(new Set(price.keys())).toEqual(accepted);
    for (const r of rows.stock_purchases) {
      const [, photo, buyer, seller, , license, amount, fee, earnings] = r;
      const list = price.get(photo)!;
      expect(list).toBeGreaterThan(0);
      expect(Number(amount)).toBeCloseTo(license === "extended" ? list * 5 : list, 2);
      expect(Number(fee)).toBeCloseTo(Math.round(Number(amount) * 30) / 100, 2);
      expect(Number(fee) + Number(earnings)).toBeCloseTo(Number(amount), 2);
      expect(buyer).not.toBe(seller);
    }
  });

  it("plans every target metric for every week, Mondays only, six weeks past the data", () => {
    const byMetric = new Map<string, string[]>();
    for (const [metric, week] of rows.metric_targets) byMetric.set(metric, [...(byMetric.get(metric) ?? []), week]);
    expect([...byMetric.keys()]).toEqual([...TARGET_METRICS]);
    for (const weeks of byMetric.values()) {
      expect(weeks.length).toBe(PLAN_DAYS / 7);
      expect(weeks[0]).toBe(START_DATE);
      expect(weeks.every((w) => new Date(`${w}T00:00:00Z`).getUTCDay() === 1)).toBe(true);
      expect(weeks.at(-1)! > END_DATE).toBe(true);
    }
  });
});
