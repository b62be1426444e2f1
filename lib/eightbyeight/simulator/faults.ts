import "server-only";
import { getDb } from "@/lib/db";

export const FAULT_KINDS = ["error500", "rateLimit429", "slow"] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/** Queues a fault for the next `count` API requests whose path contains `pathContains`. */
export async function injectFault(input: {
  kind: FaultKind;
  pathContains?: string;
  count: number;
  delayMs?: number;
}): Promise<{ id: string }> {
  const fault = await getDb().simFault.create({
    data: {
      kind: input.kind,
      pathContains: input.pathContains ?? "",
      remaining: input.count,
      delayMs: input.delayMs ?? 0,
    },
  });
  return { id: fault.id };
}

export async function clearFaults(): Promise<number> {
  return (await getDb().simFault.deleteMany({})).count;
}

/** Takes one use of the oldest matching fault, atomically across instances. */
export async function takeFault(path: string): Promise<{ kind: FaultKind; delayMs: number } | null> {
  const [row] = await getDb().$queryRaw<{ kind: FaultKind; delayMs: number }[]>`
    UPDATE "SimFault" SET "remaining" = "remaining" - 1
    WHERE "id" = (
      SELECT "id" FROM "SimFault"
      WHERE "remaining" > 0 AND strpos(${path}, "pathContains") > 0
      ORDER BY "createdAt" LIMIT 1 FOR UPDATE SKIP LOCKED
    )
    RETURNING "kind", "delayMs"`;
  return row ?? null;
}
