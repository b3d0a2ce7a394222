// Seeds the app DB with the demo: the "Demo warehouse" data source and the ready-made dashboards with
// their charts. Idempotent: the data source is found by name, dashboards by title; a dashboard that
// already exists is left as it is (users may have edited it).
import { encryptJson } from "@/lib/crypto/secret-box";
import type { Db } from "@/lib/db";
import { getRuntimeEnv } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ConnectionConfig } from "@/lib/warehouse/types";
import { DEMO_DASHBOARDS, DEMO_DATA_SOURCE_NAME, type DemoTile } from "./demo-dashboards";
import { DEMO_SCHEMA } from "./schema";

/** pg_advisory_xact_lock key: web and workers may seed at the same time on first start. */
const SEED_LOCK_KEY = 0x5b1a56;

export async function seedDemoContent(db: Db, opts: { connection: ConnectionConfig }): Promise<{ dataSourceId: string }> {
  const config: ConnectionConfig = { ...opts.connection, defaultSchema: DEMO_SCHEMA };
  const encryptedConfig = encryptJson(config, getRuntimeEnv().ENCRYPTION_KEY);

  return db.$transaction(
    async (tx) => {
      await tx.$queryRawUnsafe(`select 1 as locked from (select pg_advisory_xact_lock(${SEED_LOCK_KEY})) l`);

      const existing = await tx.dataSource.findUnique({ where: { name: DEMO_DATA_SOURCE_NAME } });
      if (existing && !existing.isDemo) {
        throw new Error(`A data source named "${DEMO_DATA_SOURCE_NAME}" already exists and is not the demo; rename it to load the demo.`);
      }
      // The connection may have changed since the last start (port, password): keep it current.
      const source = existing
        ? await tx.dataSource.update({ where: { id: existing.id }, data: { encryptedConfig, kind: "POSTGRES" } })
        : await tx.dataSource.create({
            data: { name: DEMO_DATA_SOURCE_NAME, kind: "POSTGRES", isDemo: true, encryptedConfig },
          });

      for (const dashboard of DEMO_DASHBOARDS) {
        const found = await tx.dashboard.findFirst({ where: { title: dashboard.title }, select: { id: true } });
        if (found) continue;
        await tx.dashboard.create({
          data: {
            title: dashboard.title,
            description: dashboard.description,
            tiles: { create: dashboard.tiles.map((tile, position) => tileData(tile, position, source.id)) },
          },
        });
      }
      return { dataSourceId: source.id };
    },
    { maxWait: 15_000, timeout: 60_000 },
  );
}

function tileData(tile: DemoTile, position: number, dataSourceId: string): Prisma.DashboardTileCreateWithoutDashboardInput {
  const layout = { x: tile.x, y: tile.y, w: tile.w, h: tile.h, position };
  if (tile.kind === "text") return { kind: "text", text: tile.text, ...layout };
  const { chart } = tile;
  return {
    kind: "chart",
    ...layout,
    chart: {
      create: {
        title: chart.title,
        description: chart.description,
        sql: chart.sql,
        vizType: chart.vizType,
        vizConfig: { ...chart.vizConfig } as Prisma.InputJsonObject,
        dataSource: { connect: { id: dataSourceId } },
      },
    },
  };
}
