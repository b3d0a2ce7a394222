// "Executive weekly tearsheet": the last five complete weeks of key metrics next to their targets.
import { BOUNDS, WAU_DEFINITION, WEEK_NOTE } from "./sql-fragments";
import { chartTile, textTile, type DemoChart, type DemoDashboard } from "./types";

/** Column names of the five week columns of the tearsheet, oldest first. */
export const TEARSHEET_WEEK_COLUMNS = ["5 weeks ago", "4 weeks ago", "3 weeks ago", "2 weeks ago", "Last week"] as const;

export const tearsheet: DemoChart = {
  key: "exec-tearsheet",
  title: "Key metrics: last five weeks vs target",
  description: `The company's key metrics for each of the last five complete weeks, last week's target from the weekly plan (\`demo.metric_targets\`) and how far last week landed from it.

- ${WAU_DEFINITION}
- **Signups**: accounts created in the week.
- **Visit → signup conversion (%)**: signups divided by visits, where visits are anonymous sessions plus the sessions in which people signed up.
- **Uploads**: photos uploaded in the week.
- **Likes**: likes given in the week.
- **New paid subscriptions**: first subscription payments (\`purchase_type = 'new'\`).
- **Subscription revenue ($)**: all subscription payments in the week, new and renewals.
- **Stock sales, gross ($)**: what buyers paid for stock licences.
- **Stock revenue ($)**: the platform's 30% cut of stock sales.

*vs target (%)* is last week's actual relative to its target: +5 means 5% ahead of plan. It is green on or ahead of plan, amber up to 5% behind and red further behind. Metrics without a plan have no target. ${WEEK_NOTE}`,
  sql: `with ${BOUNDS},
weeks as (
  select (b.last_week - 7 * k)::date as week_start, k as weeks_ago
  from bounds b cross join generate_series(0, 4) as k
),
span as (
  select (last_week - 28)::timestamp as since, (last_week + 7)::timestamp as until from bounds
),
actuals as (
  select 'weekly_active_users' as metric, date_trunc('week', s.started_at)::date as week_start, count(distinct s.user_id)::numeric as value
  from demo.sessions s, span where s.user_id is not null and s.started_at >= span.since and s.started_at < span.until group by 2
  union all
  select 'visits', date_trunc('week', s.started_at)::date, count(*)
  from demo.sessions s, span where s.user_id is null and s.started_at >= span.since and s.started_at < span.until group by 2
  union all
  select 'signups', date_trunc('week', g.signed_up_at)::date, count(*)
  from demo.signups g, span where g.signed_up_at >= span.since and g.signed_up_at < span.until group by 2
  union all
  select 'uploads', date_trunc('week', u.uploaded_at)::date, count(*)
  from demo.uploads u, span where u.uploaded_at >= span.since and u.uploaded_at < span.until group by 2
  union all
  select 'likes', date_trunc('week', l.liked_at)::date, count(*)
  from demo.likes l, span where l.liked_at >= span.since and l.liked_at < span.until group by 2
  union all
  select 'new_subscriptions', date_trunc('week', p.purchased_at)::date, count(*)
  from demo.subscription_purchases p, span
  where p.purchase_type = 'new' and p.purchased_at >= span.since and p.purchased_at < span.until group by 2
  union all
  select 'subscription_revenue', date_trunc('week', p.purchased_at)::date, round(sum(p.amount))
  from demo.subscription_purchases p, span where p.purchased_at >= span.since and p.purchased_at < span.until group by 2
  union all
  select 'stock_sales', date_trunc('week', p.purchased_at)::date, round(sum(p.amount))
  from demo.stock_purchases p, span where p.purchased_at >= span.since and p.purchased_at < span.until group by 2
  union all
  select 'stock_revenue', date_trunc('week', p.purchased_at)::date, round(sum(p.platform_fee))
  from demo.stock_purchases p, span where p.purchased_at >= span.since and p.purchased_at < span.until group by 2
),
all_metrics as (
  select metric, week_start, value from actuals
  union all
  select 'visit_conversion', s.week_start, round(100 * s.value / nullif(s.value + coalesce(v.value, 0), 0), 1)
  from actuals s left join actuals v on v.metric = 'visits' and v.week_start = s.week_start
  where s.metric = 'signups'
),
metrics (sort, metric, label) as (
  values
    (1, 'weekly_active_users', 'Weekly active users'),
    (2, 'signups', 'Signups'),
    (3, 'visit_conversion', 'Visit → signup conversion (%)'),
    (4, 'uploads', 'Uploads'),
    (5, 'likes', 'Likes'),
    (6, 'new_subscriptions', 'New paid subscriptions'),
    (7, 'subscription_revenue', 'Subscription revenue ($)'),
    (8, 'stock_sales', 'Stock sales, gross ($)'),
    (9, 'stock_revenue', 'Stock revenue ($)')
),
pivot as (
  select m.sort, m.metric, m.label,
    max(a.value) filter (where w.weeks_ago = 4) as w4,
    max(a.value) filter (where w.weeks_ago = 3) as w3,
    max(a.value) filter (where w.weeks_ago = 2) as w2,
    max(a.value) filter (where w.weeks_ago = 1) as w1,
    max(a.value) filter (where w.weeks_ago = 0) as w0
  from metrics m
  cross join weeks w
  left join all_metrics a on a.metric = m.metric and a.week_start = w.week_start
  group by m.sort, m.metric, m.label
)
select p.label as "Metric",
  coalesce(p.w4, 0) as "5 weeks ago",
  coalesce(p.w3, 0) as "4 weeks ago",
  coalesce(p.w2, 0) as "3 weeks ago",
  coalesce(p.w1, 0) as "2 weeks ago",
  coalesce(p.w0, 0) as "Last week",
  t.target as "Target (last week)",
  round(100 * (coalesce(p.w0, 0) / nullif(t.target, 0) - 1), 1) as "vs target (%)"
from pivot p
left join demo.metric_targets t on t.metric = p.metric and t.week_start = (select last_week from bounds)
order by p.sort`,
  vizType: "table",
  vizConfig: {
    // On or ahead of plan green, up to 5% behind amber, further behind red.
    conditionalFormats: [
      { column: "vs target (%)", operator: ">=", value: 0, color: "#d3f2e3" },
      { column: "vs target (%)", operator: "between", value: -5, value2: 0, color: "#fdf0c4" },
      { column: "vs target (%)", operator: "<", value: -5, color: "#f9d6d5" },
    ],
  },
};

