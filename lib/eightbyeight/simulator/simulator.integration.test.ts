import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { stopQueue } from "@/lib/jobs";
import { resetDatabase, testDatabaseUrl } from "@/lib/testing/database";
import { createSimulatorFetch } from "./in-process-fetch";
import { injectFault } from "./faults";
import { simulateFlowSubmission } from "./messages";
import { deliverWebhookJob } from "./webhooks";

/**
 * Contract tests: every request of seed-api-examples is replayed against the simulator on both path styles, and
 * its answers must have the documented shapes (the same keys and JSON types as the examples 8x8 publishes).
 */
const corpus = (name: string): unknown =>
  JSON.parse(readFileSync(path.resolve("lib/examples/corpus/seed-api-examples", name), "utf8"));
const KEY = "sim-contract-key";
const BASE = "http://localhost:3999/api/sim/8x8";
const ACCOUNT = "5f3c1d2e-8a4b-4c6d-9e0f-1a2b3c4d5e6f";
const CHANNEL = "ec36a867-3dd4-e911-814a-02d85f55fce8";
const sim = createSimulatorFetch({ baseUrl: BASE, apiKey: KEY });
const A = `/api/v1/accounts/${ACCOUNT}/channels/${CHANNEL}`;
const B = `/config/v1/channels/whatsapp/${CHANNEL}`;

async function call(method: string, route: string, body?: unknown, headers: Record<string, string> = {}) {
  const response = await sim(`${BASE}${route}`, {
    method,
    headers: {
      Authorization: `Bearer ${KEY}`,
      ...(body !== undefined ? { "Content-Type": "application/json" } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    text,
    json: text ? (JSON.parse(text) as Record<string, unknown>) : undefined,
  };
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
/** Same keys and JSON types, recursively (arrays by their first item); values may differ. */
function shapeOf(value: unknown): Json {
  if (Array.isArray(value)) return value.length > 0 ? [shapeOf(value[0])] : [];
  if (value !== null && typeof value === "object")
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, shapeOf((value as Record<string, unknown>)[k])]),
    );
  return typeof value;
}

const validFlowJson = readFileSync(
  path.resolve("lib/examples/corpus/seed-examples/flows-api-appointment-booking.json"),
  "utf8",
);

async function createFlow(prefix: string, flowJson = validFlowJson) {
  const created = await call("POST", `${prefix}/flows`, {
    name: "Contract flow",
    categories: ["OTHER"],
    flowJson,
  });
  return String(created.json!.id);
}

let webhookServer: Server;
let webhooks: { headers: Record<string, unknown>; body: string }[] = [];

beforeAll(async () => {
  testDatabaseUrl();
  webhookServer = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      webhooks.push({ headers: req.headers, body });
      res.end("{}");
    });
  });
  await new Promise<void>((resolve) => webhookServer.listen(0, "127.0.0.1", resolve));
  process.env.NEXTAUTH_URL = `http://127.0.0.1:${(webhookServer.address() as AddressInfo).port}`;
  resetEnvCache();
});
afterAll(async () => {
  await stopQueue();
  await new Promise<void>((resolve) => webhookServer.close(() => resolve()));
});
beforeEach(async () => {
  await resetDatabase();
  webhooks = [];
});

