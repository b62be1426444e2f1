import "server-only";
import { headers } from "next/headers";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getDb } from "@/lib/db";

export type AuditActor = { id: string; email: string } | null;

export type AuditEntry = {
  action: string;
  objectType: string;
  objectId?: string | null;
  details?: Prisma.InputJsonValue;
};

type RequestOrigin = { ip: string | null; userAgent: string | null };

async function currentRequestOrigin(): Promise<RequestOrigin> {
  try {
    const h = await headers();
    const forwarded = h.get("x-forwarded-for")?.split(",")[0]?.trim();
    return { ip: forwarded || h.get("x-real-ip"), userAgent: h.get("user-agent")?.slice(0, 300) ?? null };
  } catch {
    // Outside a request (jobs, scripts) there is no origin to record.
    return { ip: null, userAgent: null };
  }
}

/** Records who did what to which object. Pass `tx` to write it in the same transaction as the change. */
export async function writeAudit(
  actor: AuditActor,
  entry: AuditEntry,
  tx: Prisma.TransactionClient = getDb(),
): Promise<void> {
  const origin = await currentRequestOrigin();
  await tx.auditLog.create({
    data: {
      actorId: actor?.id ?? null,
      actorEmail: actor?.email ?? null,
      action: entry.action,
      objectType: entry.objectType,
      objectId: entry.objectId ?? null,
      details: entry.details,
      ip: origin.ip,
      userAgent: origin.userAgent,
    },
  });
}
