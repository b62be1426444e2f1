import "server-only";
import { createHash, randomUUID, timingSafeEqual } from "node:crypto";
import { getEnv } from "@/lib/env";
import { getPgPool } from "./pg-pool";

/** 8x8 posts small JSON bodies; anything larger is refused before it is stored. */
export const MAX_WEBHOOK_BODY_BYTES = 1024 * 1024;

const SECRET_HEADERS = new Set(["authorization", "proxy-authorization", "cookie", "x-api-key"]);

function digest(value: string): Buffer {
  return createHash("sha256").update(value).digest();
}

let expected: { token: string; digest: Buffer } | undefined;

/** The token from ?token= or `Authorization: Bearer`, compared in constant time (hashes have equal length). */
export function isWebhookTokenValid(request: Request): boolean {
  const fromQuery = new URL(request.url).searchParams.get("token");
  const bearer = /^Bearer\s+(.+)$/i.exec(request.headers.get("authorization") ?? "")?.[1]?.trim();
  const given = fromQuery ?? bearer;
  if (!given) return false;
  const token = getEnv().WEBHOOK_TOKEN;
  if (expected?.token !== token) expected = { token, digest: digest(token) };
  return timingSafeEqual(digest(given), expected.digest);
}

export class BodyTooLargeError extends Error {
  override name = "BodyTooLargeError";
}

/** Reads the body, stopping as soon as it passes the limit (Content-Length can be absent or wrong). */
export async function readLimitedBody(request: Request, limit = MAX_WEBHOOK_BODY_BYTES): Promise<Uint8Array> {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > limit) throw new BodyTooLargeError();
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new BodyTooLargeError();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, size);
}

export function storableHeaders(headers: Headers): Record<string, string> {
  const kept: Record<string, string> = {};
  headers.forEach((value, name) => {
    if (!SECRET_HEADERS.has(name.toLowerCase())) kept[name.toLowerCase()] = value.slice(0, 1000);
  });
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
