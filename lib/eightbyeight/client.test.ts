import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { RateLimitedError } from "@/lib/errors";
import { createEightByEightClient, type EightByEightConfig } from "./client";
import { EightByEightApiError, EightByEightUnreachableError } from "./errors";
import { createMemoryRateLimiter, takeToken } from "./rate-limiter";
import { backoffDelay, DEFAULT_RETRY, parseRetryAfter } from "./request";

const corpus = (name: string) =>
  readFileSync(path.resolve("lib/examples/corpus/seed-api-examples", name), "utf8");

type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;
type Seen = { method: string; url: string; authorization: string | undefined; body: string };

let server: Server;
let baseUrl: string;
let handler: Handler;
let seen: Seen[];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      seen.push({
        method: req.method ?? "",
        url: req.url ?? "",
        authorization: req.headers.authorization,
        body,
      });
      handler(req, res, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  seen = [];
});

const ACCOUNT = "5f3c1d2e-8a4b-4c6d-9e0f-1a2b3c4d5e6f";

function client(overrides: Partial<EightByEightConfig> = {}) {
  return createEightByEightClient({
    baseUrl,
    apiKey: "test-key-1234",
    accountId: ACCOUNT,
    subAccountId: "sub-1",
    retry: { baseDelayMs: 5, maxDelayMs: 20, maxRetries: 2 },
    timeoutMs: 2_000,
    ...overrides,
  });
}

function reply(status: number, body?: string, headers: Record<string, string> = {}): Handler {
  return (_req, res) => {
    res.writeHead(status, { "content-type": "application/json", ...headers });
    res.end(body);
  };
}

function sequence(...handlers: Handler[]): Handler {
  let i = 0;
  return (req, res, body) => handlers[Math.min(i++, handlers.length - 1)]!(req, res, body);
}

describe("errors", () => {
  const cases = [
    { file: "error--1001.json", status: 400, code: 1001, sentence: /sub-account id does not belong/ },
    { file: "error--1002.json", status: 400, code: 1002, sentence: /E\.164/ },
    { file: "error--1200.json", status: 401, code: 1200, sentence: /did not accept the API key/ },
    { file: "error--2000.json", status: 500, code: 2000, sentence: /internal error/ },
    { file: "error--3060.json", status: 400, code: 3060, sentence: /reusing this template name/ },
    { file: "error--4018.json", status: 404, code: 4018, sentence: /does not know this message id/ },
    { file: "error--429.json", status: 429, code: 429, sentence: /rate limiting/ },
  ];
  it.each(cases)(
    "$file becomes a typed error with status, code, errorId and a sentence",
    async ({ file, status, code, sentence }) => {
      const body = corpus(file);
      handler = reply(status, body);
      const error = await client({ retry: { maxRetries: 0 } })
        .templates.list("ch-1")
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(EightByEightApiError);
      const apiError = error as EightByEightApiError;
      expect(apiError.httpStatus).toBe(status);
      expect(apiError.upstreamCode).toBe(code);
      expect(apiError.errorId).toBe(JSON.parse(body).errorId);
      expect(apiError.details).toMatchObject({
        method: "GET",
        status,
        upstreamCode: code,
        errorId: JSON.parse(body).errorId,
      });
      expect(apiError.message).toMatch(sentence);
    },
  );

  it("a 409 quotes 8x8's own words, since the boilerplate codes say nothing about state", async () => {
    handler = reply(
      409,
      JSON.stringify({
        code: 1001,
        message: "Flow must be in DRAFT status",
        errorId: "e-1",
        timestamp: "2025-01-01T00:00:00Z",
      }),
    );
    const error = (await client()
      .flows.delete("ch-1", "1")
      .catch((e: unknown) => e)) as EightByEightApiError;
    expect(error.httpStatus).toBe(409);
    expect(error.message).toContain('"Flow must be in DRAFT status"');
    expect(error.status).toBe(409);
  });

  it("an error that is not JSON still carries the HTTP status", async () => {
    handler = reply(404, "<html>Not found</html>", { "content-type": "text/html" });
    const error = (await client()
      .flows.get("ch-1", "1")
      .catch((e: unknown) => e)) as EightByEightApiError;
    expect(error).toBeInstanceOf(EightByEightApiError);
    expect(error.httpStatus).toBe(404);
    expect(error.upstreamCode).toBeUndefined();
  });

  it("a success in an unknown shape is an invalid_response, not a crash", async () => {
    handler = reply(200, JSON.stringify({ flows: [{ nope: true }] }));
    const error = (await client()
      .flows.list("ch-1")
      .catch((e: unknown) => e)) as EightByEightUnreachableError;
    expect(error).toBeInstanceOf(EightByEightUnreachableError);
    expect(error.reason).toBe("invalid_response");
  });

  it("never puts the API key in an error", async () => {
    handler = reply(401, corpus("error--1200.json"));
    const error = (await client()
      .flows.list("ch-1")
      .catch((e: unknown) => e)) as Error;
    expect(
      JSON.stringify({ message: error.message, details: (error as EightByEightApiError).details }),
    ).not.toContain("test-key-1234");
  });
});

