// "Product" team dashboard: activity, the signup funnel and retention, uploads and engagement.
import { BOUNDS, LAST_DAY, WAU_DEFINITION, WEEK_NOTE } from "./sql-fragments";
import { chartTile, type DemoChart, type DemoDashboard } from "./types";

export const dailyActiveUsers: DemoChart = {
  key: "product-dau",
  title: "Daily active users, last 90 days",
  description:
    "**Daily active users**: distinct members with at least one session on the day (UTC), on any client. Anonymous visitors are excluded. Weekends are busier: people browse and share more when they are out taking photos.",
  sql: `with ${LAST_DAY}
select s.started_at::date as day, count(distinct s.user_id) as daily_active_users
from demo.sessions s, last_day d
where s.user_id is not null and s.started_at >= d.day - 89
group by 1
order by 1`,
  vizType: "line",
  vizConfig: { x: "day", y: ["daily_active_users"] },
};

export const uploadsByClient: DemoChart = {
  key: "product-uploads-by-client",
  title: "Weekly uploads by client",
  description: `**Uploads**: photos uploaded in the week, split by the client they were uploaded from (web, iphone, android). Each photo is uploaded once. Last 52 complete weeks. ${WEEK_NOTE}`,
  sql: `with ${BOUNDS}
select date_trunc('week', u.uploaded_at)::date as week, u.client, count(*) as uploads
from demo.uploads u, bounds b
where u.uploaded_at >= b.last_week - 7 * 51 and u.uploaded_at < b.last_week + 7
group by 1, 2
order by 1, 2`,
  vizType: "area",
  vizConfig: { x: "week", y: ["uploads"], series: "client", stacked: true },
};

export const likesPerActiveUser: DemoChart = {
  key: "product-likes-per-wau",
  title: "Likes per weekly active user",
  description: `**Likes per weekly active user**: likes given in the week divided by weekly active users, a measure of how engaged active members are. ${WAU_DEFINITION} Last 52 complete weeks. ${WEEK_NOTE}`,
  sql: `with ${BOUNDS},
wau as (
  select date_trunc('week', s.started_at)::date as week, count(distinct s.user_id) as users
  from demo.sessions s, bounds b
  where s.user_id is not null and s.started_at >= b.last_week - 7 * 51 and s.started_at < b.last_week + 7
  group by 1
),
likes as (
  select date_trunc('week', l.liked_at)::date as week, count(*) as likes
  from demo.likes l, bounds b
  where l.liked_at >= b.last_week - 7 * 51 and l.liked_at < b.last_week + 7
  group by 1
)
select w.week, round(coalesce(l.likes, 0)::numeric / w.users, 2) as likes_per_active_user
from wau w
left join likes l using (week)
order by w.week`,
  vizType: "line",
  vizConfig: { x: "week", y: ["likes_per_active_user"] },
};

export const signupFunnel: DemoChart = {
  key: "product-funnel",
  title: "Funnel: visit → signup → active → paid",
  description: `The conversion funnel for the thirteen complete weeks before last week (so every new member has had a full first week):

1. **Visits**: anonymous sessions in those weeks plus the sessions in which people signed up.
2. **Signups**: accounts created in those weeks.
3. **Active in first week**: of those signups, members with a session on any of the seven days after their signup day.
4. **Paid**: of those signups, members who have bought a Plus or Pro subscription since (by the end of the data).

${WEEK_NOTE}`,
  sql: `with ${BOUNDS},
span as (
  select (last_week - 7 * 13)::timestamp as since, last_week::timestamp as until from bounds
),
cohort as (
  select g.user_id, g.signed_up_at::date as signup_day
  from demo.signups g, span
  where g.signed_up_at >= span.since and g.signed_up_at < span.until
),
anonymous_visits as (
  select count(*) as visits
  from demo.sessions s, span
  where s.user_id is null and s.started_at >= span.since and s.started_at < span.until
)
select stage, members from (
  select 1 as step, 'Visits' as stage, (select visits from anonymous_visits) + (select count(*) from cohort) as members
  union all
  select 2, 'Signups', count(*) from cohort
  union all
  select 3, 'Active in first week', count(*) from cohort c
  where exists (
    select 1 from demo.sessions s
    where s.user_id = c.user_id and s.started_at >= c.signup_day + 1 and s.started_at < c.signup_day + 8
  )
  union all
  select 4, 'Paid', count(*) from cohort c
  where exists (select 1 from demo.subscription_purchases p where p.user_id = c.user_id)
) funnel
order by step`,
  vizType: "funnel",
  // Stages in the query's order, the funnel's order.
  vizConfig: { x: "stage", y: ["members"], sort: "query" },
};

