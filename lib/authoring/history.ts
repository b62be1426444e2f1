import "server-only";
import { getDb } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";

export type RevisionSummary = {
  number: number;
  name: string;
  authorEmail: string | null;
  createdAt: string;
  characters: number;
};

/** Every saved revision of a flow, newest first (the history panel). */
export async function listRevisions(flowId: string): Promise<RevisionSummary[]> {
  const db = getDb();
  const flow = await db.flow.findUnique({ where: { id: flowId }, select: { id: true } });
  if (!flow) throw new NotFoundError("The flow");
  const rows = await db.$queryRaw<
    { number: number; name: string; authorEmail: string | null; createdAt: Date; characters: number }[]
  >`
    SELECT "number", "name", "authorEmail", "createdAt", length("flowJson")::int AS "characters"
    FROM "FlowRevision" WHERE "flowId" = ${flowId}::uuid ORDER BY "number" DESC`;
  return rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() }));
}

/** The text of one revision (for the diff and "restore into editor"). */
export async function getRevisionText(
  flowId: string,
  number: number,
): Promise<{ number: number; flowJson: string; authorEmail: string | null; createdAt: string }> {
  const revision = await getDb().flowRevision.findUnique({ where: { flowId_number: { flowId, number } } });
  if (!revision) throw new NotFoundError(`Revision ${number}`);
  return {
    number: revision.number,
    flowJson: revision.flowJson,
    authorEmail: revision.authorEmail,
    createdAt: revision.createdAt.toISOString(),
  };
}