export const tearsheetByWeek: DemoChart = {
  key: "exec-weeks",
  title: "Key metrics by week",
  description: `The same key metrics as the tearsheet, one row per week (the week column is the Monday the week starts), for the last five complete weeks.

- ${WAU_DEFINITION}
- **Signups**: accounts created in the week.
- **Revenue ($)**: subscription payments plus the platform's cut of stock sales.

${WEEK_NOTE}`,
  sql: `with ${BOUNDS},
weeks as (
  select (b.last_week - 7 * k)::date as week from bounds b cross join generate_series(0, 4) as k
),
span as (
  select (last_week - 28)::timestamp as since, (last_week + 7)::timestamp as until from bounds
),
wau as (
  select date_trunc('week', s.started_at)::date as week, count(distinct s.user_id) as weekly_active_users
  from demo.sessions s, span where s.user_id is not null and s.started_at >= span.since and s.started_at < span.until group by 1
),
signups as (
  select date_trunc('week', g.signed_up_at)::date as week, count(*) as signups
  from demo.signups g, span where g.signed_up_at >= span.since and g.signed_up_at < span.until group by 1
),
uploads as (
  select date_trunc('week', u.uploaded_at)::date as week, count(*) as uploads
  from demo.uploads u, span where u.uploaded_at >= span.since and u.uploaded_at < span.until group by 1
),
revenue as (
  select date_trunc('week', r.at)::date as week, round(sum(r.amount)) as revenue
  from (
    select purchased_at as at, amount from demo.subscription_purchases
    union all
    select purchased_at, platform_fee from demo.stock_purchases
  ) r, span
  where r.at >= span.since and r.at < span.until
  group by 1
)
select w.week,
  coalesce(a.weekly_active_users, 0) as weekly_active_users,
  coalesce(s.signups, 0) as signups,
  coalesce(u.uploads, 0) as uploads,
  coalesce(r.revenue, 0) as revenue
from weeks w
left join wau a using (week)
left join signups s using (week)
left join uploads u using (week)
left join revenue r using (week)
order by w.week`,
  vizType: "table",
  vizConfig: {},
};