/** Signup-week cohorts and the weeks after signup shown for them. */
const COHORT_WEEKS = 8;

export const weeklyRetention: DemoChart = {
  key: "product-weekly-retention",
  title: "Weekly retention by signup cohort",
  description: `**Weekly retention**: of the members who signed up in a week (a cohort, labelled by the Monday of its signup week), the share who had at least one session in each week after it, on any client.

- **Cohorts**: the ${COHORT_WEEKS} complete weeks before last week, one row each.
- **Weeks since signup**: 0 is the signup week itself, 1 the week after, up to ${COHORT_WEEKS - 1}. Week 0 is always 100%: signing up happens in a session.
- **Active members**: distinct members of the cohort with a session in that week; the cells show them as a share of the cohort's week 0 (its size).

A cell appears only once its week is complete in the data, so younger cohorts have fewer weeks: the newest has weeks 0 and 1 (last week). ${WEEK_NOTE}`,
  sql: `with ${BOUNDS},
cohort as (
  select g.user_id, date_trunc('week', g.signed_up_at)::date as signup_week
  from demo.signups g, bounds b
  where g.signed_up_at >= b.last_week - 7 * ${COHORT_WEEKS} and g.signed_up_at < b.last_week
),
cells as (
  select c.signup_week, k as weeks_since_signup
  from (select distinct signup_week from cohort) c
  cross join generate_series(0, ${COHORT_WEEKS - 1}) as k
  cross join bounds b
  where c.signup_week + 7 * k <= b.last_week
),
activity as (
  select c.signup_week, (date_trunc('week', s.started_at)::date - c.signup_week) / 7 as weeks_since_signup,
    count(distinct s.user_id) as active_members
  from cohort c
  join demo.sessions s on s.user_id = c.user_id
  cross join bounds b
  where s.started_at >= c.signup_week and s.started_at < c.signup_week + 7 * ${COHORT_WEEKS} and s.started_at < b.last_week + 7
  group by 1, 2
)
select x.signup_week, x.weeks_since_signup, coalesce(a.active_members, 0) as active_members
from cells x
left join activity a using (signup_week, weeks_since_signup)
order by 1, 2`,
  vizType: "cohort",
  vizConfig: {
    x: "signup_week",
    series: "weeks_since_signup",
    y: ["active_members"],
    cohortPercent: true,
    dateFormat: "week",
  },
};

export const uploadsByWeekday: DemoChart = {
  key: "product-uploads-by-weekday",
  title: "Uploads by day of the week",
  description: `**Uploads per day**: photos uploaded on each day of the week, averaged over the last twelve complete weeks. Weekends (and Mondays, with the weekend's photos) are the busiest. ${WEEK_NOTE}`,
  sql: `with ${BOUNDS}
select to_char(u.uploaded_at, 'Dy') as weekday, round(count(*) / 12.0) as uploads_per_day
from demo.uploads u, bounds b
where u.uploaded_at >= b.last_week - 7 * 11 and u.uploaded_at < b.last_week + 7
group by 1
order by min(extract(isodow from u.uploaded_at))`,
  vizType: "bar",
  vizConfig: { x: "weekday", y: ["uploads_per_day"] },
};

