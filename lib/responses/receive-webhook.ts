import "server-only";
import { createHash, randomUUID, timingSafeEqual } from "node:crypto";
import { getEnv } from "@/lib/env";
import { kickProcessing } from "./delivery-queue";
import { getPgPool } from "./pg-pool";

/** 8x8 posts small JSON bodies; anything larger is refused before it is stored. */
export const MAX_WEBHOOK_BODY_BYTES = 1024 * 1024;

const SECRET_HEADERS = new Set(["authorization", "proxy-authorization", "cookie", "x-api-key"]);

/** Header names in lower case, as node:http gives them (the route handler converts its Headers once). */
export type WebhookRequestHeaders = Record<string, string | string[] | undefined>;

/**
 * What receiving needs from a request, so that the Next.js route and the server's fast path (both calling
 * receiveWebhook) pass what they already have: node:http's IncomingMessage and a Web ReadableStream are
 * both async iterables of chunks.
 */
export type WebhookRequest = {
  /** Absolute, or the path with its query string. */
  url: string;
  headers: WebhookRequestHeaders;
  body: AsyncIterable<Uint8Array>;
};

export type WebhookReply = { status: number; json: unknown };

/**
 * The whole receiving contract of POST /api/webhooks/8x8: 401 without the token, 413 above the limit
 * (nothing stored), otherwise 200 once the delivery is committed; processing is kicked in the background.
 * Unexpected errors (the database is down) are thrown for the caller's 500.
 */
export async function receiveWebhook(request: WebhookRequest): Promise<WebhookReply> {
  const receivedAt = new Date();
  if (!isWebhookTokenValid(request)) {
    return refusal(401, "unauthenticated", "The webhook token is missing or wrong.");
  }
  const body = await readLimitedBody(request);
  if (!body) return refusal(413, "payload_too_large", "The body is larger than 1 MB.");
  // Committed before the 200; from then on the stored delivery is queued, whatever happens to this instance.
  const deliveryId = await storeWebhookDelivery({
    body,
    headers: storableHeaders(request.headers),
    receivedAt,
  });
  kickProcessing();
  return { status: 200, json: { received: true, deliveryId } };
}

/** The body shape of lib/http errorResponse, which the fast path cannot use (it answers outside Next.js). */
function refusal(status: number, code: string, message: string): WebhookReply {
  return { status, json: { error: { code, message } } };
}

function digest(value: string): Buffer {
  return createHash("sha256").update(value).digest();
}

let expected: { token: string; digest: Buffer } | undefined;

/** The token from ?token= or `Authorization: Bearer`, compared in constant time (hashes have equal length). */
function isWebhookTokenValid({ url, headers }: WebhookRequest): boolean {
  const fromQuery = new URL(url, "http://localhost").searchParams.get("token");
  const authorization = headers.authorization;
  const bearer = /^Bearer\s+(.+)$/i.exec(typeof authorization === "string" ? authorization : "")?.[1]?.trim();
  const given = fromQuery ?? bearer;
  if (!given) return false;
  const token = getEnv().WEBHOOK_TOKEN;
  if (expected?.token !== token) expected = { token, digest: digest(token) };
  return timingSafeEqual(digest(given), expected.digest);
}

/**
 * The body, or null as soon as it passes the limit (Content-Length can be absent or wrong). Leaving the
 * loop early cancels a Web stream; the fast path passes an iterator that leaves the socket to it.
 */
async function readLimitedBody(
  { headers, body }: WebhookRequest,
  limit = MAX_WEBHOOK_BODY_BYTES,
): Promise<Uint8Array | null> {
  const declared = Number(headers["content-length"]);
  if (Number.isFinite(declared) && declared > limit) return null;
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.byteLength;
    if (size > limit) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, size);
}

function storableHeaders(headers: WebhookRequestHeaders): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || SECRET_HEADERS.has(name)) continue;
    kept[name] = (Array.isArray(value) ? value.join(", ") : value).slice(0, 1000);
  }
  return kept;
}

export type IncomingDelivery = { body: Uint8Array; headers: Record<string, string>; receivedAt: Date };

type Waiting = IncomingDelivery & {
  id: string;
  resolve: (id: string) => void;
  reject: (error: unknown) => void;
};

const MAX_ROWS_PER_INSERT = 500;
const MAX_BYTES_PER_INSERT = 8 * MAX_WEBHOOK_BODY_BYTES;
const MAX_CONCURRENT_INSERTS = 2;
let waiting: Waiting[] = [];
let inserting = 0;
let flushScheduled = false;

/**
 * Stores the delivery durably and resolves with its id only once the row is committed: after that it cannot
 * be lost, and PENDING rows are the processing queue (process-batch.ts). Deliveries arriving together share
 * one multi-row INSERT (one commit instead of one each): while an insert is in flight the next ones gather,
 * so an idle server adds no delay and a busy one makes fewer, larger commits.
 */
export function storeWebhookDelivery(delivery: IncomingDelivery): Promise<string> {
  return new Promise((resolve, reject) => {
    waiting.push({ ...delivery, id: randomUUID(), resolve, reject });
    scheduleInsert();
  });
}

function scheduleInsert(): void {
  if (flushScheduled || inserting >= MAX_CONCURRENT_INSERTS || waiting.length === 0) return;
  flushScheduled = true;
  // After the current turn of the event loop, so that requests read in the same turn share the insert.
  setImmediate(() => {
    flushScheduled = false;
    void insertWaiting();
  });
}

async function insertWaiting(): Promise<void> {
  let size = 1;
  let bytes = waiting[0]?.body.byteLength ?? 0;
  while (size < Math.min(waiting.length, MAX_ROWS_PER_INSERT)) {
    bytes += waiting[size]!.body.byteLength;
    if (bytes > MAX_BYTES_PER_INSERT) break;
    size++;
  }
  const batch = waiting.slice(0, size);
  waiting = waiting.slice(size);
  inserting++;
  try {
    const now = Date.now();
    await getPgPool().query(
      `INSERT INTO "WebhookDelivery" (id, "receivedAt", headers, body, "ackMs")
       SELECT * FROM unnest($1::uuid[], $2::timestamptz[], $3::jsonb[], $4::bytea[], $5::int[])`,
      [
        batch.map((d) => d.id),
        batch.map((d) => d.receivedAt),
        batch.map((d) => JSON.stringify(d.headers)),
        batch.map((d) => Buffer.from(d.body.buffer, d.body.byteOffset, d.body.byteLength)),
        batch.map((d) => Math.max(0, Math.round(now - d.receivedAt.getTime()))),
      ],
    );
    for (const delivery of batch) delivery.resolve(delivery.id);
  } catch (error) {
    for (const delivery of batch) delivery.reject(error);
  } finally {
    inserting--;
    scheduleInsert();
  }
}
