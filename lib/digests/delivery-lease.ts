// The lease a digest run holds on its Delivery row while it renders and sends. Taking it is one
// conditional UPDATE, so of two runs (a duplicate job, a retry racing a slow run) exactly one gets it. The
// holder renews it while it works; a run that dies (SIGKILL, lost machine) stops renewing, the lease lapses
// after JOB_LOCK_MS, and the job's retry takes the delivery over.
import { getDb } from "@/lib/db";
import { getRuntimeEnv } from "@/lib/env";
import type { Delivery, Prisma } from "@/lib/generated/prisma/client";

export type DeliveryStage = "rendering" | "sending";

export interface DeliveryLease {
  delivery: Delivery;
  /** Where the previous run stopped when it died holding the lease, if it did. */
  interruptedWhile?: DeliveryStage;
  /** The stage this run is in. */
  readonly stage: DeliveryStage;
  /** Records the next stage, so a run that takes over knows where this one stopped. */
  enter(stage: DeliveryStage): Promise<void>;
  /** Ends the lease with the delivery's outcome. */
  finish(data: Prisma.DeliveryUpdateInput & { status: "sent" | "failed" }): Promise<void>;
}

const STAGES = new Set<string>(["rendering", "sending"]);

/** Takes the lease of a delivery that is not sent and not held by a live run; undefined when it cannot. */
export async function takeDeliveryLease(deliveryId: string): Promise<DeliveryLease | undefined> {
  const db = getDb();
  const leaseMs = getRuntimeEnv().JOB_LOCK_MS;
  const before = await db.delivery.findUnique({ where: { id: deliveryId }, select: { status: true } });
  const now = new Date();
  // The lease's end doubles as its owner's token: only the run that set this exact value renews or ends it.
  let leaseUntil = new Date(now.getTime() + leaseMs);
  const taken = await db.delivery.updateMany({
    where: { id: deliveryId, status: { not: "sent" }, OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }] },
    data: { leaseUntil, status: "rendering", attempts: { increment: 1 }, error: null },
  });
  if (taken.count === 0) return undefined;
  const delivery = await db.delivery.findUniqueOrThrow({ where: { id: deliveryId } });

  let stage: DeliveryStage = "rendering";
  let chain: Promise<unknown> = Promise.resolve();
  // Every write to the row goes through this chain, so a renewal never races a stage change or the end.
  const write = (data: Prisma.DeliveryUpdateManyMutationInput) => {
    const next = chain.then(async () => {
      const res = await db.delivery.updateMany({ where: { id: deliveryId, leaseUntil }, data });
      if (res.count === 0) throw new Error("This run lost its lease on the delivery (it lapsed while the run was stalled).");
      if (data.leaseUntil instanceof Date) leaseUntil = data.leaseUntil;
    });
    chain = next.catch(() => undefined);
    return next;
  };
  const renew = setInterval(() => {
    write({ leaseUntil: new Date(Date.now() + leaseMs) }).catch((e: unknown) => console.error(`[digest] renewing the lease of delivery ${deliveryId} failed:`, e));
  }, Math.max(500, Math.floor(leaseMs / 3)));
  renew.unref();

  return {
    delivery,
    interruptedWhile: before && STAGES.has(before.status) ? (before.status as DeliveryStage) : undefined,
    get stage() {
      return stage;
    },
    async enter(next) {
      await write({ status: next });
      stage = next;
    },
    async finish(data) {
      clearInterval(renew);
      await write({ ...(data as Prisma.DeliveryUpdateManyMutationInput), leaseUntil: null });
    },
  };
}
