// The latest snapshot PNG of a dashboard (default filters), for the og:image of public links. Rendered by
// the same renderer as the emailed snapshots, kept in DashboardImage, and re-rendered when it is older than
// the dashboard's data or its layout, or stale for its refresh schedule (lib/schedules/data-freshness.ts). Nothing waits on a render for long: the image
// endpoint waits a little and otherwise serves the previous image; renders of one dashboard in this process
// are shared, and a failed render is not retried for a while.
import { getDb } from "@/lib/db";
import { renderDashboardPng } from "@/lib/render/render-dashboard";
import { staleAfter } from "@/lib/schedules/data-freshness";
import { dashboardRefreshSchedule } from "@/lib/schedules/refresh-schedule";

export interface StoredImage {
  png: Buffer;
  width: number;
  height: number;
  renderedAt: Date;
}

/** With refreshes turned off, the image is still re-rendered this often (relative times in it age). */
const DEFAULT_MAX_AGE_MS = 60 * 60_000;
/** After a failed render, the next attempt waits this long (a dashboard with no data fails every time). */
export const FAILED_RENDER_BACKOFF_MS = 5 * 60_000;
/** Deadline of each wait inside one render (navigation, the render signal). */
const RENDER_TIMEOUT_MS = 30_000;

interface ImageState {
  inFlight: Map<string, Promise<StoredImage>>;
  failedAt: Map<string, number>;
}

const g = globalThis as unknown as { spyglassShareImages?: ImageState };
function state(): ImageState {
  g.spyglassShareImages ??= { inFlight: new Map(), failedAt: new Map() };
  return g.spyglassShareImages;
}

/** Saves a fresh snapshot as the dashboard's latest image (also used by the PNG download). */
export async function saveDashboardImage(dashboardId: string, image: { png: Buffer; width: number; height: number }, renderedAt = new Date()) {
  const data = { png: new Uint8Array(image.png), width: image.width, height: image.height, renderedAt };
  await getDb().dashboardImage.upsert({ where: { dashboardId }, create: { dashboardId, ...data }, update: data });
}

/** Renders the dashboard now and stores the image; concurrent callers for one dashboard share one render. */
export function renderDashboardImage(dashboardId: string): Promise<StoredImage> {
  const { inFlight, failedAt } = state();
  const running = inFlight.get(dashboardId);
  if (running) return running;
  const render = (async () => {
    try {
      const shot = await renderDashboardPng(dashboardId, { timeoutMs: RENDER_TIMEOUT_MS });
      const renderedAt = new Date();
      await saveDashboardImage(dashboardId, shot, renderedAt);
      failedAt.delete(dashboardId);
      return { png: shot.png, width: shot.width, height: shot.height, renderedAt };
    } catch (e) {
      failedAt.set(dashboardId, Date.now());
      throw e;
    } finally {
      inFlight.delete(dashboardId);
    }
  })();
  inFlight.set(dashboardId, render);
  return render;
}

interface ImageStatus {
  /** The stored image without its bytes (read only when it is served). */
  image: { renderedAt: Date } | null;
  stale: boolean;
}

async function readImageStatus(dashboardId: string, now: Date): Promise<ImageStatus | null> {
  const db = getDb();
  const [dashboard, latest] = await Promise.all([
    db.dashboard.findUnique({
      where: { id: dashboardId },
      select: { updatedAt: true, refreshIntervalMinutes: true, refreshCron: true, refreshTimezone: true, image: { select: { renderedAt: true } } },
    }),
    db.chartResult.aggregate({
      _max: { computedAt: true },
      where: { paramsKey: "", chart: { tiles: { some: { dashboardId } } } },
    }),
  ]);
  if (!dashboard) return null;
  if (!dashboard.image) return { image: null, stale: true };
  const renderedAt = dashboard.image.renderedAt.getTime();
  const due = staleAfter(dashboardRefreshSchedule(dashboard), dashboard.image.renderedAt)?.getTime() ?? renderedAt + DEFAULT_MAX_AGE_MS;
  const stale =
    now.getTime() >= due ||
    dashboard.updatedAt.getTime() > renderedAt ||
    (latest._max.computedAt !== null && latest._max.computedAt.getTime() > renderedAt);
  return { image: dashboard.image, stale };
}

async function readStoredImage(dashboardId: string): Promise<StoredImage | null> {
  const row = await getDb().dashboardImage.findUnique({ where: { dashboardId } });
  return row ? { png: Buffer.from(row.png), width: row.width, height: row.height, renderedAt: row.renderedAt } : null;
}

function inBackoff(dashboardId: string, now: Date): boolean {
  const failed = state().failedAt.get(dashboardId);
  return failed !== undefined && now.getTime() - failed < FAILED_RENDER_BACKOFF_MS;
}

export interface ImageWait {
  /** How long to wait for a new render when a previous image can be served meanwhile. */
  waitMs: number;
  /** How long to wait when there is no image at all yet. */
  waitWhenMissingMs: number;
  now?: Date;
}

/**
 * The image to serve for a dashboard: the stored one when fresh; otherwise a new render if it finishes
 * in time, else the stored one (the render carries on and is stored for the next request).
 * null when there is no image yet and none could be made in time.
 */
export async function getDashboardImage(dashboardId: string, opts: ImageWait): Promise<StoredImage | null> {
  const now = opts.now ?? new Date();
  const status = await readImageStatus(dashboardId, now);
  if (!status) return null;
  if (!status.stale || inBackoff(dashboardId, now)) return status.image ? readStoredImage(dashboardId) : null;
  const render = renderDashboardImage(dashboardId);
  const waitMs = status.image ? opts.waitMs : opts.waitWhenMissingMs;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), waitMs)));
  try {
    const fresh = await Promise.race([render, timeout]);
    if (fresh) return fresh;
  } catch (e) {
    console.error(`Rendering the share image of dashboard ${dashboardId} failed:`, e instanceof Error ? e.message : e);
  } finally {
    clearTimeout(timer);
  }
  return status.image ? readStoredImage(dashboardId) : null;
}

/** For pages: start a render in the background when the image is missing or stale. Never throws. */
export async function refreshDashboardImageIfStale(dashboardId: string): Promise<void> {
  try {
    const now = new Date();
    const status = await readImageStatus(dashboardId, now);
    if (!status?.stale || inBackoff(dashboardId, now)) return;
    await renderDashboardImage(dashboardId);
  } catch (e) {
    // Logged, not rethrown: the page that asked has been sent already; the image endpoint will retry.
    console.error(`Rendering the share image of dashboard ${dashboardId} failed:`, e instanceof Error ? e.message : e);
  }
}
