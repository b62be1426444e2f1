// Benchmark (issue 8), run by hand against a RUNNING production server on loopback:
//   BENCH_URL=http://127.0.0.1:3203 DATABASE_URL=<the server's database> WEBHOOK_TOKEN=<the server's> \
//     npx tsx --conditions=react-server scripts/bench/responses.ts [ingest] [table] [export]
// (a) ingest: 32 concurrent senders post unique nfmReply webhooks for 20 s; then every accepted one must become
//     a FlowResponse row (zero loss). Target >= 2,000/s sustained end to end: reports the ceiling (the same
//     route answering 401 without storing), the accept rate, the end-to-end rate (accepted ÷ time until the
//     last one was processed), the backlog during the load, losses, and the processing capacity on its own.
// (b) table: 1,000,000 responses for one flow (generate_series); the first page of the table (the server's
//     query work for the page) in < 300 ms, plus the page over HTTP as a signed-in admin.
// (c) export: the CSV of those rows over HTTP vs `psql \copy (select ...) to stdout with csv`, in alternating
//     rounds of the same run (target ratio >= 0.5, uncompressed like psql's output; one gzip round for
//     information), and the server's peak RSS growth (< 200 MB).
// Bounded: 20 s of load, one 1M-row flow (reused on later runs), loopback only. Uses the demo admin account.
import { execFileSync, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import http from "node:http";
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

/** A lean keep-alive HTTP client: fetch's own overhead would take CPU from the server on this 2-core machine. */
const agent = new http.Agent({ keepAlive: true, maxSockets: SENDERS });
function post(url: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      {
        method: "POST",
        agent,
        headers: { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(body) },
      },
      (response) => {
        response.resume();
        response.on("end", () => resolve(response.statusCode ?? 0));
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}

/** Posts from SENDERS concurrent senders until `seconds` have passed; returns the answers' statuses and latencies. */
async function load(seconds: number, url: string, body: (sender: number, n: number) => string) {
  const deadline = Date.now() + seconds * 1000;
  const statuses = new Map<number, number>();
  const latencies: number[] = [];
  await Promise.all(
    Array.from({ length: SENDERS }, async (_, sender) => {
      for (let n = 0; Date.now() < deadline; n++) {
        const t0 = performance.now();
        const status = await post(url, body(sender, n));
        latencies.push(performance.now() - t0);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const percentile = (p: number) => latencies[Math.floor(latencies.length * p)]!.toFixed(1);
  return { statuses, p50: percentile(0.5), p99: percentile(0.99) };
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
  const route = `${baseUrl}/api/webhooks/8x8?token=`;
  // A freshly started server compiles its hot paths in the first seconds: warm it up, outside both figures.
  await load(3, `${route}${encodeURIComponent(token)}`, (sender, n) =>
    submission(`${runTag}-warmup-${sender}-${n}`, channelExternalId, flowToken),
  );

  // The ceiling: the same route with a wrong token, answered 401 before anything is read or stored, so this
  // is what the server (Next.js' request handling) manages with no work of ours behind it. Without a body:
  // a body left unread makes the server close the connection, which would measure reconnecting instead.
  const ceilingSeconds = 5;
  const ceiling = await load(ceilingSeconds, `${route}wrong`, () => "");
  const ceilingRate = (ceiling.statuses.get(401) ?? 0) / ceilingSeconds;
  console.log(
    `(a) ceiling: the route answering 401 (no storage) handles ${ceilingRate.toFixed(0)} requests/s with ${SENDERS} senders`,
  );

  const started = new Date();
  const backlog = async () =>
    Number(
      (
        await db.query(
          `SELECT count(*) AS n FROM "WebhookDelivery" WHERE result IN ('PENDING','FAILED') AND "receivedAt" >= $1`,
          [started],
        )
      ).rows[0].n,
    );
  const backlogSamples: number[] = [];
  const sampler = setInterval(() => void backlog().then((n) => backlogSamples.push(n)), 2000);
  const run = await load(INGEST_SECONDS, `${route}${encodeURIComponent(token)}`, (sender, n) =>
    submission(`${runTag}-load-${sender}-${n}`, channelExternalId, flowToken),
  );
  clearInterval(sampler);
  const loadSeconds = (Date.now() - started.getTime()) / 1000;
  const accepted = run.statuses.get(200) ?? 0;
  const refused = [...run.statuses].filter(([status]) => status !== 200).reduce((sum, [, n]) => sum + n, 0);
  console.log(
    `    ingestion: ${accepted} accepted, ${refused} refused in ${loadSeconds.toFixed(1)} s = ${(accepted / loadSeconds).toFixed(0)} accepted/s ` +
      `(${((100 * accepted) / loadSeconds / ceilingRate).toFixed(0)}% of the ceiling); answer latency p50 ${run.p50} ms, p99 ${run.p99} ms`,
  );
  const drainStarted = Date.now();
  let pending = await backlog();
  while (pending > 0 && Date.now() - drainStarted < 120_000) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    pending = await backlog();
  }
  const lastProcessed = (
    await db.query<{ at: Date | null }>(
      `SELECT max("processedAt") AS at FROM "WebhookDelivery" WHERE "receivedAt" >= $1`,
      [started],
    )
  ).rows[0]!.at;
  const rows = Number(
    (await db.query(`SELECT count(*) AS n FROM "FlowResponse" WHERE umid LIKE $1`, [`${runTag}-load-%`]))
      .rows[0].n,
  );
  const endToEndSeconds = lastProcessed ? (lastProcessed.getTime() - started.getTime()) / 1000 : NaN;
  console.log(
    `    end to end: the last accepted one processed ${(endToEndSeconds - loadSeconds).toFixed(1)} s after the load = ${(accepted / endToEndSeconds).toFixed(0)} submissions/s; ` +
      `backlog (stored, not yet processed) every 2 s: ${backlogSamples.join(", ")}`,
  );
  console.log(
    `    rows: ${rows} of ${accepted} accepted (${accepted - rows} lost); still pending: ${pending}`,
  );
  await processingCapacity(channelExternalId, flowToken, runTag);
}

/**
 * How fast stored deliveries become responses without HTTP in front: a backlog of stored submissions, as
 * an outage would leave, worked off by the sweep (here in this process, beside the server's own workers).
 */
async function processingCapacity(channelExternalId: string, flowToken: string, runTag: string) {
  const count = 50_000;
  const body = JSON.parse(submission("UMID", channelExternalId, flowToken)) as { payload: { umid: string } };
  await db.query(
    `INSERT INTO "WebhookDelivery" (id, "receivedAt", headers, body, "ackMs")
     SELECT gen_random_uuid(), now(), '{}', convert_to(jsonb_set($1::jsonb, '{payload,umid}', to_jsonb($2 || i))::text, 'UTF8'), 0
       FROM generate_series(1, $3::int) AS i`,
    [JSON.stringify(body), `${runTag}-backlog-`, count],
  );
  const { sweepDeliveries } = await import("../../lib/responses/delivery-queue");
  const t0 = performance.now();
  await sweepDeliveries();
  const seconds = (performance.now() - t0) / 1000;
  const rows = Number(
    (await db.query(`SELECT count(*) AS n FROM "FlowResponse" WHERE umid LIKE $1`, [`${runTag}-backlog-%`]))
      .rows[0].n,
  );
  console.log(
    `    processing capacity: a backlog of ${count} stored submissions processed in ${seconds.toFixed(1)} s = ${(count / seconds).toFixed(0)}/s (${rows} rows)`,
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

/** psql's own \copy of the same rows, read by this process as it reads the export: the yardstick. */
function psqlCopy(flowId: string): Promise<{ seconds: number; bytes: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
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
    child.on("exit", (code) =>
      code === 0
        ? resolve({ seconds: (performance.now() - started) / 1000, bytes })
        : reject(new Error(`psql exited ${code}`)),
    );
  });
}

/**
 * The export over HTTP, read with a plain keep-alive client that counts the line breaks. Uncompressed, like
 * psql's output; with `gzip`, as browsers ask for it (Next.js then compresses on the fly).
 */
function httpExport(
  flowId: string,
  cookie: string,
  { gzip = false } = {},
): Promise<{ seconds: number; bytes: number; lines: number }> {
  const started = performance.now();
  const headers = { Cookie: cookie, ...(gzip ? { "Accept-Encoding": "gzip" } : {}) };
  return new Promise((resolve, reject) => {
    http
      .get(`${baseUrl}/api/responses/export?flowId=${flowId}`, { agent, headers }, (response) => {
        if (response.statusCode !== 200) reject(new Error(`export answered ${response.statusCode}`));
        let bytes = 0;
        let lines = 0;
        response.on("data", (chunk: Buffer) => {
          bytes += chunk.length;
          for (let at = chunk.indexOf(0x0a); at >= 0; at = chunk.indexOf(0x0a, at + 1)) lines++;
        });
        response.on("end", () => resolve({ seconds: (performance.now() - started) / 1000, bytes, lines }));
        response.on("error", reject);
      })
      .on("error", reject);
  });
}

async function exportCsv(cookie: string) {
  const flowId = await ensureMillion();
  const pid = serverPid();
  const baseline = rssMb(pid);
  let peak = baseline;
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 100);
  // Alternating rounds, so that both sides see the same machine (it is shared and its load moves).
  const rounds: { psql: number; export: number }[] = [];
  for (let round = 0; round < 3; round++) {
    const psql = await psqlCopy(flowId);
    const exported = await httpExport(flowId, cookie);
    rounds.push({ psql: psql.seconds, export: exported.seconds });
    console.log(
      `${round === 0 ? "(c) export:" : "           "} ${(exported.bytes / 1e6).toFixed(0)} MB, ${exported.lines.toLocaleString("en-US")} line breaks in ${exported.seconds.toFixed(1)} s = ${(BENCH_ROWS / exported.seconds).toFixed(0)} rows/s; ` +
        `psql \\copy ${(psql.bytes / 1e6).toFixed(0)} MB in ${psql.seconds.toFixed(1)} s = ${(BENCH_ROWS / psql.seconds).toFixed(0)} rows/s; ratio ${(psql.seconds / exported.seconds).toFixed(2)}`,
    );
  }
  const psql = await psqlCopy(flowId);
  const gzipped = await httpExport(flowId, cookie, { gzip: true });
  console.log(
    `            gzip-compressed by the server, as browsers get it: ${(gzipped.bytes / 1e6).toFixed(0)} MB in ${gzipped.seconds.toFixed(1)} s; psql \\copy in ${psql.seconds.toFixed(1)} s; ratio ${(psql.seconds / gzipped.seconds).toFixed(2)}`,
  );
  clearInterval(sampler);
  const ratios = rounds.map((r) => r.psql / r.export).sort((a, b) => a - b);
  console.log(
    `    ratio (rows/s export ÷ rows/s psql), uncompressed, median of ${rounds.length}: ${ratios[1]!.toFixed(2)}; server RSS ${baseline.toFixed(0)} MB → peak ${peak.toFixed(0)} MB (growth ${(peak - baseline).toFixed(0)} MB)`,
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
