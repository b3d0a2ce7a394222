// "Marketing" dashboard: where signups come from and how well each channel converts.
import { BOUNDS, LAST_DAY, MONTH_BOUNDS, MONTH_NOTE, WEEK_NOTE } from "./sql-fragments";
import { chartTile, type DemoChart, type DemoDashboard } from "./types";

const CONVERSION_DEFINITION =
  "**Visit → signup conversion**: signups divided by visits, where visits are anonymous sessions (people not signed in) plus the sessions in which people signed up; both counted by the channel that brought the visitor.";

export const signupsByChannel: DemoChart = {
  key: "marketing-signups-by-channel",
  title: "Weekly signups by acquisition channel",
  description: `**Signups**: accounts created in the week, by the channel that brought the new member (organic search, direct, social, paid search, referral, app store). The spring paid-search campaign and the Android launch stand out. Last 104 complete weeks. ${WEEK_NOTE}`,
  sql: `with ${BOUNDS}
select date_trunc('week', g.signed_up_at)::date as week, g.channel, count(*) as signups
from demo.signups g, bounds b
where g.signed_up_at >= b.last_week - 7 * 103 and g.signed_up_at < b.last_week + 7
group by 1, 2
order by 1, 2`,
  vizType: "area",
  vizConfig: { x: "week", y: ["signups"], series: "channel", stacked: true },
};

export const conversionByChannel: DemoChart = {
  key: "marketing-conversion-by-channel",
  title: "Visit → signup conversion by channel, last 4 weeks",
  description: `${CONVERSION_DEFINITION} Shown as a share (0.12 = 12%) over the last four complete weeks. ${WEEK_NOTE}`,
  sql: `with ${BOUNDS},
span as (select (last_week - 21)::timestamp as since, (last_week + 7)::timestamp as until from bounds),
signups as (
  select g.channel, count(*) as signups
  from demo.signups g, span where g.signed_up_at >= span.since and g.signed_up_at < span.until group by 1
),
visits as (
  select s.channel, count(*) as visits
  from demo.sessions s, span
  where s.user_id is null and s.started_at >= span.since and s.started_at < span.until group by 1
)
select g.channel, round(g.signups::numeric / (g.signups + coalesce(v.visits, 0)), 4) as conversion
from signups g
left join visits v using (channel)
order by conversion desc`,
  vizType: "bar",
  vizConfig: { x: "channel", y: ["conversion"], format: "percent" },
};

export const conversionByClient: DemoChart = {
  key: "marketing-conversion-weekly",
  title: "Weekly visit → signup conversion, web vs apps",
  description: `${CONVERSION_DEFINITION} Split by client: web visitors, and visitors who opened an app without an account. Onboarding work has lifted web conversion over the year. Last 52 complete weeks. ${WEEK_NOTE}`,
  sql: `with ${BOUNDS},
span as (select (last_week - 7 * 51)::timestamp as since, (last_week + 7)::timestamp as until from bounds),
signups as (
  select date_trunc('week', g.signed_up_at)::date as week, case when g.client = 'web' then 'web' else 'apps' end as client, count(*) as signups
  from demo.signups g, span where g.signed_up_at >= span.since and g.signed_up_at < span.until group by 1, 2
),
visits as (
  select date_trunc('week', s.started_at)::date as week, case when s.client = 'web' then 'web' else 'apps' end as client, count(*) as visits
  from demo.sessions s, span
  where s.user_id is null and s.started_at >= span.since and s.started_at < span.until group by 1, 2
)
select g.week, g.client, round(g.signups::numeric / (g.signups + coalesce(v.visits, 0)), 4) as conversion
from signups g
left join visits v using (week, client)
order by 1, 2`,
  vizType: "line",
  vizConfig: { x: "week", y: ["conversion"], series: "client", format: "percent" },
};

export const paidConversionByChannel: DemoChart = {
  key: "marketing-paid-conversion",
  title: "Paid conversion within 30 days, by acquisition channel",
  description:
    "**Paid conversion**: share of new members who bought a Plus or Pro subscription within 30 days of signing up, by acquisition channel. Cohort: members who signed up between 52 and 5 complete weeks before last week (so everyone has had 30 days). Shown as a share (0.05 = 5%).",
  sql: `with ${BOUNDS},
cohort as (
  select g.user_id, g.channel, g.signed_up_at
  from demo.signups g, bounds b
  where g.signed_up_at >= b.last_week - 7 * 52 and g.signed_up_at < b.last_week - 7 * 5
)
select c.channel,
  count(*) as signups,
  round(avg(case when exists (
    select 1 from demo.subscription_purchases p
    where p.user_id = c.user_id and p.purchase_type = 'new' and p.purchased_at < c.signed_up_at + interval '30 days'
  ) then 1 else 0 end), 4) as paid_conversion
from cohort c
group by 1
order by paid_conversion desc`,
  vizType: "bar",
  vizConfig: { x: "channel", y: ["paid_conversion"], format: "percent" },
};

export const signupsByCountry: DemoChart = {
  key: "marketing-signups-by-country",
  title: "Signups by country, last 90 days",
  description: "**Signups** in the last 90 days of the data by the country they came from; countries outside the top eight are grouped as Other.",
  sql: `with ${LAST_DAY},
counts as (
  select g.country, count(*) as signups
  from demo.signups g, last_day d
  where g.signed_up_at >= d.day - 89
  group by 1
),
ranked as (
  select country, signups, row_number() over (order by signups desc, country) as rank from counts
)
select case when rank <= 8 then country else 'Other' end as country, sum(signups) as signups
from ranked
group by 1
order by min(rank)`,
  vizType: "donut",
  vizConfig: { x: "country", y: ["signups"] },
};

