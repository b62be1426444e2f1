import { pingDatabase } from "@/lib/db";
import { getEnv } from "@/lib/env";

export const dynamic = "force-dynamic";

/** Public liveness for load balancers: says whether the database answers and which 8x8 API is in use. */
export async function GET(): Promise<Response> {
  const dbUp = await pingDatabase();
  const body = {
    status: dbUp ? "ok" : "degraded",
    db: dbUp ? "ok" : "down",
    api: { mode: getEnv().apiMode },
  };
  return Response.json(body, { status: dbUp ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