/** The big numbers read the last 12 complete weeks: last week is the number, the week before the comparison. */
const KPI_WEEKS = 12;

/**
 * A "last week" big number: the query returns one (week, value) row for each of the last 12 complete weeks,
 * oldest first (weeks without any activity read 0), so the tile shows last week's value, its change against
 * the week before and a sparkline of the twelve weeks.
 * `weekly` is the body of a CTE returning (week, <column>) for the weeks in `bounds b` that have data; it
 * filters its timestamps with `since` and `until` (substituted here).
 */
const lastWeekNumber = (
  key: string,
  title: string,
  description: string,
  column: string,
  weekly: (since: string, until: string) => string,
  format?: "currency",
): DemoChart => ({
  key,
  title,
  description: `${description}

The number is last week's, the last complete ISO week (Monday to Sunday, UTC) in the data, with its change against the week before; the sparkline shows the last ${KPI_WEEKS} complete weeks.`,
  sql: `with ${BOUNDS},
weeks as (
  select (b.last_week - 7 * k)::date as week from bounds b cross join generate_series(0, ${KPI_WEEKS - 1}) as k
),
actual as (
${weekly(`b.last_week - 7 * ${KPI_WEEKS - 1}`, "b.last_week + 7")
  .split("\n")
  .map((line) => `  ${line}`)
  .join("\n")}
)
select w.week, coalesce(a.${column}, 0) as ${column}
from weeks w
left join actual a using (week)
order by w.week`,
  vizType: "number",
  vizConfig: { x: "week", y: [column], comparison: "previous-period", ...(format ? { format } : {}) },
});

export const wauLastWeek = lastWeekNumber(
  "exec-wau-last-week",
  "Weekly active users, last week",
  WAU_DEFINITION,
  "weekly_active_users",
  (since, until) => `select date_trunc('week', s.started_at)::date as week, count(distinct s.user_id) as weekly_active_users
from demo.sessions s, bounds b
where s.user_id is not null and s.started_at >= ${since} and s.started_at < ${until}
group by 1`,
);

export const signupsLastWeek = lastWeekNumber(
  "exec-signups-last-week",
  "Signups, last week",
  "**Signups**: accounts created in the week, on any client and from any channel.",
  "signups",
  (since, until) => `select date_trunc('week', g.signed_up_at)::date as week, count(*) as signups
from demo.signups g, bounds b
where g.signed_up_at >= ${since} and g.signed_up_at < ${until}
group by 1`,
);

export const revenueLastWeek = lastWeekNumber(
  "exec-revenue-last-week",
  "Revenue, last week",
  "**Revenue**: subscription payments (new and renewals) plus the platform's 30% cut of stock photo sales, in US dollars.",
  "revenue",
  (since, until) => `select date_trunc('week', r.at)::date as week, round(sum(r.amount)) as revenue
from (
  select purchased_at as at, amount from demo.subscription_purchases
  union all
  select purchased_at, platform_fee from demo.stock_purchases
) r, bounds b
where r.at >= ${since} and r.at < ${until}
group by 1`,
  "currency",
);

export const newPaidLastWeek = lastWeekNumber(
  "exec-new-paid-last-week",
  "New paid subscriptions, last week",
  "**New paid subscriptions**: members paying for a Plus or Pro plan for the first time (`purchase_type = 'new'`); renewals are not counted.",
  "new_subscriptions",
  (since, until) => `select date_trunc('week', p.purchased_at)::date as week, count(*) as new_subscriptions
from demo.subscription_purchases p, bounds b
where p.purchase_type = 'new' and p.purchased_at >= ${since} and p.purchased_at < ${until}
group by 1`,
);