export const photosByCategory: DemoChart = {
  key: "product-photos-by-category",
  title: "Photos by category, last 90 days",
  description: "**Photos by category**: photos uploaded in the last 90 days of the data, by the subject category the photographer chose.",
  sql: `with ${LAST_DAY}
select p.category, count(*) as photos
from demo.photos p, last_day d
where p.uploaded_at >= d.day - 89
group by 1
order by 2 desc, 1`,
  vizType: "bar",
  vizConfig: { x: "category", y: ["photos"], orientation: "horizontal", sort: "value-desc" },
};

export const topPhotographers: DemoChart = {
  key: "product-top-photographers",
  title: "Top photographers, last 28 days",
  description:
    "The 20 members whose photos received the most **likes** in the last 28 days of the data, with the photos they uploaded and the **new followers** they gained in the same period.",
  sql: `with ${LAST_DAY},
span as (select (day - 27)::timestamp as since from last_day),
likes as (
  select l.photo_owner_id as user_id, count(*) as likes_received
  from demo.likes l, span where l.liked_at >= span.since group by 1
),
uploads as (
  select u.user_id, count(*) as photos_uploaded
  from demo.uploads u, span where u.uploaded_at >= span.since group by 1
),
followers as (
  select f.followed_id as user_id, count(*) as new_followers
  from demo.follows f, span where f.followed_at >= span.since group by 1
)
select u.username, l.likes_received, coalesce(p.photos_uploaded, 0) as photos_uploaded, coalesce(f.new_followers, 0) as new_followers
from likes l
join demo.users u using (user_id)
left join uploads p using (user_id)
left join followers f using (user_id)
order by l.likes_received desc, u.username
limit 20`,
  vizType: "table",
  vizConfig: {},
};

/** The scatter's cap: the most active uploaders, so the chart stays readable at any scale. */
const SCATTER_MEMBERS = 500;

export const uploadsVsLikes: DemoChart = {
  key: "product-uploads-vs-likes",
  title: "Photographers: uploads vs likes received, last 28 days",
  description: `One point per photographer: the **photos uploaded** in the last 28 days of the data (across) against the **likes received** in the same 28 days on any of their photos, old or new (up). Members who uploaded nothing in the period are left out; at most the ${SCATTER_MEMBERS} members who uploaded the most are shown (ties broken by member id). Photographers who upload more tend to receive more likes; the points far above the others at the same number of uploads are the ones whose work draws the most attention.`,
  sql: `with ${LAST_DAY},
span as (select (day - 27)::timestamp as since from last_day),
uploaders as (
  select u.user_id, count(*) as photos_uploaded
  from demo.uploads u, span
  where u.uploaded_at >= span.since
  group by 1
  order by 2 desc, 1
  limit ${SCATTER_MEMBERS}
),
likes as (
  select l.photo_owner_id as user_id, count(*) as likes_received
  from demo.likes l, span
  where l.liked_at >= span.since
  group by 1
)
select m.username, p.photos_uploaded, coalesce(l.likes_received, 0) as likes_received
from uploaders p
join demo.users m using (user_id)
left join likes l using (user_id)
order by p.photos_uploaded desc, m.username`,
  vizType: "scatter",
  // One point per member: no series (a legend of hundreds of usernames would drown the chart).
  vizConfig: {
    x: "photos_uploaded",
    y: ["likes_received"],
    series: "",
    xAxis: { title: "Photos uploaded" },
    yAxis: { title: "Likes received" },
  },
};

export const productDashboard: DemoDashboard = {
  title: "Product",
  description: "How members use the product: activity, the signup funnel and retention, uploads and engagement.",
  tiles: [
    chartTile(dailyActiveUsers, 0, 0, 12, 4),
    chartTile(signupFunnel, 0, 4, 6, 5),
    chartTile(weeklyRetention, 6, 4, 6, 5),
    chartTile(uploadsByClient, 0, 9, 6, 4),
    chartTile(likesPerActiveUser, 6, 9, 6, 4),
    chartTile(uploadsVsLikes, 0, 13, 6, 5),
    chartTile(topPhotographers, 6, 13, 6, 5),
    chartTile(uploadsByWeekday, 0, 18, 6, 4),
    chartTile(photosByCategory, 6, 18, 6, 4),
  ],
};