describe("retries", () => {
  it("retries a GET after 5xx and succeeds", async () => {
    handler = sequence(
      reply(500, corpus("error--2000.json")),
      reply(503, ""),
      reply(200, corpus("flow-list-response--two-flows.json")),
    );
    const flows = await client().flows.list("ch-1");
    expect(flows.map((f) => f.name)).toEqual(["Loan Collection", "2025-10-08T15:17:51.241+08:00"]);
    expect(seen).toHaveLength(3);
  });

  it("gives up after maxRetries and reports the last error", async () => {
    handler = reply(500, corpus("error--2000.json"));
    const error = (await client()
      .flows.list("ch-1")
      .catch((e: unknown) => e)) as EightByEightApiError;
    expect(error.httpStatus).toBe(500);
    expect(seen).toHaveLength(3);
  });

  it("does not repeat a create after a 5xx (8x8 may have created the flow)", async () => {
    handler = reply(500, corpus("error--2000.json"));
    await expect(client().flows.create("ch-1", { name: "x", categories: ["OTHER"] })).rejects.toBeInstanceOf(
      EightByEightApiError,
    );
    expect(seen).toHaveLength(1);
  });

  it("retries any request on 429 and waits the Retry-After seconds", async () => {
    handler = sequence(reply(429, corpus("error--429.json"), { "retry-after": "1" }), reply(200, "{}"));
    const started = Date.now();
    await client().templates.add("ch-1", {
      name: "t",
      language: "en_US",
      category: "UTILITY",
      components: [{ type: "BODY", text: "Hi" }],
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(seen).toHaveLength(2);
  });

  it("does not wait longer than allowed for a Retry-After: fails with the wait in the error", async () => {
    handler = reply(429, corpus("error--429.json"), { "retry-after": "120" });
    const error = (await client()
      .flows.list("ch-1")
      .catch((e: unknown) => e)) as EightByEightApiError;
    expect(error.httpStatus).toBe(429);
    expect(error.retryAfterSeconds).toBe(120);
    expect(seen).toHaveLength(1);
  });

  it("times out a request that does not answer, retrying idempotent ones", async () => {
    handler = () => undefined; // never answers
    const error = (await client({ timeoutMs: 150, retry: { maxRetries: 1, baseDelayMs: 1 } })
      .flows.get("ch-1", "1")
      .catch((e: unknown) => e)) as EightByEightUnreachableError;
    expect(error).toBeInstanceOf(EightByEightUnreachableError);
    expect(error.reason).toBe("timeout");
    expect(seen).toHaveLength(2);
  });

  it("retries a refused connection, even for a POST, then reports the API unreachable", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    let calls = 0;
    const countingFetch: typeof fetch = (input, init) => {
      calls += 1;
      return fetch(input, init);
    };
    const error = (await client({ baseUrl: `http://127.0.0.1:${port}`, fetch: countingFetch })
      .messages.send({ user: { msisdn: "+15551234567" }, type: "text", content: { text: "hi" } })
      .catch((e: unknown) => e)) as EightByEightUnreachableError;
    expect(error.reason).toBe("network");
    expect(calls).toBe(3);
  });

  it("backs off exponentially with full jitter, capped", () => {
    expect(backoffDelay(0, DEFAULT_RETRY, () => 1)).toBe(400);
    expect(backoffDelay(3, DEFAULT_RETRY, () => 1)).toBe(3200);
    expect(backoffDelay(10, DEFAULT_RETRY, () => 1)).toBe(8000);
    expect(backoffDelay(3, DEFAULT_RETRY, () => 0)).toBe(0);
  });

  it("reads Retry-After as seconds or an HTTP date", () => {
    expect(parseRetryAfter("2")).toBe(2000);
    expect(parseRetryAfter(new Date(Date.now() + 5000).toUTCString(), Date.now())).toBeGreaterThan(3000);
    expect(parseRetryAfter("soon")).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
  });
});

describe("rate limiter", () => {
  it("a token bucket refills at the rate and caps at the burst", () => {
    const limit = { burst: 2, perMinute: 60 };
    let step = takeToken(undefined, 0, limit);
    expect(step.waitMs).toBe(0);
    step = takeToken(step.state, 0, limit);
    expect(step.waitMs).toBe(0);
    const empty = takeToken(step.state, 0, limit);
    expect(empty.waitMs).toBe(1000);
    expect(takeToken(empty.state, 1000, limit).waitMs).toBe(0);
    expect(takeToken({ tokens: 0, refilledAt: 0 }, 3_600_000, limit).state.tokens).toBe(1);
  });

  it("the default limit can never exceed 100 flow requests in a minute", async () => {
    const { FLOW_API_LIMIT } = await import("./rate-limiter");
    expect(FLOW_API_LIMIT.burst + FLOW_API_LIMIT.perMinute).toBeLessThan(100);
  });

  it("flow endpoints wait for the limiter; other endpoints do not use it", async () => {
    handler = reply(200, corpus("flow-list-response--one-flow.json"));
    const limiter = createMemoryRateLimiter({ limit: { burst: 2, perMinute: 120 } });
    const c = client({ limiter });
    const started = Date.now();
    await c.flows.list("ch-1");
    await c.flows.list("ch-1");
    await c.flows.list("ch-1"); // the third waits ~500 ms for a token
    expect(Date.now() - started).toBeGreaterThanOrEqual(450);
    handler = reply(200, JSON.stringify({ templates: [] }));
    const before = Date.now();
    await c.templates.list("ch-1");
    expect(Date.now() - before).toBeLessThan(300);
  });

  it("refuses with a RateLimitedError instead of waiting too long", async () => {
    handler = reply(200, corpus("flow-list-response--one-flow.json"));
    const limiter = createMemoryRateLimiter({ limit: { burst: 1, perMinute: 1 }, maxWaitMs: 100 });
    const c = client({ limiter });
    await c.flows.list("ch-1");
    await expect(c.flows.list("ch-1")).rejects.toBeInstanceOf(RateLimitedError);
    expect(seen).toHaveLength(1);
  });
});

describe("requests and documented answer variants", () => {
  it("calls path style A with the Bearer key and a JSON body", async () => {
    handler = reply(200, corpus("flow-create-response--ok.json"));
    const result = await client().flows.create("ch 1", {
      name: "Example Flow",
      categories: ["OTHER"],
      flowJson: "{}",
    });
    expect(result).toEqual({ id: "866937862658913", status: undefined, validationErrors: [] });
    expect(seen[0]).toMatchObject({
      method: "POST",
      url: `/api/v1/accounts/${ACCOUNT}/channels/ch%201/flows`,
      authorization: "Bearer test-key-1234",
    });
    expect(JSON.parse(seen[0]!.body)).toEqual({
      name: "Example Flow",
      categories: ["OTHER"],
      flowJson: "{}",
    });
  });

  it.each([
    ["flow-create-response--with-validation-errors.json", 1],
    ["flow-create-response--flows-api-guide.json", 0],
    ["flow-update-response--with-validation-errors.json", 1],
    ["flow-create-response--cpaas-lead-generation.json", 0],
  ])("parses the save answer %s (camelCase or snake_case errors)", async (file, errors) => {
    handler = reply(200, corpus(file));
    const result = await client().flows.update("ch-1", "1", { name: "x" });
    expect(result.id).toBeTruthy();
    expect(result.validationErrors).toHaveLength(errors);
  });

  it("downloads flowJsonUrl without the API key when 8x8 gives no inline flowJson", async () => {
    const flowJson = '{"version":"7.3","screens":[]}';
    handler = (req, res) => {
      if (req.url?.startsWith("/download")) return reply(200, flowJson)(req, res, "");
      return reply(
        200,
        JSON.stringify({
          flowId: "822625023859371",
          flowJsonUrl: `${baseUrl}/download/x?sig=1`,
          name: "Example flow",
          status: "DRAFT",
          categories: ["OTHER"],
        }),
      )(req, res, "");
    };
    const details = await client().flows.get("ch-1", "822625023859371", { includeFlowJson: true });
    expect(details).toMatchObject({ id: "822625023859371", name: "Example flow", status: "DRAFT", flowJson });
    expect(seen[1]).toMatchObject({ url: "/download/x?sig=1", authorization: undefined });
  });

  it("takes the guide's inline flowJson and snake_case errors", async () => {
    handler = reply(200, corpus("flow-get-response--flows-api-guide.json"));
    const details = await client().flows.get("ch-1", "1", { includeFlowJson: true });
    expect(details.flowJson).toContain("screens");
    expect(seen).toHaveLength(1);
  });

  it("publish and deprecate accept an empty body or the guide's body", async () => {
    handler = reply(200, "");
    await client().flows.publish("ch-1", "1");
    handler = reply(200, corpus("flow-deprecate-response--flows-api-guide.json"));
    await client().flows.deprecate("ch-1", "1");
    handler = reply(204);
    await client().flows.delete("ch-1", "1");
    expect(seen.map((s) => `${s.method} ${s.url.split("/flows/")[1]}`)).toEqual([
      "POST 1/publish",
      "POST 1/deprecate",
      "DELETE 1",
    ]);
  });

  it.each(["flow-preview-response.json", "flow-preview-response--flows-api-guide.json"])(
    "parses the preview answer %s",
    async (file) => {
      handler = reply(200, corpus(file));
      const preview = await client().flows.preview("ch-1", "1", { refresh: true });
      expect(preview.previewUrl).toMatch(/^https:\/\/business\.facebook\.com/);
      expect(preview.expiresAt?.getUTCFullYear()).toBeGreaterThanOrEqual(2025);
      expect(seen[0]!.url).toContain("refresh=true");
    },
  );

  it("reads both template list samples, with the flow ids of Flow buttons", async () => {
    handler = reply(200, corpus("template-list-response--example.json"));
    const templates = await client().templates.list("ch-1");
    expect(templates.length).toBeGreaterThan(0);
    expect(templates[0]).toMatchObject({
      name: expect.any(String),
      language: expect.any(String),
      status: expect.any(String),
    });
  });

  it("reads message details and the send answer's umid", async () => {
    handler = reply(200, corpus("message-details-response--example.json"));
    const details = await client().messages.getDetails("dec02e44-c76f-4a0a-b69f-6ac2a4386eb9");
    expect(details[0]?.umid).toBeTruthy();
    expect(seen[0]!.url).toBe("/api/v1/subaccounts/sub-1/messages/dec02e44-c76f-4a0a-b69f-6ac2a4386eb9");
    handler = reply(200, JSON.stringify({ umid: "u-1" }));
    expect(
      await client().messages.send(JSON.parse(corpus("message-send--template-flow-button.json"))),
    ).toEqual({ umid: "u-1" });
  });

  it.each([
    [
      "media-upload-response--media-hosting.json",
      { location: "/files/f041c4fa554941b2acba0191859707b9.png?token=abc" },
      "/files/f041c4fa554941b2acba0191859707b9.png?token=abc",
    ],
    [
      "media-upload-response--api-guide.json",
      {},
      "https://chatapps.8x8.com/files/abc123def456.jpg?token=xyz789",
    ],
  ])("uploads media as multipart `file` and normalises %s", async (file, headers, url) => {
    handler = reply(200, corpus(file), headers);
    const result = await client().media.upload(
      new Blob([new Uint8Array([1, 2, 3])], { type: "image/png" }),
      "receipt.png",
    );
    expect(result.url.endsWith(url)).toBe(true);
    expect(seen[0]!.body).toContain('name="file"; filename="receipt.png"');
  });
});
