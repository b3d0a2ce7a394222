import {
  diffChartVersions,
  diffDashboardVersions,
  type ChartVersionContent,
  type LayoutContent,
  type TileChange,
} from "@/lib/versions/diff";
import { LineDiff } from "./LineDiff";
import { SettingsDiff } from "./SettingsDiff";
import styles from "./versions.module.css";

function Pair({ label, before, after }: { label: string; before: string; after: string }) {
  return (
    <div className={styles.section}>
      <h4>{label}</h4>
      <p className={styles.pair}>
        <del>
          <span className={styles.srOnly}>Before: </span>
          {before || "(empty)"}
        </del>{" "}
        <span aria-hidden="true">→</span>{" "}
        <ins>
          <span className={styles.srOnly}>After: </span>
          {after || "(empty)"}
        </ins>
      </p>
    </div>
  );
}

/** What changed between two chart versions: title, data source, type, SQL, definition, settings, parameters. */
export function ChartVersionDiff({
  before,
  after,
  dataSourceNames,
}: {
  before: ChartVersionContent;
  after: ChartVersionContent;
  dataSourceNames: Record<string, string | null>;
}) {
  const d = diffChartVersions(before, after);
  const sourceName = (id: string) => dataSourceNames[id] ?? "a deleted data source";
  const nothing = !d.title && !d.dataSource && !d.vizType && !d.sql && !d.description && !d.settings.length && !d.parameters.length;
  if (nothing) return <p className="muted">No differences.</p>;
  return (
    <div className={styles.diff}>
      {d.title && <Pair label="Title" {...d.title} />}
      {d.dataSource && <Pair label="Data source" before={sourceName(d.dataSource.before)} after={sourceName(d.dataSource.after)} />}
      {d.vizType && <Pair label="Chart type" {...d.vizType} />}
      {d.sql && (
        <div className={styles.section}>
          <h4>SQL</h4>
          <LineDiff lines={d.sql} label="SQL changes" />
        </div>
      )}
      {d.description && (
        <div className={styles.section}>
          <h4>Definition</h4>
          <LineDiff lines={d.description} label="Definition changes" />
        </div>
      )}
      {d.settings.length > 0 && (
        <div className={styles.section}>
          <h4>Settings</h4>
          <SettingsDiff changes={d.settings} label="Settings changes" />
        </div>
      )}
      {d.parameters.length > 0 && (
        <div className={styles.section}>
          <h4>Parameters</h4>
          <SettingsDiff changes={d.parameters} label="Parameter changes" />
        </div>
      )}
    </div>
  );
}

function tileText(t: TileChange): string {
  const what = t.kind === "chart" ? `chart “${t.label}”` : t.kind === "header" ? `heading “${t.label}”` : `text “${t.label}”`;
  switch (t.change) {
    case "added":
      return `Added ${what} at ${t.after}`;
    case "removed":
      return `Removed ${what} from ${t.before}`;
    case "edited":
      return `Rewrote ${t.kind === "header" ? "a heading" : "a text tile"}: “${t.before}” → “${t.after}”`;
    default:
      return `${t.change[0].toUpperCase()}${t.change.slice(1)} ${what}: ${t.before} → ${t.after}`;
  }
}

/** What changed between two dashboard versions: title, description, tags, filters and tiles. */
export function DashboardVersionDiff({
  before,
  after,
  chartTitles,
}: {
  before: LayoutContent;
  after: LayoutContent;
  chartTitles: Record<string, string>;
}) {
  const d = diffDashboardVersions(before, after, chartTitles);
  if (!d.fields.length && !d.filters.length && !d.tiles.length) return <p className="muted">No differences.</p>;
  const field = (name: string) => d.fields.find((c) => c.path === name);
  const title = field("title");
  const description = field("description");
  const tags = field("tags");
  return (
    <div className={styles.diff}>
      {title && <Pair label="Title" before={before.title} after={after.title} />}
      {description && <Pair label="Description" before={before.description} after={after.description} />}
      {tags && <Pair label="Tags" before={before.tags.join(", ") || "none"} after={after.tags.join(", ") || "none"} />}
      {d.filters.length > 0 && (
        <div className={styles.section}>
          <h4>Filters</h4>
          <SettingsDiff changes={d.filters} label="Filter changes" />
        </div>
      )}
      {d.tiles.length > 0 && (
        <div className={styles.section}>
          <h4>Layout</h4>
          <ul className={styles.tiles} aria-label="Layout changes">
            {d.tiles.map((t, i) => (
              <li key={i} className={t.change === "added" ? styles.addText : t.change === "removed" ? styles.delText : undefined}>
                {tileText(t)}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