describe("authentication and error bodies", () => {
  it.each([undefined, "Bearer wrong-key", "Basic abc"])(
    "answers 401 with the documented 1200 body for %s",
    async (authorization) => {
      const response = await sim(`${BASE}${A}/flows`, {
        headers: authorization ? { Authorization: authorization } : {},
      });
      const body = await response.json();
      expect(response.status).toBe(401);
      expect(shapeOf(body)).toEqual(shapeOf(corpus("error--1200.json")));
      expect(body).toMatchObject({ code: 1200, message: "Request was not authenticated properly" });
      expect(body.errorId).toMatch(/^[0-9a-f-]{36}$/);
    },
  );

  it("injected 500 answers the documented 2000 body, then the API works again", async () => {
    await injectFault({ kind: "error500", pathContains: "/flows", count: 1 });
    const failed = await call("GET", `${A}/flows`);
    expect(failed.status).toBe(500);
    expect(failed.json).toMatchObject({ code: 2000, message: "Internal server error" });
    expect(shapeOf(failed.json)).toEqual(shapeOf(corpus("error--2000.json")));
    expect((await call("GET", `${A}/flows`)).status).toBe(200);
  });

  it("injected 429 answers the documented body with Retry-After", async () => {
    await injectFault({ kind: "rateLimit429", count: 1 });
    const limited = await call("GET", `${A}/flows`);
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("1");
    expect(shapeOf(limited.json)).toEqual(shapeOf(corpus("error--429.json")));
  });

  it("a slow fault delays the answer", async () => {
    await injectFault({ kind: "slow", count: 1, delayMs: 300 });
    const started = Date.now();
    expect((await call("GET", `${A}/flows`)).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  it("lists the API requests it answered, a failed one included, behind the control key", async () => {
    const before = (await call("GET", "/_control/requests")).json!.requests as { seq: number }[];
    const after = before.at(-1)?.seq ?? 0;
    await injectFault({ kind: "error500", pathContains: "/flows", count: 1 });
    expect((await call("GET", `${A}/flows?limit=5`)).status).toBe(500);
    expect((await call("GET", `${B}/flows`)).status).toBe(200);
    const { requests } = (await call("GET", "/_control/requests")).json as {
      requests: { seq: number; method: string; path: string; query: string }[];
    };
    expect(requests.filter((r) => r.seq > after)).toEqual([
      { seq: after + 1, method: "GET", path: `${A}/flows`, query: "limit=5" },
      { seq: after + 2, method: "GET", path: `${B}/flows`, query: "" },
    ]);
    const anonymous = await sim(`${BASE}/_control/requests`);
    expect(anonymous.status).toBe(401);
  });

  it("enforces 100 flow requests a minute per key with the 429 body", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 101; i++) statuses.push((await call("GET", `${A}/flows?limit=1`)).status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(100);
    const limited = await call("GET", `${A}/flows`);
    expect(limited.status).toBe(429);
    expect(limited.json!.message).toMatch(/^Quota exceeded\. Please try again in \d+ second\(s\)\.$/);
  });

  it("rejects a malformed accountId on path style A", async () => {
    const response = await call("GET", `/api/v1/accounts/not-a-guid/channels/${CHANNEL}/flows`);
    expect(response.status).toBe(400);
  });
});

describe.each([
  ["A", A],
  ["B", B],
])("flow lifecycle on path style %s", (style, prefix) => {
  it.each([
    "flow-create-request--cpaas-lead-generation.json",
    "flow-create-request--flows-api-appointment-booking.json",
    "flow-create-request--healthcare-appointment.json",
    "flow-create-request--professional-services-appointment-booking.json",
    "flow-create-request--retail-product-return-exchange.json",
  ])("replays %s and answers in the documented create shape", async (file) => {
    const created = await call("POST", `${prefix}/flows`, corpus(file));
    expect(created.status).toBe(style === "A" ? 200 : 201);
    const errors = (created.json!.validationErrors ?? created.json!.validation_errors ?? []) as unknown[];
    if (style === "B") {
      // The guide's sample has an empty validation_errors, so compare the keys; the items are checked below.
      expect(Object.keys(created.json!).sort()).toEqual(
        Object.keys(corpus("flow-create-response--flows-api-guide.json") as object).sort(),
      );
    } else {
      const documented =
        errors.length > 0
          ? "flow-create-response--with-validation-errors.json"
          : "flow-create-response--ok.json";
      expect(shapeOf(created.json)).toEqual(shapeOf(corpus(documented)));
    }
    if (errors.length > 0)
      expect(shapeOf(errors[0])).toEqual(
        shapeOf(
          (corpus("flow-create-response--with-validation-errors.json") as { validationErrors: unknown[] })
            .validationErrors[0],
        ),
      );
    const listed = await call("GET", `${prefix}/flows`);
    expect(shapeOf(listed.json)).toEqual(shapeOf(corpus("flow-list-response--one-flow.json")));
    expect((listed.json!.flows as { id: string; status: string }[])[0]).toMatchObject({
      id: created.json!.id,
      status: "DRAFT",
    });
  });

  it("saves an invalid flowJson as a draft with positioned validation errors, and refuses to publish it", async () => {
    const created = await call("POST", `${prefix}/flows`, {
      name: "Broken",
      categories: ["OTHER"],
      flowJson: '{"version":"7.3","screens":[{"id":"A","layout":{"type":"Nope","children":[]}}]}',
    });
    const errors = (created.json!.validationErrors ?? created.json!.validation_errors) as Record<
      string,
      unknown
    >[];
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]).toMatchObject({
      errorType: "FLOW_JSON_ERROR",
      lineStart: 1,
      pointers: [expect.objectContaining({ path: expect.any(String) })],
    });
    const published = await call("POST", `${prefix}/flows/${created.json!.id}/publish`);
    expect(published.status).toBe(422);
  });

  it("gets a flow in the documented shape, with flowJsonUrl (A) or inline flowJson (B)", async () => {
    const id = await createFlow(prefix);
    const got = await call("GET", `${prefix}/flows/${id}`);
    if (style === "A") {
      expect(shapeOf(got.json)).toEqual(shapeOf(corpus("flow-get-response--published-no-errors.json")));
      const download = await sim(String(got.json!.flowJsonUrl));
      expect(await download.text()).toBe(validFlowJson);
      expect((await sim(String(got.json!.flowJsonUrl).replace(/token=[^&]+/, "token=wrong"))).status).toBe(
        404,
      );
    } else {
      expect(shapeOf(got.json)).toEqual(shapeOf(corpus("flow-get-response--flows-api-guide.json")));
      expect(got.json!.flowJson).toBe(validFlowJson);
    }
  });

  it("updates a draft (documented shape), publishes, refuses update/delete when published, deprecates", async () => {
    const id = await createFlow(prefix);
    const updated = await call("PUT", `${prefix}/flows/${id}`, { name: "Example Flow - Updated" });
    expect(shapeOf(updated.json)).toEqual(
      shapeOf(
        corpus(
          style === "A" ? "flow-update-response--ok.json" : "flow-create-response--flows-api-guide.json",
        ),
      ),
    );
    expect((await call("PUT", `${prefix}/flows/${id}`, {})).status).toBe(400);

    const published = await call("POST", `${prefix}/flows/${id}/publish`);
    expect(published.status).toBe(200);
    if (style === "A") expect(published.text).toBe("");
    else
      expect(shapeOf(published.json)).toEqual(shapeOf(corpus("flow-publish-response--flows-api-guide.json")));

    expect((await call("PUT", `${prefix}/flows/${id}`, { name: "x" })).json).toMatchObject({
      code: 4009,
      message: "Flow must be in DRAFT status",
    });
    expect((await call("DELETE", `${prefix}/flows/${id}`)).status).toBe(409);
    expect((await call("POST", `${prefix}/flows/${id}/publish`)).status).toBe(409);

    const deprecated = await call("POST", `${prefix}/flows/${id}/deprecate`);
    expect(deprecated.status).toBe(200);
    if (style === "B")
      expect(shapeOf(deprecated.json)).toEqual(
        shapeOf(corpus("flow-deprecate-response--flows-api-guide.json")),
      );
    expect((await call("POST", `${prefix}/flows/${id}/deprecate`)).status).toBe(409);
    expect((await call("DELETE", `${prefix}/flows/${id}`)).status).toBe(409);
  });

  it("deletes a draft with 204, then it is 404", async () => {
    const id = await createFlow(prefix);
    const deleted = await call("DELETE", `${prefix}/flows/${id}`);
    expect(deleted.status).toBe(204);
    expect(deleted.text).toBe("");
    const missing = await call("GET", `${prefix}/flows/${id}`);
    expect(missing.status).toBe(404);
    expect(missing.json).toMatchObject({ code: 4004, message: "Flow not found" });
  });

  it("previews in the documented shape; refresh=true makes a new URL", async () => {
    const id = await createFlow(prefix);
    const first = await call("GET", `${prefix}/flows/${id}/preview`);
    expect(shapeOf(first.json)).toEqual(
      shapeOf(
        corpus(style === "A" ? "flow-preview-response.json" : "flow-preview-response--flows-api-guide.json"),
      ),
    );
    if (style === "A") expect(first.json!.expires_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0000$/);
    const again = await call("GET", `${prefix}/flows/${id}/preview?refresh=false`);
    expect(again.json!.preview_url).toBe(first.json!.preview_url);
    const refreshed = await call("GET", `${prefix}/flows/${id}/preview?refresh=true`);
    expect(refreshed.json!.preview_url).not.toBe(first.json!.preview_url);
    expect((await sim(String(refreshed.json!.preview_url))).status).toBe(200);
  });

  it.each([
    [{ categories: ["OTHER"] }, "name is required"],
    [{ name: "x" }, "categories is required"],
    [{ name: "x", categories: ["NOPE"] }, "Invalid category 'NOPE'"],
    [{ name: "x", categories: ["OTHER"], flowJson: { version: "7.3" } }, "flowJson must be a string"],
  ])("refuses create body %j: %s", async (body, message) => {
    const response = await call("POST", `${prefix}/flows`, body);
    expect(response.status).toBe(400);
    expect(response.json).toMatchObject({ code: 1000, message });
  });
});

