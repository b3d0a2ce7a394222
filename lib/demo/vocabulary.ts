// The enumerations the demo data is drawn from, with their weights. Codes are array indexes.
import { lookupTable } from "./prng";

export const CLIENTS = ["web", "iphone", "android"] as const;
export const WEB = 0;
export const IPHONE = 1;
export const ANDROID = 2;

/** Referrer channels of sessions, and acquisition channels of signups (the first six). */
export const CHANNELS = ["organic search", "direct", "social", "paid search", "referral", "app store", "email", "push"] as const;
export const SOCIAL = 2;
export const PAID_SEARCH = 3;
export const APP_STORE = 5;

/** Share of anonymous visits that end in a signup, by acquisition channel (index as CHANNELS). */
export const VISIT_CONVERSION = [0.09, 0.2, 0.07, 0.11, 0.28, 0.4];

/** Acquisition channel of a web signup, and of an app signup. */
export const WEB_SIGNUP_CHANNELS = lookupTable([0.36, 0.2, 0.2, 0.14, 0.1, 0]);
export const APP_SIGNUP_CHANNELS = lookupTable([0.02, 0.05, 0.2, 0.1, 0.08, 0.55]);

/** Referrer of a signed-in user's session on the web, and in an app. */
export const WEB_SESSION_CHANNELS = lookupTable([0.15, 0.5, 0.15, 0, 0, 0, 0.2, 0]);
export const APP_SESSION_CHANNELS = lookupTable([0, 0.68, 0.02, 0, 0, 0, 0, 0.3]);

export const COUNTRIES = [
  "United States", "India", "United Kingdom", "Germany", "Brazil", "France", "Canada", "Japan", "Spain",
  "Indonesia", "Italy", "Australia", "Mexico", "Netherlands", "Poland", "South Korea", "Turkey", "Sweden",
  "Nigeria", "Argentina",
] as const;
export const COUNTRY_WEIGHTS = lookupTable([28, 9, 8, 7, 6, 5, 5, 4, 4, 3, 3, 3, 3, 2, 2, 2, 2, 2, 1.5, 1.5]);

export const CATEGORIES = [
  "Landscape", "Portrait", "Street", "Wildlife", "Architecture", "Food", "Travel", "Macro", "Sports", "Abstract",
] as const;
export const CATEGORY_WEIGHTS = lookupTable([18, 14, 12, 9, 9, 8, 13, 6, 5, 6]);

export const PLANS = ["free", "plus", "pro"] as const;
export const FREE = 0;
export const PLUS = 1;
export const PRO = 2;
export const BILLING_PERIODS = ["monthly", "annual"] as const;
export const MONTHLY = 0;
export const ANNUAL = 1;
/** Price in cents by [plan][billing period]. */
export const PLAN_PRICE_CENTS = [
  [0, 0],
  [499, 4999],
  [1199, 11999],
] as const;
export const BILLING_DAYS = [30, 365] as const;

export const SUBMISSION_STATUSES = ["accepted", "rejected", "pending"] as const;
export const ACCEPTED = 0;
export const REJECTED = 1;
export const PENDING = 2;

/** List prices of stock photos, in cents. */
export const STOCK_PRICES_CENTS = [499, 999, 1499, 1999, 2999, 4999, 7999] as const;
export const STOCK_PRICE_WEIGHTS = lookupTable([10, 25, 22, 18, 14, 7, 4]);
export const LICENSES = ["standard", "extended"] as const;
/** Extended licences cost five times the list price. */
export const EXTENDED_LICENSE_FACTOR = 5;
/** Share of a stock sale the platform keeps. */
export const PLATFORM_CUT = 0.3;

/** Hour of day (UTC) of consumer activity: a long evening peak across time zones. */
export const CONSUMER_HOURS = lookupTable([
  3, 2.5, 2, 1.6, 1.4, 1.5, 2, 2.6, 3.2, 3.6, 4, 4.2, 4.6, 4.8, 5, 5.2, 5.6, 6.2, 6.8, 7.2, 7, 6.2, 5, 4,
]);
/** Hour of day (UTC) of business buyers of stock photos: office hours in Europe and America. */
export const BUSINESS_HOURS = lookupTable([
  1, 0.8, 0.6, 0.5, 0.5, 0.6, 1, 2, 4, 6, 7, 7, 6.5, 7, 8, 8.5, 8, 7, 5.5, 4, 3, 2.2, 1.6, 1.2,
]);

/** Relative activity by weekday (Monday first). */
export const SESSION_WEEKDAY = [0.95, 0.93, 0.94, 0.96, 1.0, 1.22, 1.28];
export const SIGNUP_WEEKDAY = [0.96, 0.97, 0.95, 0.96, 1.0, 1.16, 1.2];
export const UPLOAD_WEEKDAY = [1.15, 0.9, 0.88, 0.9, 0.95, 1.3, 1.45];
export const STOCK_WEEKDAY = [1.15, 1.2, 1.18, 1.15, 1.0, 0.55, 0.5];
