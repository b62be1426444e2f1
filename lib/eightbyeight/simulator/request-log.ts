import "server-only";
import { getDb } from "@/lib/db";

/** One API call as the simulator saw it; bodies and headers are left out (they may hold keys or PII). */
export type RecordedRequest = { seq: number; method: string; path: string; query: string };

const KEPT_REQUESTS = 200;

/** Records a request and trims the log to the newest KEPT_REQUESTS, in one statement. */
export async function recordRequest(method: string, path: string, query: URLSearchParams): Promise<void> {
  await getDb().$executeRaw`
    WITH recorded AS (
      INSERT INTO "SimRequest" (method, path, query) VALUES (${method}, ${path}, ${query.toString()}) RETURNING seq
    )
    DELETE FROM "SimRequest" WHERE seq <= (SELECT seq FROM recorded) - ${KEPT_REQUESTS}`;
}

/** Oldest first; `seq` keeps growing, so a test can tell what came after a point it noted. */
export async function recentRequests(): Promise<RecordedRequest[]> {
  const newest = await getDb().simRequest.findMany({
    orderBy: { seq: "desc" },
    take: KEPT_REQUESTS,
    select: { seq: true, method: true, path: true, query: true },
  });
  return newest.reverse();
}
