// The demo warehouse's tables as data: columns with types and descriptions (shown in the schema browser),
// primary keys and indexes (built after the load). Column order is the COPY order of the generators.
import { END_DATE, START_DATE } from "./calendar";
import { TARGET_METRICS } from "./model/targets";

export const DEMO_SCHEMA = "demo";

export interface DemoColumn {
  name: string;
  type: string;
  comment: string;
}

export interface DemoTableSchema {
  name: string;
  /** Dimension or fact (Kimball); factRows counts the facts. */
  kind: "dimension" | "fact";
  comment: string;
  columns: DemoColumn[];
  primaryKey: string[];
  /** Each entry is the column list of one index. */
  indexes: string[][];
}

const col = (name: string, type: string, comment: string): DemoColumn => ({ name, type, comment });

const CLIENT = "Client: web, iphone or android.";
const SPAN = `Data covers ${START_DATE} to ${END_DATE}; all times are UTC.`;

export const DEMO_TABLES: DemoTableSchema[] = [
  {
    name: "users",
    kind: "dimension",
    comment: `One row per member of the photo-sharing community, with attributes as of the end of the data (${END_DATE}).`,
    columns: [
      col("user_id", "integer not null", "Member id; ids follow signup time."),
      col("username", "text not null", "Public handle."),
      col("signup_date", "date not null", "Day the member signed up (UTC)."),
      col("country", "text not null", "Country the member signed up from."),
      col("signup_client", "text not null", `Client used to sign up: web, iphone or android.`),
      col("signup_channel", "text not null", "Acquisition channel of the signup: organic search, direct, social, paid search, referral or app store."),
      col("subscription_type", "text not null", "Plan at the end of the data: free, plus or pro (a cancelled subscription is free)."),
      col("is_seller", "boolean not null", "True when the member has submitted at least one photo to the stock marketplace."),
      col("has_android_app", "boolean not null", "True when the member has used the Android app at least once."),
      col("has_ios_app", "boolean not null", "True when the member has used the iPhone app at least once."),
    ],
    primaryKey: ["user_id"],
    indexes: [["signup_date"]],
  },
  {
    name: "photos",
    kind: "dimension",
    comment: "One row per photo uploaded to the community.",
    columns: [
      col("photo_id", "integer not null", "Photo id; ids follow upload time."),
      col("user_id", "integer not null", "Owner (photographer): demo.users.user_id."),
      col("uploaded_at", "timestamp not null", "When the photo was uploaded (UTC)."),
      col("category", "text not null", "Subject category chosen by the photographer."),
      col("is_for_sale", "boolean not null", "True when the photo was accepted into the stock marketplace and can be bought."),
      col("price", "numeric(10,2)", "Stock list price in US dollars for a standard licence; null when not for sale."),
    ],
    primaryKey: ["photo_id"],
    indexes: [["user_id"], ["uploaded_at"]],
  },
  {
    name: "signups",
    kind: "fact",
    comment: `One row per new member: the moment an anonymous visitor created an account. ${SPAN}`,
    columns: [
      col("signup_id", "integer not null", "Signup id."),
      col("user_id", "integer not null", "The new member: demo.users.user_id."),
      col("signed_up_at", "timestamp not null", "When the account was created (UTC)."),
      col("client", "text not null", CLIENT),
      col("channel", "text not null", "Acquisition channel: organic search, direct, social, paid search, referral or app store."),
      col("country", "text not null", "Country the signup came from."),
    ],
    primaryKey: ["signup_id"],
    indexes: [["signed_up_at"]],
  },
  {
    name: "sessions",
    kind: "fact",
    comment: `One row per visit (session) to the web site or an app, by members and by anonymous visitors (user_id null). A member's first session is the one in which they signed up. ${SPAN}`,
    columns: [
      col("session_id", "integer not null", "Session id."),
      col("user_id", "integer", "Signed-in member (demo.users.user_id); null for an anonymous visitor."),
      col("started_at", "timestamp not null", "When the session started (UTC)."),
      col("client", "text not null", CLIENT),
      col("channel", "text not null", "Referrer channel: organic search, direct, social, paid search, referral, app store, email (a notification email) or push (a push notification)."),
      col("duration_seconds", "integer not null", "Length of the session in seconds."),
      col("pages_viewed", "integer not null", "Pages or screens viewed in the session."),
    ],
    primaryKey: ["session_id"],
    indexes: [["started_at"], ["user_id"]],
  },
  {
    name: "uploads",
    kind: "fact",
    comment: `One row per photo upload (each photo is uploaded once). ${SPAN}`,
    columns: [
      col("upload_id", "integer not null", "Upload id."),
      col("photo_id", "integer not null", "The uploaded photo: demo.photos.photo_id."),
      col("user_id", "integer not null", "Uploader: demo.users.user_id."),
      col("uploaded_at", "timestamp not null", "When the upload finished (UTC)."),
      col("client", "text not null", CLIENT),
      col("file_size_kb", "integer not null", "Size of the uploaded file in kilobytes."),
    ],
    primaryKey: ["upload_id"],
    indexes: [["uploaded_at"], ["user_id"]],
  },
  {
    name: "likes",
    kind: "fact",
    comment: `One row per like: a member liking another member's photo (at most once per photo). ${SPAN}`,
    columns: [
      col("like_id", "integer not null", "Like id."),
      col("user_id", "integer not null", "Member who liked: demo.users.user_id."),
      col("photo_id", "integer not null", "Liked photo: demo.photos.photo_id."),
      col("photo_owner_id", "integer not null", "Owner of the liked photo: demo.users.user_id."),
      col("liked_at", "timestamp not null", "When the like happened (UTC)."),
      col("client", "text not null", CLIENT),
    ],
    primaryKey: ["like_id"],
    indexes: [["liked_at"], ["photo_id"]],
  },
  {
    name: "favourites",
    kind: "fact",
    comment: `One row per photo saved to a member's favourites (at most once per photo). ${SPAN}`,
    columns: [
      col("favourite_id", "integer not null", "Favourite id."),
      col("user_id", "integer not null", "Member who saved the photo: demo.users.user_id."),
      col("photo_id", "integer not null", "Saved photo: demo.photos.photo_id."),
      col("photo_owner_id", "integer not null", "Owner of the saved photo: demo.users.user_id."),
      col("favourited_at", "timestamp not null", "When the photo was saved (UTC)."),
      col("client", "text not null", CLIENT),
    ],
    primaryKey: ["favourite_id"],
    indexes: [["favourited_at"]],
  },
  {
    name: "follows",
    kind: "fact",
    comment: `One row per follow: a member starting to follow another member (unfollows are not recorded). ${SPAN}`,
    columns: [
      col("follow_id", "integer not null", "Follow id."),
      col("follower_id", "integer not null", "Member who follows: demo.users.user_id."),
      col("followed_id", "integer not null", "Member being followed: demo.users.user_id."),
      col("followed_at", "timestamp not null", "When the follow happened (UTC)."),
    ],
    primaryKey: ["follow_id"],
    indexes: [["followed_at"], ["followed_id"]],
  },
  {
    name: "subscription_purchases",
    kind: "fact",
    comment: `One row per payment for a Plus or Pro subscription: the first purchase (new) and each automatic renewal. A subscription that is not renewed has ended. ${SPAN}`,
    columns: [
      col("purchase_id", "integer not null", "Purchase id."),
      col("user_id", "integer not null", "Paying member: demo.users.user_id."),
      col("purchased_at", "timestamp not null", "When the payment was taken (UTC)."),
      col("plan", "text not null", "Plan paid for: plus or pro."),
      col("billing_period", "text not null", "monthly (renews every 30 days) or annual (every 365 days)."),
      col("purchase_type", "text not null", "new (first payment of the member) or renewal."),
      col("amount", "numeric(10,2) not null", "Amount paid in US dollars. Plus: 4.99 a month or 49.99 a year; Pro: 11.99 a month or 119.99 a year."),
      col("client", "text not null", "Where the member pays: web (card), iphone (App Store) or android (Google Play)."),
    ],
    primaryKey: ["purchase_id"],
    indexes: [["purchased_at"], ["user_id"]],
  },
  {
    name: "stock_submissions",
    kind: "fact",
    comment: `One row per photo a seller submitted to the stock marketplace, with the outcome of its review. Accepted photos are for sale (demo.photos.is_for_sale). ${SPAN}`,
    columns: [
      col("submission_id", "integer not null", "Submission id."),
      col("photo_id", "integer not null", "Submitted photo: demo.photos.photo_id."),
      col("user_id", "integer not null", "Seller: demo.users.user_id."),
      col("submitted_at", "timestamp not null", "When the photo was submitted (UTC)."),
      col("status", "text not null", "accepted, rejected, or pending (not reviewed yet)."),
      col("reviewed_at", "timestamp", "When the review finished (UTC); null while pending."),
      col("price", "numeric(10,2) not null", "List price asked by the seller, in US dollars (standard licence)."),
    ],
    primaryKey: ["submission_id"],
    indexes: [["submitted_at"]],
  },
  {
    name: "stock_purchases",
    kind: "fact",
    comment: `One row per stock photo licence sold. The platform keeps 30% of the amount; the seller earns the rest. ${SPAN}`,
    columns: [
      col("purchase_id", "integer not null", "Purchase id."),
      col("photo_id", "integer not null", "Photo licensed: demo.photos.photo_id."),
      col("buyer_id", "integer not null", "Buying member: demo.users.user_id."),
      col("seller_id", "integer not null", "Photographer selling the licence: demo.users.user_id."),
      col("purchased_at", "timestamp not null", "When the licence was bought (UTC)."),
      col("license", "text not null", "standard, or extended (five times the list price)."),
      col("amount", "numeric(10,2) not null", "Amount the buyer paid, in US dollars."),
      col("platform_fee", "numeric(10,2) not null", "The platform's cut (30% of amount): stock revenue."),
      col("seller_earnings", "numeric(10,2) not null", "What the seller earns: amount minus platform_fee."),
    ],
    primaryKey: ["purchase_id"],
    indexes: [["purchased_at"], ["photo_id"]],
  },
  {
    name: "metric_targets",
    kind: "fact",
    comment: `The weekly plan: one projected value per metric and ISO week (Monday to Sunday), for actual-vs-plan charts. Runs six weeks past the data. Metrics: ${TARGET_METRICS.join(", ")}.`,
    columns: [
      col("metric", "text not null", `Metric planned: ${TARGET_METRICS.join(", ")}. Revenue metrics are in US dollars (subscription_revenue: all subscription payments; stock_revenue: platform fees of stock sales).`),
      col("week_start", "date not null", "Monday of the week the target is for."),
      col("target", "numeric not null", "Planned value of the metric for the week."),
    ],
    primaryKey: ["metric", "week_start"],
    indexes: [],
  },
];

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;
export const qualified = (table: string) => `${DEMO_SCHEMA}.${q(table)}`;