describe("templates", () => {
  it("replays the Flow-button template: {} then PENDING; its published flow cannot be deleted; the name cannot be reused", async () => {
    const request = corpus("template-create--appointment-reminder-flow-button.json") as {
      components: { buttons?: { flowId: string }[] }[];
    };
    const id = await createFlow(A);
    // Before publishing, a Flow button is refused.
    request.components.find((c) => c.buttons)!.buttons![0]!.flowId = id;
    expect((await call("POST", `${A}/templates`, request)).json).toMatchObject({
      message: "Flow is not published",
    });
    await call("POST", `${A}/flows/${id}/publish`);
    const added = await call("POST", `${A}/templates`, request);
    expect(added.status).toBe(200);
    expect(added.json).toEqual({});
    const listed = await call("GET", `${A}/templates`);
    const documented = corpus("template-list-response--example.json") as {
      templates: Record<string, unknown>[];
    };
    const item = (listed.json!.templates as Record<string, unknown>[])[0]!;
    for (const key of Object.keys(documented.templates[0]!)) expect(item).toHaveProperty(key);
    expect(item).toMatchObject({ templateName: "appointment_reminder", status: "PENDING" });

    const removed = await call("DELETE", `${A}/templates/appointment_reminder`);
    expect(removed.json).toEqual({});
    const reused = await call("POST", `${A}/templates`, request);
    expect(reused.status).toBe(400);
    expect(shapeOf(reused.json)).toEqual(shapeOf(corpus("error--3060.json")));
    expect(reused.json!.code).toBe(3060);
  });

  it("holds the guide's marketing example to the reference's 20-character buttons, and accepts its lower-case enums", async () => {
    const request = corpus("template-create--marketing-image-template-demo.json") as {
      components: { buttons?: { text: string }[] }[];
    };
    // "Discover all channels" is 21 characters: the guide's own example breaks the schema's limit (8x8-api.md §9 #19).
    expect((await call("POST", `${A}/templates`, request)).json).toMatchObject({
      code: 1000,
      message: "Button text must be non-empty and <= 20 characters",
    });
    request.components.find((c) => c.buttons)!.buttons![0]!.text = "Discover channels";
    const added = await call("POST", `${A}/templates`, request);
    expect(added.status).toBe(200);
    expect(added.json).toEqual({});
  });

  it("refuses a button label over 20 characters", async () => {
    const response = await call("POST", `${A}/templates`, {
      name: "too_long",
      language: "en_US",
      category: "UTILITY",
      components: [
        { type: "BODY", text: "Hi" },
        { type: "BUTTONS", buttons: [{ type: "QUICK_REPLY", text: "This label is far too long" }] },
      ],
    });
    expect(response.json).toMatchObject({
      code: 1000,
      message: "Button text must be non-empty and <= 20 characters",
    });
  });

  it("refuses to delete a draft flow a template references", async () => {
    const id = await createFlow(A);
    const { getDb } = await import("@/lib/db");
    await getDb().simTemplate.create({
      data: {
        channelId: CHANNEL,
        name: "legacy",
        language: "en_US",
        category: "UTILITY",
        status: "REJECTED",
        flowIds: [id],
      },
    });
    expect((await call("DELETE", `${A}/flows/${id}`)).json).toMatchObject({
      code: 4009,
      message: "Cannot delete Flows currently in use by templates",
    });
  });
});

