// Benchmark: the flow list page with 1,000 flows in the cache, served by a running production server.
//   BENCH_BASE_URL=http://localhost:3000 DATABASE_URL=<the server's database> npx tsx --conditions=react-server scripts/bench/flow-list.ts
// Seeds a "Benchmark" channel with 1,000 cached flows (idempotent), signs in as the demo admin, selects that channel
// and times N sequential GET /flows (full HTML, server render included). Target: median < 150 ms (exit code 1 otherwise).
import { randomUUID } from "node:crypto";
import pg from "pg";

const BASE = (process.env.BENCH_BASE_URL ?? "http://localhost:3000").replace(/\/+$/, "");
const RUNS = Number(process.env.BENCH_RUNS ?? 40);
const FLOWS = 1000;
const TARGET_MS = 150;
const EMAIL = process.env.BENCH_EMAIL ?? "admin@example.com";
const PASSWORD = process.env.BENCH_PASSWORD ?? "flowport-demo";
const CHANNEL_EXTERNAL_ID = "bench-channel-1000";

async function seed(): Promise<string> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    // The bench channel is marked as synced an hour ahead, so no background sync replaces its made-up flows.
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO "Channel" (id, "externalId", name, "lastFlowSyncAt", "lastSyncAttemptAt", "updatedAt")
       VALUES ($1, $2, 'Benchmark', now() + interval '1 hour', now() + interval '1 hour', now())
       ON CONFLICT ("externalId") DO UPDATE SET "lastFlowSyncAt" = now() + interval '1 hour', "lastSyncAttemptAt" = now() + interval '1 hour'
       RETURNING id`,
      [randomUUID(), CHANNEL_EXTERNAL_ID],
    );
    const channelId = rows[0]!.id;
    const { rows: count } = await client.query<{ n: string }>(
      `SELECT count(*) AS n FROM "Flow" WHERE "channelId" = $1`,
      [channelId],
    );
    if (Number(count[0]!.n) < FLOWS) {
      const statuses = ["DRAFT", "PUBLISHED", "DEPRECATED"];
      const flowJson = JSON.stringify(
        {
          version: "7.3",
          screens: [{ id: "ONE", terminal: true, layout: { type: "SingleColumnLayout", children: [] } }],
        },
        null,
        2,
      );
      for (let i = Number(count[0]!.n); i < FLOWS; i++) {
        await client.query(
          `INSERT INTO "Flow" (id, "channelId", "externalId", name, status, categories, "flowJson", "flowJsonVersion", "createdAt", "updatedAt", "lastSyncedAt")
           VALUES ($1, $2, $3, $4, $5::"FlowStatus", $6, $7, '7.3', now() - ($8 || ' minutes')::interval, now() - ($8 || ' minutes')::interval, now())`,
          [
            randomUUID(),
            channelId,
            String(9_000_000_000_000 + i),
            `Benchmark flow ${String(i).padStart(4, "0")}`,
            statuses[i % 3],
            ["OTHER", "SURVEY"],
            flowJson,
            String(i),
          ],
        );
      }
    }
    return channelId;
  } finally {
    await client.end();
  }
}

function cookiesOf(response: Response, jar: Map<string, string>): void {
  for (const header of response.headers.getSetCookie()) {
    const [pair] = header.split(";");
    const [name, ...value] = pair!.split("=");
    jar.set(name!.trim(), value.join("="));
  }
}
const cookieHeader = (jar: Map<string, string>) => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");

async function signIn(channelId: string): Promise<string> {
  const jar = new Map<string, string>();
  const csrf = await fetch(`${BASE}/api/auth/csrf`);
  cookiesOf(csrf, jar);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const login = await fetch(`${BASE}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookieHeader(jar) },
    body: new URLSearchParams({ csrfToken, email: EMAIL, password: PASSWORD, json: "true" }),
  });
  cookiesOf(login, jar);
  if (![...jar.keys()].some((k) => k.includes("session-token")))
    throw new Error(`Sign-in as ${EMAIL} failed (HTTP ${login.status}).`);
  jar.set("flowport-channel", channelId);
  return cookieHeader(jar);
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

async function main(): Promise<void> {
  const channelId = await seed();
  const cookie = await signIn(channelId);
  const timings: number[] = [];
  for (let i = 0; i < RUNS + 3; i++) {
    const started = performance.now();
    const response = await fetch(`${BASE}/flows`, { headers: { Cookie: cookie } });
    const html = await response.text();
    const ms = performance.now() - started;
    if (response.status !== 200 || !html.includes("Benchmark flow"))
      throw new Error(`GET /flows answered ${response.status} without the benchmark flows.`);
    if (i >= 3) timings.push(ms); // the first requests warm the server up
  }
  const p90 = [...timings].sort((a, b) => a - b)[Math.floor(timings.length * 0.9)]!;
  console.log(
    `flow list, ${FLOWS} flows cached, GET /flows x${RUNS}: median ${median(timings).toFixed(1)} ms, p90 ${p90.toFixed(1)} ms (target median < ${TARGET_MS} ms)`,
  );
  process.exitCode = median(timings) < TARGET_MS ? 0 : 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
