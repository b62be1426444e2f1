import "server-only";
import { getDb } from "@/lib/db";

const WINDOW_MS = 15 * 60 * 1000;
const MAX_FAILURES_PER_ACCOUNT = 5;
const MAX_FAILURES_PER_IP = 20;

function keys(email: string, ip: string | null): { account: string; ip: string | null } {
  return { account: `account:${email.toLowerCase()}`, ip: ip ? `ip:${ip}` : null };
}

/** Counted in PostgreSQL so that every instance behind the load balancer sees the same failures. */
export async function isSignInThrottled(email: string, ip: string | null): Promise<boolean> {
  const since = new Date(Date.now() - WINDOW_MS);
  const k = keys(email, ip);
  const db = getDb();
  const [accountFailures, ipFailures] = await Promise.all([
    db.signInAttempt.count({ where: { key: k.account, at: { gte: since } } }),
    k.ip ? db.signInAttempt.count({ where: { key: k.ip, at: { gte: since } } }) : Promise.resolve(0),
  ]);
  return accountFailures >= MAX_FAILURES_PER_ACCOUNT || ipFailures >= MAX_FAILURES_PER_IP;
}

export async function recordFailedSignIn(email: string, ip: string | null): Promise<void> {
  const k = keys(email, ip);
  await getDb().signInAttempt.createMany({
    data: [{ key: k.account }, ...(k.ip ? [{ key: k.ip }] : [])],
  });
}

export async function clearFailedSignIns(email: string): Promise<void> {
  const since = new Date(Date.now() - WINDOW_MS * 4);
  const db = getDb();
  await db.signInAttempt.deleteMany({
    where: { OR: [{ key: keys(email, null).account }, { at: { lt: since } }] },
  });
}
