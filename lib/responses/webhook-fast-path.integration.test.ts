import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { POST } from "@/app/api/webhooks/8x8/route";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { resetDatabase } from "@/lib/testing/database";
import { MAX_WEBHOOK_BODY_BYTES } from "./receive-webhook";
import { createWebhookFastPath } from "./webhook-fast-path";

// The fast path as scripts/server.ts mounts it, with a stand-in for Next.js behind it.
const handleWebhook = createWebhookFastPath({ headers: { "X-Frame-Options": "SAMEORIGIN" } });
const server = http.createServer((request, response) => {
  if (handleWebhook(request, response)) return;
  response.writeHead(418).end("next");
});
let base = "";

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => resetDatabase());

const url = (query = "") => `${base}/api/webhooks/8x8${query}`;
const token = () => getEnv().WEBHOOK_TOKEN;
const storedCount = () => getDb().webhookDelivery.count();

describe("POST /api/webhooks/8x8 on the fast path", () => {
  it("answers 401 with the route's JSON body for a wrong or missing token, storing nothing", async () => {
    const attempts: { url: string; headers: Record<string, string> }[] = [
      { url: url("?token=wrong-token-wrong-token-wrong"), headers: {} },
      { url: url(), headers: { authorization: "Bearer wrong-token-wrong-token-wrong" } },
      { url: url(), headers: {} },
    ];
    for (const init of attempts) {
      const response = await fetch(init.url, { method: "POST", headers: init.headers, body: "{}" });
      expect(response.status).toBe(401);
      expect(response.headers.get("content-type")).toBe("application/json");
      expect(await response.json()).toEqual({
        error: { code: "unauthenticated", message: "The webhook token is missing or wrong." },
      });
    }
    expect(await storedCount()).toBe(0);
  });

  it("answers 413 for a body over the limit, declared or streamed without a length, storing nothing", async () => {
    const oversized = new Uint8Array(MAX_WEBHOOK_BODY_BYTES + 1);
    // Produced as it is sent: still sending when the 413 comes, and must not end in a broken pipe.
    let sent = 0;
    const streamed = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent > 2 * MAX_WEBHOOK_BODY_BYTES) return controller.close();
        sent += 64 * 1024;
        controller.enqueue(new Uint8Array(64 * 1024));
      },
    });
    for (const body of [oversized, streamed]) {
      const response = await fetch(url(`?token=${token()}`), {
        method: "POST",
        body,
        duplex: "half", // required by Node's fetch for a stream body, missing from the DOM typings
      } as RequestInit);
      expect(response.status).toBe(413);
      expect(await response.json()).toEqual({
        error: { code: "payload_too_large", message: "The body is larger than 1 MB." },
      });
    }
    expect(await storedCount()).toBe(0);
  });

  it("stores the delivery before answering 200, then processes it without waiting for the sweep", async () => {
    const body = JSON.stringify({ eventType: "not-a-known-event" });
    const response = await fetch(url(), {
      method: "POST",
      headers: { authorization: `Bearer ${token()}`, "content-type": "application/json", cookie: "a=b" },
      body,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("x-frame-options")).toBe("SAMEORIGIN");
    const json = (await response.json()) as { received: boolean; deliveryId: string };
    expect(json).toEqual({ received: true, deliveryId: expect.stringMatching(/^[0-9a-f-]{36}$/) });

    const stored = await getDb().webhookDelivery.findUniqueOrThrow({ where: { id: json.deliveryId } });
    expect(Buffer.from(stored.body).toString()).toBe(body);
    expect(stored.headers).toMatchObject({ "content-type": "application/json" });
    expect(stored.headers).not.toHaveProperty("authorization");
    expect(stored.headers).not.toHaveProperty("cookie");
    await expect
      .poll(
        async () =>
          (await getDb().webhookDelivery.findUniqueOrThrow({ where: { id: json.deliveryId } })).result,
      )
      .not.toBe("PENDING");
  });

  it("leaves every other request to Next.js", async () => {
    expect((await fetch(url(`?token=${token()}`))).status).toBe(418);
    const elsewhere = await fetch(`${base}/api/webhooks/8x8x?token=${token()}`, {
      method: "POST",
      body: "{}",
    });
    expect(elsewhere.status).toBe(418);
    expect(await storedCount()).toBe(0);
  });
});

describe("the route handler (next dev) and the fast path", () => {
  it("give the same answers", async () => {
    const viaRoute = async (query: string, body: BodyInit) => {
      const response = await POST(new Request(url(query), { method: "POST", body }), {
        params: Promise.resolve({}),
      });
      return { status: response.status, json: await response.json() };
    };
    const viaFastPath = async (query: string, body: BodyInit) => {
      const response = await fetch(url(query), { method: "POST", body });
      return { status: response.status, json: await response.json() };
    };
    for (const [query, body] of [
      ["?token=wrong-token-wrong-token-wrong", "{}"],
      [`?token=${token()}`, new Uint8Array(MAX_WEBHOOK_BODY_BYTES + 1)],
    ] as const) {
      expect(await viaRoute(query, body)).toEqual(await viaFastPath(query, body));
    }
    const stored = await viaRoute(`?token=${token()}`, "{}");
    expect(stored).toEqual({ status: 200, json: { received: true, deliveryId: expect.any(String) } });
    await expect
      .poll(
        async () =>
          (await getDb().webhookDelivery.findUnique({ where: { id: stored.json.deliveryId } }))?.result,
      )
      .not.toBe("PENDING");
  });
});
