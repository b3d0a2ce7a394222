// "Mobile" dashboard: sessions and active users by client, app adoption, the Android launch, and countries compared.
import { BOUNDS, LAST_DAY, WEEK_NOTE } from "./sql-fragments";
import { chartTile, type DemoChart, type DemoDashboard } from "./types";

export const sessionsByClient: DemoChart = {
  key: "mobile-sessions-by-client",
  title: "Weekly sessions by client",
  description: `**Sessions**: visits to the web site or an app in the week, by members and anonymous visitors, split by client (web, iphone, android). Two years: the web flattens while the iPhone app grows and the Android app takes off after its launch. ${WEEK_NOTE}`,
  sql: `with ${BOUNDS}
select date_trunc('week', s.started_at)::date as week, s.client, count(*) as sessions
from demo.sessions s, bounds b
where s.started_at < b.last_week + 7
group by 1, 2
order by 1, 2`,
  vizType: "line",
  vizConfig: { x: "week", y: ["sessions"], series: "client" },
};

export const wauByClient: DemoChart = {
  key: "mobile-wau-by-client",
  title: "Weekly active users by client",
  description: `**Weekly active users by client**: distinct members with at least one session on that client in the week. A member who used two clients counts once for each, so the clients add up to more than the weekly active users. Anonymous visitors are excluded. Last 52 complete weeks. ${WEEK_NOTE}`,
  sql: `with ${BOUNDS}
select date_trunc('week', s.started_at)::date as week, s.client, count(distinct s.user_id) as weekly_active_users
from demo.sessions s, bounds b
where s.user_id is not null and s.started_at >= b.last_week - 7 * 51 and s.started_at < b.last_week + 7
group by 1, 2
order by 1, 2`,
  vizType: "line",
  vizConfig: { x: "week", y: ["weekly_active_users"], series: "client" },
};

export const appAdoption: DemoChart = {
  key: "mobile-app-adoption",
  title: "App adoption among weekly active users",
  description: `**App adoption**: of the weekly active users (distinct members with a session in the week), the share who used the iPhone app and the share who used the Android app in that week (0.4 = 40%). Members who use only the web count in neither. Last 52 complete weeks. ${WEEK_NOTE}`,
  sql: `with ${BOUNDS},
per_user as (
  select date_trunc('week', s.started_at)::date as week, s.user_id,
    bool_or(s.client = 'iphone') as used_iphone,
    bool_or(s.client = 'android') as used_android
  from demo.sessions s, bounds b
  where s.user_id is not null and s.started_at >= b.last_week - 7 * 51 and s.started_at < b.last_week + 7
  group by 1, 2
)
select week,
  round(avg(case when used_iphone then 1 else 0 end), 4) as iphone_app_share,
  round(avg(case when used_android then 1 else 0 end), 4) as android_app_share
from per_user
group by 1
order by 1`,
  vizType: "line",
  vizConfig: { x: "week", y: ["iphone_app_share", "android_app_share"], format: "percent" },
};

export const androidLaunch: DemoChart = {
  key: "mobile-android-launch",
  title: "Android launch: daily signups by client",
  description:
    "**Signups** per day by client, from four weeks before the Android app's launch (its first Android signup) to nine weeks after. Press coverage of the launch brought a wave of Android signups that faded over the following weeks.",
  sql: `with launch as (
  select min(signed_up_at)::date as day from demo.signups where client = 'android'
)
select g.signed_up_at::date as day, g.client, count(*) as signups
from demo.signups g, launch l
where g.signed_up_at >= l.day - 28 and g.signed_up_at < l.day + 63
group by 1, 2
order by 1, 2`,
  vizType: "line",
  vizConfig: { x: "day", y: ["signups"], series: "client" },
};

export const sessionsPerUserByClient: DemoChart = {
  key: "mobile-sessions-per-user",
  title: "Sessions per active member by client, last 4 weeks",
  description: `**Sessions per active member**: members' sessions on the client divided by the distinct members who used that client, over the last four complete weeks. Anonymous visits are excluded. ${WEEK_NOTE}`,
  sql: `with ${BOUNDS}
select s.client, round(count(*)::numeric / count(distinct s.user_id), 2) as sessions_per_member
from demo.sessions s, bounds b
where s.user_id is not null and s.started_at >= b.last_week - 21 and s.started_at < b.last_week + 7
group by 1
order by 1`,
  vizType: "bar",
  vizConfig: { x: "client", y: ["sessions_per_member"] },
};

export const membersByApps: DemoChart = {
  key: "mobile-members-by-apps",
  title: "Members by apps used",
  description:
    "**Members by apps used**: all members by the apps they have ever used (`demo.users.has_ios_app`, `has_android_app`): iPhone app, Android app, both, or the web only.",
  sql: `select case
    when has_ios_app and has_android_app then 'Both apps'
    when has_ios_app then 'iPhone app'
    when has_android_app then 'Android app'
    else 'Web only'
  end as apps_used,
  count(*) as members
from demo.users
group by 1
order by 2 desc`,
  vizType: "pie",
  vizConfig: { x: "apps_used", y: ["members"] },
};