export const wauVsTarget: DemoChart = {
  key: "exec-wau-vs-target",
  title: "Weekly active users vs target",
  description: `${WAU_DEFINITION} The dashed line is the weekly plan (\`demo.metric_targets\`, metric \`weekly_active_users\`). Last 26 complete weeks. ${WEEK_NOTE}`,
  sql: `with ${BOUNDS},
actual as (
  select date_trunc('week', s.started_at)::date as week, count(distinct s.user_id) as weekly_active_users
  from demo.sessions s, bounds b
  where s.user_id is not null and s.started_at >= b.last_week - 7 * 25 and s.started_at < b.last_week + 7
  group by 1
)
select a.week, a.weekly_active_users, t.target
from actual a
left join demo.metric_targets t on t.metric = 'weekly_active_users' and t.week_start = a.week
order by a.week`,
  vizType: "line",
  vizConfig: { x: "week", y: ["weekly_active_users"], target: "target" },
};

export const revenueVsTarget: DemoChart = {
  key: "exec-revenue-vs-target",
  title: "Weekly revenue vs target",
  description: `**Revenue** (bars): subscription payments (new and renewals) plus the platform's 30% cut of stock photo sales, in US dollars. The dashed line is the plan: the sum of the \`subscription_revenue\` and \`stock_revenue\` targets. Last 26 complete weeks. ${WEEK_NOTE}`,
  sql: `with ${BOUNDS},
actual as (
  select date_trunc('week', r.at)::date as week, round(sum(r.amount)) as revenue
  from (
    select purchased_at as at, amount from demo.subscription_purchases
    union all
    select purchased_at, platform_fee from demo.stock_purchases
  ) r, bounds b
  where r.at >= b.last_week - 7 * 25 and r.at < b.last_week + 7
  group by 1
),
plan as (
  select week_start as week, sum(target) as target
  from demo.metric_targets
  where metric in ('subscription_revenue', 'stock_revenue')
  group by 1
)
select a.week, a.revenue, p.target
from actual a
left join plan p using (week)
order by a.week`,
  vizType: "combo",
  // One y column and no line columns: revenue is drawn as bars, the target as the dashed target series.
  vizConfig: { x: "week", y: ["revenue"], lineColumns: [], target: "target", format: "currency" },
};

export const signupsVsTarget: DemoChart = {
  key: "exec-signups-vs-target",
  title: "Weekly signups vs target",
  description: `**Signups**: accounts created in the week, on any client and from any channel. The dashed line is the plan (\`demo.metric_targets\`, metric \`signups\`). Last 26 complete weeks. ${WEEK_NOTE}`,
  sql: `with ${BOUNDS},
actual as (
  select date_trunc('week', g.signed_up_at)::date as week, count(*) as signups
  from demo.signups g, bounds b
  where g.signed_up_at >= b.last_week - 7 * 25 and g.signed_up_at < b.last_week + 7
  group by 1
)
select a.week, a.signups, t.target
from actual a
left join demo.metric_targets t on t.metric = 'signups' and t.week_start = a.week
order by a.week`,
  vizType: "line",
  vizConfig: { x: "week", y: ["signups"], target: "target" },
};

export const executiveDashboard: DemoDashboard = {
  title: "Executive weekly tearsheet",
  description: "The last five complete weeks of the company's key metrics, next to the plan.",
  tiles: [
    chartTile(wauLastWeek, 0, 0, 3, 3),
    chartTile(signupsLastWeek, 3, 0, 3, 3),
    chartTile(newPaidLastWeek, 6, 0, 3, 3),
    chartTile(revenueLastWeek, 9, 0, 3, 3),
    chartTile(tearsheet, 0, 3, 12, 5),
    chartTile(wauVsTarget, 0, 8, 6, 4),
    chartTile(revenueVsTarget, 6, 8, 6, 4),
    chartTile(signupsVsTarget, 0, 12, 6, 4),
    chartTile(tearsheetByWeek, 6, 12, 6, 4),
    textTile(
      "**How to read this page.** Every number covers complete ISO weeks (Monday to Sunday, UTC); the big numbers compare last week with the week before. Targets come from the weekly plan in `demo.metric_targets`. Each chart's description defines its metric.",
      0,
      16,
      12,
      1,
    ),
  ],
};
