import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import { getEnv } from "@/lib/env";
import { getPgPool } from "./pg-pool";
import { processWebhookJob } from "./jobs";

/** 8x8 posts small JSON bodies; anything larger is refused before it is stored. */
export const MAX_WEBHOOK_BODY_BYTES = 1024 * 1024;

const SECRET_HEADERS = new Set(["authorization", "proxy-authorization", "cookie", "x-api-key"]);

function digest(value: string): Buffer {
  return createHash("sha256").update(value).digest();
}

/** The token from ?token= or `Authorization: Bearer`, compared in constant time (hashes have equal length). */
export function isWebhookTokenValid(request: Request): boolean {
  const fromQuery = new URL(request.url).searchParams.get("token");
  const bearer = /^Bearer\s+(.+)$/i.exec(request.headers.get("authorization") ?? "")?.[1]?.trim();
  const given = fromQuery ?? bearer;
  if (!given) return false;
  return timingSafeEqual(digest(given), digest(getEnv().WEBHOOK_TOKEN));
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

/**
 * Stores the delivery and enqueues its processing job in ONE transaction: once this returns, the
 * delivery cannot be lost, and it will be processed even if this instance dies right after answering.
 */
export async function storeWebhookDelivery(input: {
  body: Uint8Array;
  headers: Record<string, string>;
  receivedAt: Date;
}): Promise<string> {
  const client = await getPgPool().connect();
  try {
    await client.query("BEGIN");
    const ackMs = Math.max(0, Math.round(Date.now() - input.receivedAt.getTime()));
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO "WebhookDelivery" (id, "receivedAt", headers, body, "ackMs") VALUES (gen_random_uuid(), $1, $2, $3, $4) RETURNING id`,
      [input.receivedAt, JSON.stringify(input.headers), Buffer.from(input.body), ackMs],
    );
    const deliveryId = rows[0]!.id;
    await processWebhookJob.send(
      { deliveryId },
      // Processing normally happens right after the 200; the job is the guarantee, so it waits a little
      // before checking, instead of contending with that first attempt.
      { startAfter: 10, db: { executeSql: (text, values) => client.query(text, values) } },
    );
    await client.query("COMMIT");
    return deliveryId;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
