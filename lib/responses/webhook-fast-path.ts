import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { toErrorResponse } from "@/lib/http/handle-route";
import { receiveWebhook } from "./receive-webhook";

const WEBHOOK_PATH = "/api/webhooks/8x8";

/**
 * Answers POST /api/webhooks/8x8 straight from node:http, skipping Next.js' request pipeline, whose cost
 * per request capped ingestion below issue 8's target. The behaviour is receiveWebhook's, the same as the
 * route handler's. The handler returns false for every other request, for the caller to hand to Next.js.
 * `headers` are those next.config.mjs adds to every response, so both answers look alike.
 */
export function createWebhookFastPath(options: { headers: Record<string, string> }) {
  return (request: IncomingMessage, response: ServerResponse): boolean => {
    if (request.method !== "POST" || pathOf(request.url) !== WEBHOOK_PATH) return false;
    void answer(request, response, options.headers);
    return true;
  };
}

function pathOf(url = ""): string {
  const query = url.indexOf("?");
  return query === -1 ? url : url.slice(0, query);
}

async function answer(request: IncomingMessage, response: ServerResponse, headers: Record<string, string>) {
  let status: number;
  let json: string;
  try {
    // Not destroyed when reading stops at the size limit: the connection must stay open for the 413.
    const body = request.iterator({ destroyOnReturn: false }) as AsyncIterable<Uint8Array>;
    const reply = await receiveWebhook({ url: request.url ?? "", headers: request.headers, body });
    status = reply.status;
    json = JSON.stringify(reply.json);
  } catch (error) {
    const reply = toErrorResponse(error);
    status = reply.status;
    json = await reply.text();
  }
  response.writeHead(status, {
    ...headers,
    "content-type": "application/json",
    "content-length": Buffer.byteLength(json),
  });
  response.end(json);
  // The rest of an oversized body is read and dropped, as Node.js does with bodies nobody reads: the sender
  // (who had the token) gets its 413 instead of a broken pipe, and the connection stays usable.
  if (!request.complete) request.resume();
}