export const sessionLengthByClient: DemoChart = {
  key: "mobile-session-length",
  title: "Median session length by client, last 4 weeks",
  description: `**Median session length**: the median duration of sessions (members and anonymous visitors) on each client over the last four complete weeks, in minutes. ${WEEK_NOTE}`,
  sql: `with ${BOUNDS}
select s.client, round((percentile_cont(0.5) within group (order by s.duration_seconds) / 60)::numeric, 1) as median_minutes
from demo.sessions s, bounds b
where s.started_at >= b.last_week - 21 and s.started_at < b.last_week + 7
group by 1
order by 1`,
  vizType: "bar",
  vizConfig: { x: "client", y: ["median_minutes"] },
};

export const sessionsAndIntensity: DemoChart = {
  key: "mobile-sessions-and-intensity",
  title: "Weekly sessions and sessions per active member",
  description: `Two measures of use on one chart, last 26 complete weeks:

- **Sessions** (bars, left axis): visits to the web site or an app in the week, by members and anonymous visitors, on any client.
- **Sessions per active member** (line, right axis): members' sessions in the week divided by the weekly active users (distinct members with at least one session in the week); anonymous visits are left out.

Together they tell growth in the number of people apart from change in how often each of them comes back. ${WEEK_NOTE}`,
  sql: `with ${BOUNDS},
span as (select (last_week - 7 * 25)::timestamp as since, (last_week + 7)::timestamp as until from bounds)
select date_trunc('week', s.started_at)::date as week,
  count(*) as sessions,
  round(count(*) filter (where s.user_id is not null)::numeric / nullif(count(distinct s.user_id), 0), 2) as sessions_per_active_member
from demo.sessions s, span
where s.started_at >= span.since and s.started_at < span.until
group by 1
order by 1`,
  vizType: "combo",
  vizConfig: {
    x: "week",
    y: ["sessions", "sessions_per_active_member"],
    lineColumns: ["sessions_per_active_member"],
    rightAxisColumns: ["sessions_per_active_member"],
    yAxis: { title: "Sessions" },
    rightAxis: { title: "Sessions per active member" },
  },
};

export const countriesBubble: DemoChart = {
  key: "mobile-countries-bubble",
  title: "Countries: members, paid share and revenue",
  description: `One bubble per country members signed up from (\`demo.users.country\`):

- **Members** (across): every member who signed up from the country, active or not.
- **Paid share** (up): the share of those members on a Plus or Pro plan at the end of the data (0.05 = 5%).
- **Subscription revenue** (bubble size): Plus and Pro payments, new and renewals, by members from the country in the last 90 days of the data, in US dollars.

Each bubble is its own series named after its country, so the legend and the tooltip say which country it is.`,
  sql: `with ${LAST_DAY},
members as (
  select u.country, count(*) as members,
    round(avg(case when u.subscription_type in ('plus', 'pro') then 1 else 0 end), 4) as paid_share
  from demo.users u
  group by 1
),
revenue as (
  select u.country, sum(p.amount) as subscription_revenue_90d
  from demo.subscription_purchases p
  join demo.users u using (user_id)
  cross join last_day d
  where p.purchased_at >= d.day - 89
  group by 1
)
select m.country, m.members, m.paid_share, coalesce(r.subscription_revenue_90d, 0) as subscription_revenue_90d
from members m
left join revenue r using (country)
order by m.members desc, m.country`,
  vizType: "bubble",
  vizConfig: {
    x: "members",
    y: ["paid_share"],
    size: "subscription_revenue_90d",
    series: "country",
    format: "percent",
    xAxis: { title: "Members" },
    yAxis: { title: "Paid share" },
  },
};

export const mobileDashboard: DemoDashboard = {
  title: "Mobile",
  description: "Web, iPhone and Android compared: sessions, active users, app adoption and the Android launch; members, paid share and revenue by country.",
  tiles: [
    chartTile(sessionsByClient, 0, 0, 12, 4),
    chartTile(wauByClient, 0, 4, 6, 4),
    chartTile(appAdoption, 6, 4, 6, 4),
    chartTile(sessionsAndIntensity, 0, 8, 12, 4),
    chartTile(androidLaunch, 0, 12, 8, 4),
    chartTile(membersByApps, 8, 12, 4, 4),
    chartTile(sessionsPerUserByClient, 0, 16, 6, 3),
    chartTile(sessionLengthByClient, 6, 16, 6, 3),
    chartTile(countriesBubble, 0, 19, 12, 5),
  ],
};
