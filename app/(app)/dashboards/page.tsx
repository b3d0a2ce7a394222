import Link from "next/link";
import { NewDashboardButton } from "@/components/dashboards/NewDashboardButton";
import { StarButton } from "@/components/favourites/StarButton";
import { SearchForm } from "@/components/search/SearchForm";
import { TagChips } from "@/components/search/TagChips";
import { canEditContent } from "@/lib/auth/permissions";
import { requirePageUser } from "@/lib/auth/session";
import { listDashboards, listDashboardTags } from "@/lib/dashboards/list-dashboards";
import { listFavourites } from "@/lib/favourites/list-favourites";
import { MAX_QUERY_LENGTH } from "@/lib/search/snippet";
import { tagFromQuery } from "@/lib/search/tags";
import { dashboardRefreshSchedule, describeRefreshSchedule, type RefreshSchedule } from "@/lib/schedules/refresh-schedule";
import styles from "@/components/dashboards/dashboards.module.css";

export const metadata = { title: "Dashboards" };

type SearchParams = Promise<{ tag?: string | string[]; q?: string | string[] }>;

export default async function DashboardsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePageUser();
  const params = await searchParams;
  const tag = tagFromQuery(params.tag);
  const q = (Array.isArray(params.q) ? params.q[0] : params.q ?? "").trim().slice(0, MAX_QUERY_LENGTH);
  const [dashboards, tags, favourites] = await Promise.all([listDashboards(user, { tag, q }), listDashboardTags(user), listFavourites(user)]);
  const starredCharts = favourites.filter((f) => f.kind === "chart");
  const filtered = Boolean(tag || q);
  return (
    <main className="page">
      <div className="row" style={{ marginBottom: 16, flexWrap: "wrap" }}>
        <h1>Dashboards</h1>
        <span className="spacer" />
        <SearchForm
          action="/dashboards"
          defaultValue={q}
          label="Filter dashboards"
          placeholder="Filter by title, description or tag"
          hidden={{ tag }}
        />
        <Link className="btn" href="/sql">
          New query
        </Link>
        {canEditContent(user) && <NewDashboardButton />}
      </div>
      <TagChips tags={tags} active={tag} q={q || undefined} />
      {q && (
        <p className="muted" style={{ margin: "0 0 12px" }}>
          <Link href={`/search?q=${encodeURIComponent(q)}`}>Search charts and metric definitions for “{q}” too</Link>
        </p>
      )}
      {dashboards.length === 0 ? (
        filtered ? (
          <div className="card empty" role="status">
            <p>
              No dashboards match {q ? `“${q}”` : ""}
              {q && tag ? " with " : ""}
              {tag ? `the tag “${tag}”` : ""}.
            </p>
            <p>
              <Link href="/dashboards">Show all dashboards</Link>
            </p>
          </div>
        ) : (
          <div className="card empty">
            <p>No dashboards yet.</p>
            <p>
              Start in the <Link href="/sql">SQL editor</Link>: run a query, save it as a chart and add it to a new dashboard.
            </p>
          </div>
        )
      ) : (
        <ul className={styles.list} aria-label="Dashboards">
          {dashboards.map((d) => (
            <li key={d.id} className="card">
              <div className="row" style={{ alignItems: "flex-start" }}>
                <Link href={`/dashboards/${d.id}`} className={styles.listTitle} style={{ flex: 1 }}>
                  {d.title}
                </Link>
                <StarButton kind="dashboard" id={d.id} initial={d.isFavourite} title={d.title} refreshOnChange />
              </div>
              {d.description && <p className={styles.listDescription}>{d.description}</p>}
              {d.tags.length > 0 && (
                <p className="row" style={{ flexWrap: "wrap", gap: 4 }}>
                  {d.tags.map((t) => (
                    <Link key={t} href={`/dashboards?tag=${encodeURIComponent(t)}`} className="muted" aria-label={`Tag ${t}`}>
                      #{t}
                    </Link>
                  ))}
                </p>
              )}
              <p className="muted">
                {d._count.tiles} {d._count.tiles === 1 ? "chart" : "charts"}
                {d.owner ? ` · ${d.owner.name}` : ""}
                {d.isPrivate ? " · private" : ""}
                {` · ${refreshText(dashboardRefreshSchedule(d))}`}
              </p>
            </li>
          ))}
        </ul>
      )}
      {starredCharts.length > 0 && !filtered && (
        <section aria-labelledby="starred-charts" style={{ marginTop: 24 }}>
          <h2 id="starred-charts">Starred charts</h2>
          <ul className="row" style={{ listStyle: "none", padding: 0, margin: 0, flexWrap: "wrap", gap: 12 }}>
            {starredCharts.map((c) => (
              <li key={c.id} className="row" style={{ gap: 2 }}>
                <StarButton kind="chart" id={c.id} initial title={c.title} refreshOnChange />
                {c.href ? <Link href={c.href}>{c.title}</Link> : <span>{c.title}</span>}
              </li>
            ))}
          </ul>
        </section>
      )}
    </main>
  );
}

/** "refreshes every hour", "refreshes on cron 0 7 * * 1-5 (Europe/Paris)", "refresh off". */
function refreshText(schedule: RefreshSchedule) {
  if (schedule.kind === "off") return "refresh off";
  if (schedule.kind === "cron") return `refreshes on cron ${schedule.cron} (${schedule.timezone})`;
  return `refreshes ${describeRefreshSchedule(schedule).toLowerCase()}`;
}
