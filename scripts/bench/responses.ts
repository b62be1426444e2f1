// Benchmark (issue 8), run by hand against a RUNNING production server on loopback:
//   BENCH_URL=http://127.0.0.1:3203 DATABASE_URL=<the server's database> WEBHOOK_TOKEN=<the server's> \
//     npx tsx --conditions=react-server scripts/bench/responses.ts [ingest] [table] [export]
// (a) ingest: 32 concurrent senders post unique nfmReply webhooks for 20 s; then every accepted one must become
//     a FlowResponse row (zero loss). Target >= 2,000/s.
// (b) table: 1,000,000 responses for one flow (generate_series); the first page of the table (the server's
//     query work for the page) in < 300 ms, plus the page over HTTP as a signed-in admin.
// (c) export: the CSV of those rows over HTTP vs `psql \copy (select ...) to stdout with csv` in the same run
//     (target ratio >= 0.5), and the server's peak RSS growth (< 200 MB).
// Bounded: 20 s of load, one 1M-row flow (reused on later runs), loopback only. Uses the demo admin account.
import { execFileSync, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";

if (!process.env.BENCH_URL) {
  console.log(
    "responses bench skipped: it needs a running production server; see the usage at the top of scripts/bench/responses.ts.",
  );
  process.exit(0);
}
const baseUrl = process.env.BENCH_URL;
const databaseUrl = process.env.DATABASE_URL ?? "";
const token = process.env.WEBHOOK_TOKEN ?? "";
const wanted = new Set(process.argv.slice(2).length ? process.argv.slice(2) : ["ingest", "table", "export"]);
if (!/^https?:\/\/(127\.0\.0\.1|localhost)(:\d+)?$/.test(baseUrl))
  throw new Error("BENCH_URL must be a loopback address.");
if (!databaseUrl || !token) throw new Error("Set DATABASE_URL and WEBHOOK_TOKEN to the running server's.");

const BENCH_ROWS = 1_000_000;
const SENDERS = 32;
const INGEST_SECONDS = 20;

const db = new pg.Client({ connectionString: databaseUrl });

async function benchFlow(name: string): Promise<{ flowId: string; channelExternalId: string }> {
  const existing = await db.query<{ id: string; externalId: string }>(
    `SELECT f.id, c."externalId" FROM "Flow" f JOIN "Channel" c ON c.id = f."channelId" WHERE f.name = $1`,
    [name],
  );
  if (existing.rows[0])
    return { flowId: existing.rows[0].id, channelExternalId: existing.rows[0].externalId };
  const channelExternalId = `bench-${randomUUID().slice(0, 8)}`;
  const channel = await db.query<{ id: string }>(
    `INSERT INTO "Channel" (id, "externalId", name, "updatedAt") VALUES (gen_random_uuid(), $1, $2, now()) RETURNING id`,
    [channelExternalId, `Bench ${name}`],
  );
  const flowJson = readFileSync(
    path.resolve("lib/examples/corpus/seed-examples/retail-product-return-exchange.json"),
    "utf8",
  );
  const flow = await db.query<{ id: string }>(
    `INSERT INTO "Flow" (id, "channelId", "externalId", name, status, "flowJson") VALUES (gen_random_uuid(), $1, $2, $3, 'PUBLISHED', $4) RETURNING id`,
    [channel.rows[0]!.id, `bench-${randomUUID()}`, name, flowJson],
  );
  return { flowId: flow.rows[0]!.id, channelExternalId };
}

function submission(umid: string, channelExternalId: string, flowToken: string) {
  return JSON.stringify({
    namespace: "ChatApps",
    eventType: "inbound_message_received",
    payload: {
      umid,
      subAccountId: "bench",
      timestamp: new Date().toISOString(),
      user: { msisdn: "+15551234567" },
      recipient: { channel: "whatsapp", channelId: channelExternalId },
      type: "Interactive",
      content: {
        interactive: {
          type: "nfmReply",
          nfmReply: {
            responseJson: JSON.stringify({
              order_number: umid.slice(0, 12),
              customer_email: "bench@example.com",
              return_reason: "wrong_size",
              additional_details: "Fits too small, need size L",
              flow_token: flowToken,
            }),
          },
        },
      },
    },
  });
}

async function ingest() {
  const { flowId, channelExternalId } = await benchFlow("Bench ingestion");
  const runTag = `bench-${Date.now()}`;
  const flowToken = `bench-token-${runTag}`;
  await db.query(
    `INSERT INTO "MessageSend" (id, "channelId", "flowId", kind, recipient, umid, "flowToken", "updatedAt")
     SELECT gen_random_uuid(), "channelId", id, 'INTERACTIVE', '+15551234567', $2, $3, now() FROM "Flow" WHERE id = $1`,
    [flowId, `${runTag}-send`, flowToken],
  );
  const deadline = Date.now() + INGEST_SECONDS * 1000;
  let accepted = 0;
  let refused = 0;
  const latencies: number[] = [];
  const started = Date.now();
  await Promise.all(
    Array.from({ length: SENDERS }, async (_, sender) => {
      let n = 0;
      while (Date.now() < deadline) {
        const t0 = performance.now();
        const response = await fetch(`${baseUrl}/api/webhooks/8x8?token=${encodeURIComponent(token)}`, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: submission(`${runTag}-${sender}-${n++}`, channelExternalId, flowToken),
        });
        await response.arrayBuffer();
        latencies.push(performance.now() - t0);
        if (response.status === 200) accepted++;
        else refused++;
      }
    }),
  );
  const seconds = (Date.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  console.log(
    `(a) ingestion: ${accepted} accepted, ${refused} refused in ${seconds.toFixed(1)} s = ${(accepted / seconds).toFixed(0)} submissions/s with ${SENDERS} senders`,
  );
  console.log(
    `    answer latency p50 ${latencies[Math.floor(latencies.length * 0.5)]!.toFixed(1)} ms, p99 ${latencies[Math.floor(latencies.length * 0.99)]!.toFixed(1)} ms`,
  );
  const drainStarted = Date.now();
  let rows = 0;
  let pending = 0;
  while (Date.now() - drainStarted < 120_000) {
    rows = Number(
      (await db.query(`SELECT count(*) AS n FROM "FlowResponse" WHERE umid LIKE $1`, [`${runTag}-%`])).rows[0]
        .n,
    );
    pending = Number(
      (
        await db.query(
          `SELECT count(*) AS n FROM "WebhookDelivery" WHERE result IN ('PENDING','FAILED') AND "receivedAt" >= $1`,
          [new Date(started)],
        )
      ).rows[0].n,
    );
    if (rows >= accepted && pending === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  console.log(
    `    rows after processing: ${rows} of ${accepted} accepted (${accepted - rows} lost), drained ${((Date.now() - drainStarted) / 1000).toFixed(1)} s after the load; still pending: ${pending}`,
  );
}

async function ensureMillion(): Promise<string> {
  const { flowId, channelExternalId } = await benchFlow("Bench one million");
  const count = Number(
    (await db.query(`SELECT count(*) AS n FROM "FlowResponse" WHERE "flowId" = $1`, [flowId])).rows[0].n,
  );
  if (count < BENCH_ROWS) {
    const t0 = Date.now();
    await db.query(
      `INSERT INTO "FlowResponse" (id, umid, "flowId", "channelExternalId", attribution, phone, "submittedAt", "receivedAt", "responseJson", "flowToken")
       SELECT gen_random_uuid(), 'bench-million-' || $1::text || '-' || i, $1::uuid, $2, 'TOKEN', '+1555' || lpad(i::text, 7, '0'),
              timestamptz '2025-01-01' + (i * interval '30 seconds'), now(),
              jsonb_build_object('order_number', 'ORD-' || i, 'item_name', 'Blue Denim Jacket - Size M', 'customer_email', 'c' || i || '@example.com',
                                 'return_reason', 'wrong_size', 'additional_details', 'Fits too small, "need" size L', 'resolution_type', 'exchange',
                                 'exchange_pref', 'Same item in size L', 'contact_method', 'whatsapp'),
              'fp1.bench.' || i
         FROM generate_series($3::int + 1, $4::int) AS i`,
      [flowId, channelExternalId, count, BENCH_ROWS],
    );
    await db.query(`ANALYZE "FlowResponse"`);
    console.log(`    inserted ${BENCH_ROWS - count} rows in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
  return flowId;
}

async function signIn(): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookies = csrf.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const login = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookies },
    body: new URLSearchParams({
      email: "admin@example.com",
      password: "flowport-demo",
      csrfToken,
      json: "true",
    }),
  });
  const session = login.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .filter((c) => c!.includes("session-token"));
  if (session.length === 0)
    throw new Error("Could not sign in as admin@example.com (seed the demo users on the bench database).");
  return [cookies, ...session].join("; ");
}

async function table(cookie: string) {
  const flowId = await ensureMillion();
  // The page's database work, timed the way the server runs it (the three queries in parallel).
  // The query module only (the package index also loads Next's request helpers, which need a running server).
  const { loadResponsesTable, loadResponsesSummary, getResponsesScope } =
    await import("../../lib/responses/queries");
  const { responseFiltersSchema } = await import("../../lib/responses/filters");
  const admin = {
    id: randomUUID(),
    email: "bench@example.com",
    name: "Bench",
    role: "ADMIN" as const,
    logAccess: true,
  };
  const scope = await getResponsesScope(flowId);
  const filters = responseFiltersSchema.parse({ flowId });
  const timings: number[] = [];
  const summaryTimings: number[] = [];
  for (let i = 0; i < 6; i++) {
    let t0 = performance.now();
    const page = await loadResponsesTable(admin, scope, filters);
    timings.push(performance.now() - t0);
    if (page.rows.length !== 1000) throw new Error(`unexpected page: ${page.rows.length} rows`);
    t0 = performance.now();
    const summary = await loadResponsesSummary(admin, scope, filters);
    summaryTimings.push(performance.now() - t0);
    if (summary.total !== BENCH_ROWS) throw new Error(`unexpected total: ${summary.total}`);
  }
  const median = (list: number[]) => [...list.slice(1)].sort((a, b) => a - b)[2]!;
  console.log(
    `(b) first page of the table (1,000 of ${BENCH_ROWS.toLocaleString("en-US")} rows, masked/formatted): cold ${timings[0]!.toFixed(0)} ms, warm median ${median(timings).toFixed(0)} ms`,
  );
  console.log(
    `    summary (total + per-day chart, streamed in after the table): cold ${summaryTimings[0]!.toFixed(0)} ms, warm median ${median(summaryTimings).toFixed(0)} ms`,
  );
  const http: number[] = [];
  for (let i = 0; i < 4; i++) {
    const t0 = performance.now();
    const response = await fetch(`${baseUrl}/flows/${flowId}/responses`, { headers: { Cookie: cookie } });
    const html = await response.text();
    http.push(performance.now() - t0);
    if (response.status !== 200 || !html.includes("Showing the first"))
      throw new Error(`page answered ${response.status}`);
  }
  console.log(
    `    the whole page over HTTP, summary included (render + 1,000 rows of RSC payload): ${http.map((t) => t.toFixed(0)).join(", ")} ms`,
  );
}

function serverPid(): number {
  const port = new URL(baseUrl).port;
  const out = execFileSync("ss", ["-ltnpH", `sport = :${port}`], { encoding: "utf8" });
  const pid = /pid=(\d+)/.exec(out)?.[1];
  if (!pid) throw new Error(`No process listens on port ${port}.`);
  return Number(pid);
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

async function exportCsv(cookie: string) {
  const flowId = await ensureMillion();
  const pid = serverPid();
  const psqlStarted = performance.now();
  const psqlBytes = await new Promise<number>((resolve, reject) => {
    const child = spawn("psql", [
      databaseUrl,
      "-X",
      "-q",
      "-c",
      `\\copy (SELECT "submittedAt", phone, "responseJson", "flowToken", umid FROM "FlowResponse" WHERE "flowId" = '${flowId}' ORDER BY "submittedAt" DESC, id DESC) to stdout with csv`,
    ]);
    let bytes = 0;
    child.stdout.on("data", (chunk: Buffer) => (bytes += chunk.length));
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve(bytes) : reject(new Error(`psql exited ${code}`))));
  });
  const psqlSeconds = (performance.now() - psqlStarted) / 1000;

  const baseline = rssMb(pid);
  let peak = baseline;
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 100);
  const started = performance.now();
  const response = await fetch(`${baseUrl}/api/responses/export?flowId=${flowId}`, {
    headers: { Cookie: cookie },
  });
  if (response.status !== 200 || !response.body) throw new Error(`export answered ${response.status}`);
  let bytes = 0;
  let lines = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    for (const byte of value) if (byte === 0x0a) lines++;
  }
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  console.log(
    `(c) export: ${(bytes / 1e6).toFixed(0)} MB, ${lines.toLocaleString("en-US")} line breaks in ${seconds.toFixed(1)} s = ${(BENCH_ROWS / seconds).toFixed(0)} rows/s`,
  );
  console.log(
    `    psql \\copy of the same rows: ${(psqlBytes / 1e6).toFixed(0)} MB in ${psqlSeconds.toFixed(1)} s = ${(BENCH_ROWS / psqlSeconds).toFixed(0)} rows/s`,
  );
  console.log(
    `    ratio (rows/s export ÷ rows/s psql): ${(psqlSeconds / seconds).toFixed(2)}; server RSS ${baseline.toFixed(0)} MB → peak ${peak.toFixed(0)} MB (growth ${(peak - baseline).toFixed(0)} MB)`,
  );
}

async function main() {
  await db.connect();
  try {
    if (wanted.has("ingest")) await ingest();
    const cookie = wanted.has("table") || wanted.has("export") ? await signIn() : "";
    if (wanted.has("table")) await table(cookie);
    if (wanted.has("export")) await exportCsv(cookie);
  } finally {
    await db.end();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
