import "server-only";
import { getDb } from "./client";

/** True when the database answers a trivial query within the time limit. */
export async function pingDatabase(timeoutMs = 2_000): Promise<boolean> {
  const query = getDb().$queryRaw`SELECT 1`.then(() => true);
  const timeout = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), timeoutMs).unref?.());
  return Promise.race([query, timeout]).catch(() => false);
}