export const channelMixByMonth: DemoChart = {
  key: "marketing-channel-mix",
  title: "Signup channel mix by month",
  description: `**Channel mix**: each acquisition channel's share of the month's **signups** (accounts created), so every bar adds up to 100% and shifts between channels show even while the total grows: the spring paid-search campaign (March and April 2026) stands out. Last 12 complete months. ${MONTH_NOTE}`,
  sql: `with ${MONTH_BOUNDS}
select date_trunc('month', g.signed_up_at)::date as month, g.channel, count(*) as signups
from demo.signups g, month_bounds m
where g.signed_up_at >= m.last_month - interval '11 months' and g.signed_up_at < m.last_month + interval '1 month'
group by 1, 2
order by 1, 2`,
  vizType: "bar",
  vizConfig: { x: "month", y: ["signups"], series: "channel", stacking: "percent", dateFormat: "month" },
};

export const subscriptionRevenueByType: DemoChart = {
  key: "marketing-subscription-revenue",
  title: "Weekly subscription revenue: new vs renewal",
  description: `**Subscription revenue**: payments for Plus and Pro plans in the week, in US dollars, split into first payments (new) and automatic renewals. Last 52 complete weeks. ${WEEK_NOTE}`,
  sql: `with ${BOUNDS}
select date_trunc('week', p.purchased_at)::date as week, p.purchase_type, sum(p.amount) as revenue
from demo.subscription_purchases p, bounds b
where p.purchased_at >= b.last_week - 7 * 51 and p.purchased_at < b.last_week + 7
group by 1, 2
order by 1, 2`,
  vizType: "area",
  vizConfig: { x: "week", y: ["revenue"], series: "purchase_type", stacked: true, format: "currency" },
};

export const subscriptionRevenueByPlan: DemoChart = {
  key: "marketing-revenue-by-plan",
  title: "Subscription revenue by plan and month",
  description: `**Subscription revenue**: payments for Plus and Pro plans (new subscriptions and renewals, monthly and annual billing) in US dollars, one row per month and one column per plan, with totals per month, per plan and overall. An annual payment counts in full in the month it was taken. Last 6 complete months. ${MONTH_NOTE}`,
  sql: `with ${MONTH_BOUNDS}
select date_trunc('month', p.purchased_at)::date as month, initcap(p.plan) as plan, sum(p.amount) as revenue
from demo.subscription_purchases p, month_bounds m
where p.purchased_at >= m.last_month - interval '5 months' and p.purchased_at < m.last_month + interval '1 month'
group by 1, 2
order by 1, 2`,
  vizType: "pivot",
  vizConfig: {
    pivot: { rows: ["month"], columns: ["plan"], value: "revenue", aggregate: "sum", totals: true },
    format: "currency",
    dateFormat: "month",
  },
};

export const signupsByChannelAndClient: DemoChart = {
  key: "marketing-signups-by-channel-and-client",
  title: "Signups by channel and client, last 4 weeks",
  description: `**Signups**: accounts created over the last four complete weeks, by the acquisition channel that brought the visitor and the client they signed up on (web, iphone, android), side by side: app store signups come from the apps, search and referrals mostly from the web. ${WEEK_NOTE}`,
  sql: `with ${BOUNDS}
select g.channel, g.client, count(*) as signups
from demo.signups g, bounds b
where g.signed_up_at >= b.last_week - 21 and g.signed_up_at < b.last_week + 7
group by 1, 2
order by 1, 2`,
  vizType: "bar",
  // Grouped: one bar per client beside the others, within each channel.
  vizConfig: { x: "channel", y: ["signups"], series: "client", stacking: "none" },
};

export const newSubscriptionsByPlan: DemoChart = {
  key: "marketing-new-subscriptions-by-plan",
  title: "New subscriptions by plan, by month",
  description: `**New subscriptions**: members paying for a plan for the first time in the month (first payments only, renewals excluded), stacked by plan (Plus and Pro), so the height of each bar is the month's total. Last 12 complete months. ${MONTH_NOTE}`,
  sql: `with ${MONTH_BOUNDS}
select date_trunc('month', p.purchased_at)::date as month, initcap(p.plan) as plan, count(*) as new_subscriptions
from demo.subscription_purchases p, month_bounds m
where p.purchase_type = 'new' and p.purchased_at >= m.last_month - interval '11 months' and p.purchased_at < m.last_month + interval '1 month'
group by 1, 2
order by 1, 2`,
  vizType: "bar",
  vizConfig: { x: "month", y: ["new_subscriptions"], series: "plan", stacking: "stacked", dateFormat: "month" },
};

export const marketingDashboard: DemoDashboard = {
  title: "Marketing",
  description: "Acquisition: signups by channel and country, the monthly channel mix, visit-to-signup and paid conversion, subscription revenue by plan and type.",
  tiles: [
    chartTile(signupsByChannel, 0, 0, 12, 4),
    chartTile(channelMixByMonth, 0, 4, 6, 4),
    chartTile(signupsByCountry, 6, 4, 6, 4),
    chartTile(conversionByChannel, 0, 8, 6, 4),
    chartTile(conversionByClient, 6, 8, 6, 4),
    chartTile(paidConversionByChannel, 0, 12, 6, 5),
    chartTile(subscriptionRevenueByPlan, 6, 12, 6, 5),
    chartTile(subscriptionRevenueByType, 0, 17, 12, 4),
    chartTile(signupsByChannelAndClient, 0, 21, 6, 4),
    chartTile(newSubscriptionsByPlan, 6, 21, 6, 4),
  ],
};