describe("messages, media and webhooks", () => {
  /** Queued webhook jobs about one message (the queue outlives resetDatabase, so filter by umid). */
  async function webhookJobs(umid: string) {
    const client = new pg.Client({ connectionString: testDatabaseUrl() });
    await client.connect();
    try {
      return (
        await client.query<{ data: { event: { eventType: string; payload?: Record<string, unknown> } } }>(
          `SELECT data FROM pgboss.job WHERE name = 'sim-deliver-webhook' AND data->'event'->'payload'->>'umid' = $1 ORDER BY start_after`,
          [umid],
        )
      ).rows;
    } finally {
      await client.end();
    }
  }

  it("refuses a number that is not E.164 with the documented 1002 body", async () => {
    const response = await call("POST", "/api/v1/subaccounts/sub-1/messages", {
      user: { msisdn: "0612345678" },
      type: "text",
      content: { text: "hi" },
    });
    expect(response.status).toBe(400);
    expect(response.json).toMatchObject({
      code: 1002,
      message: "Invalid MSISDN format (not E.164 international number)",
    });
  });

  it.each([
    "message-send--interactive-flow-flows-api.json",
    "message-send--interactive-flow-healthcare-appointment.json",
    "message-send--interactive-flow-survey-curl.json",
  ])(
    "replays %s: refused outside the 24-hour window, accepted inside it with receipts queued",
    async (file) => {
      const body = corpus(file) as {
        user: { msisdn: string };
        content: { interactive: { action: { parameters: { flowId: string } } } };
      };
      const id = await createFlow(A);
      await call("POST", `${A}/flows/${id}/publish`);
      body.content.interactive.action.parameters.flowId = id;
      const outside = await call("POST", "/api/v1/subaccounts/sub-1/messages", body);
      expect(outside.json!.message).toMatch(/Outside service window/);
      const { getDb } = await import("@/lib/db");
      await getDb().simConversation.create({
        data: { channelId: CHANNEL, msisdn: body.user.msisdn, lastInboundAt: new Date() },
      });
      const sent = await call("POST", "/api/v1/subaccounts/sub-1/messages", body);
      expect(sent.status).toBe(200);
      expect(sent.json!.umid).toMatch(/^[0-9a-f-]{36}$/);
      const receipts = await webhookJobs(String(sent.json!.umid));
      expect(receipts.map((j) => (j.data.event.payload!.status as { state: string }).state)).toEqual([
        "sent",
        "delivered",
        "read",
      ]);
      const details = await call("GET", `/api/v1/subaccounts/sub-1/messages/${sent.json!.umid}`);
      expect(Object.keys((details.json!.data as Record<string, unknown>[])[0]!)).toEqual(
        expect.arrayContaining([
          "umid",
          "subAccountId",
          "channel",
          "channelId",
          "direction",
          "status",
          "contentType",
          "createdAt",
          "step",
        ]),
      );
      // 1 request a second per sub-account: of three at once, at most two can fall in different seconds.
      const burst = await Promise.all(
        [1, 2, 3].map(() => call("GET", `/api/v1/subaccounts/sub-1/messages/${sent.json!.umid}`)),
      );
      expect(burst.filter((r) => r.status === 429).length).toBeGreaterThanOrEqual(1);
    },
  );

  it("answers an unknown umid with the documented 4018 body", async () => {
    const response = await call(
      "GET",
      "/api/v1/subaccounts/sub-2/messages/dec02e44-c76f-4a0a-b69f-6ac2a4386eb9",
    );
    expect(response.status).toBe(404);
    expect(shapeOf(response.json)).toEqual(shapeOf(corpus("error--4018.json")));
  });

  it("uploads media (fileName, token and location, as documented) and serves it back by token", async () => {
    const form = new FormData();
    form.append("file", new Blob([new Uint8Array([137, 80, 78, 71])], { type: "image/png" }), "logo.png");
    const response = await sim(`${BASE}/api/v1/subaccounts/sub-1/files`, {
      method: "POST",
      headers: { Authorization: `Bearer ${KEY}` },
      body: form,
    });
    const body = await response.json();
    expect(shapeOf(body)).toEqual(shapeOf(corpus("media-upload-response--media-hosting.json")));
    const download = await sim(`${BASE}${response.headers.get("location")}`);
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(new Uint8Array([137, 80, 78, 71]));
    const unsupported = new FormData();
    unsupported.append("file", new Blob(["x"]), "script.exe");
    expect(
      (
        await sim(`${BASE}/api/v1/subaccounts/sub-1/files`, {
          method: "POST",
          headers: { Authorization: `Bearer ${KEY}` },
          body: unsupported,
        })
      ).status,
    ).toBe(415);
  });

  it("the test user's answer posts an nfmReply webhook like 8x8's, signed", async () => {
    const { umid } = await simulateFlowSubmission({
      channelExternalId: CHANNEL,
      recipient: "+15551234567",
      flowToken: "tok-1",
      responseJson: { name: "Jane", topics: ["a", "b"] },
    });
    const [job] = await webhookJobs(umid);
    await deliverWebhookJob.runNow(job!.data);
    const delivered = webhooks[0]!;
    const event = JSON.parse(delivered.body);
    expect(shapeOf(event)).toEqual(shapeOf(corpus("webhook--inbound-nfmreply.json")));
    expect(JSON.parse(event.payload.content.interactive.nfmReply.responseJson)).toEqual({
      name: "Jane",
      topics: ["a", "b"],
      flow_token: "tok-1",
    });
    expect(delivered.headers["x-8x8-signature"]).toMatch(/^sha256=[0-9a-f]{64}$/);
  });
});