export function createTableSql(t: DemoTableSchema): string {
  return `create table ${qualified(t.name)} (\n${t.columns.map((c) => `  ${q(c.name)} ${c.type}`).join(",\n")}\n)`;
}

const literal = (s: string) => `'${s.replace(/'/g, "''")}'`;

export function commentSql(t: DemoTableSchema): string[] {
  return [
    `comment on table ${qualified(t.name)} is ${literal(t.comment)}`,
    ...t.columns.map((c) => `comment on column ${qualified(t.name)}.${q(c.name)} is ${literal(c.comment)}`),
  ];
}

export function copySql(t: DemoTableSchema): string {
  return `copy ${qualified(t.name)} (${t.columns.map((c) => q(c.name)).join(", ")}) from stdin with (format text, freeze true)`;
}

/**
 * The unique index behind the primary key and the secondary indexes: built after the load (faster than
 * maintaining them row by row), each on its own so they can be built in parallel.
 */
export function indexSql(t: DemoTableSchema): string[] {
  return [
    `create unique index ${q(`${t.name}_pkey`)} on ${qualified(t.name)} (${t.primaryKey.map(q).join(", ")})`,
    ...t.indexes.map((cols) => `create index ${q(`${t.name}_${cols.join("_")}_idx`)} on ${qualified(t.name)} (${cols.map(q).join(", ")})`),
  ];
}

/** Turns the unique index into the primary key (instant: no second scan). */
export function primaryKeySql(t: DemoTableSchema): string {
  return `alter table ${qualified(t.name)} add constraint ${q(`${t.name}_pkey`)} primary key using index ${q(`${t.name}_pkey`)}`;
}
