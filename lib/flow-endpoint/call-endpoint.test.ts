import { generateKeyPairSync } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { fetch as fetchPublicOnly } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callFlowEndpoint, FlowEndpointError } from "./call-endpoint";
import { decryptRequest, encryptResponse, type EncryptedRequest } from "./crypto";
import { NotPublicAddressError, publicOnlyDispatcher } from "./public-address";

// A fake data endpoint on 127.0.0.1 that does the real §12.2 decryption with its own RSA key pair.
const keys = generateKeyPairSync("rsa", {
  modulusLength: 2048,
  publicKeyEncoding: { type: "spki", format: "pem" },
  privateKeyEncoding: { type: "pkcs8", format: "pem" },
});
const otherKeys = generateKeyPairSync("rsa", {
  modulusLength: 2048,
  publicKeyEncoding: { type: "spki", format: "pem" },
  privateKeyEncoding: { type: "pkcs8", format: "pem" },
});

type Behaviour = (body: EncryptedRequest, response: ServerResponse) => void;
const behaviours: Record<string, Behaviour> = {
  "/ok": (body, response) => {
    let decrypted;
    try {
      decrypted = decryptRequest(body, keys.privateKey);
    } catch {
      response.writeHead(421).end();
      return;
    }
    const request = decrypted.payload as {
      screen: string;
      data: Record<string, unknown>;
      flow_token: string;
    };
    const answer = {
      screen: "NEXT",
      data: { echoed: request.data, token: request.flow_token, from: request.screen },
    };
    response.writeHead(200, { "Content-Type": "text/plain" }).end(encryptResponse(answer, decrypted.key));
  },
  "/closed": (_body, response) =>
    void response
      .writeHead(427, { "Content-Type": "application/json" })
      .end(JSON.stringify({ error_msg: "The order has already been placed" })),
  "/broken": (_body, response) => void response.writeHead(500).end("oops"),
  "/garbage": (_body, response) =>
    void response.writeHead(200, { "Content-Type": "text/plain" }).end("bm90IGEgY2lwaGVydGV4dCBhdCBhbGwh"),
  "/slow": () => undefined,
};

let server: Server;
let base = "";
const received: EncryptedRequest[] = [];

beforeAll(async () => {
  server = createServer((request: IncomingMessage, response: ServerResponse) => {
    let raw = "";
    request.on("data", (chunk) => (raw += chunk));
    request.on("end", () => {
      const body = JSON.parse(raw) as EncryptedRequest;
      received.push(body);
      behaviours[request.url ?? ""]?.(body, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => {
  server.closeAllConnections();
  server.close();
});

const request = {
  version: "3.0",
  action: "data_exchange",
  screen: "FIRST",
  data: { name: "Jane" },
  flow_token: "TOKEN",
};
const call = (path: string, extra: Partial<Parameters<typeof callFlowEndpoint>[0]> = {}) =>
  callFlowEndpoint({
    endpointUri: `${base}${path}`,
    publicKeyPem: keys.publicKey,
    request,
    allowHttpLocalhost: true,
    ...extra,
  });

async function failure(promise: Promise<unknown>): Promise<FlowEndpointError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FlowEndpointError);
  return error as FlowEndpointError;
}

describe("callFlowEndpoint", () => {
  it("encrypts the request so the endpoint can decrypt it, and decrypts the answer with the flipped IV", async () => {
    expect(await call("/ok")).toEqual({
      screen: "NEXT",
      data: { echoed: { name: "Jane" }, token: "TOKEN", from: "FIRST" },
    });
    const body = received.at(-1);
    expect(Object.keys(body ?? {}).sort()).toEqual([
      "encrypted_aes_key",
      "encrypted_flow_data",
      "initial_vector",
    ]);
    expect(Buffer.from(body?.initial_vector ?? "", "base64")).toHaveLength(16);
    expect(JSON.stringify(body)).not.toContain("Jane");
  });

  it("explains 421 when the key does not match the endpoint's private key", async () => {
    const error = await failure(call("/ok", { publicKeyPem: otherKeys.publicKey }));
    expect(error).toMatchObject({ code: "endpoint_http_error", endpointStatus: 421, status: 502 });
    expect(error.message).toMatch(/could not decrypt the request \(421\)/);
  });

  it("passes on 427 with the endpoint's error_msg", async () => {
    const error = await failure(call("/closed"));
    expect(error).toMatchObject({ endpointStatus: 427, userMessage: "The order has already been placed" });
    expect(error.message).toContain('"The order has already been placed"');
  });

  it("reports other statuses and unreadable answers", async () => {
    expect(await failure(call("/broken"))).toMatchObject({
      code: "endpoint_http_error",
      endpointStatus: 500,
    });
    const garbage = await failure(call("/garbage"));
    expect(garbage).toMatchObject({ code: "endpoint_bad_response", endpointStatus: 200 });
    expect(garbage.message).toMatch(/could not be decrypted/);
  });

  it("gives up after the timeout", async () => {
    const error = await failure(call("/slow", { timeoutMs: 300 }));
    expect(error).toMatchObject({ code: "endpoint_timeout", endpointStatus: 0, status: 502 });
  });

  it("reports an endpoint nobody listens on", async () => {
    const error = await failure(
      callFlowEndpoint({
        endpointUri: "http://127.0.0.1:9/",
        publicKeyPem: keys.publicKey,
        request,
        allowHttpLocalhost: true,
      }),
    );
    expect(error).toMatchObject({ code: "endpoint_unreachable", endpointStatus: 0 });
  });

  it("refuses anything but https outside tests, before sending anything", async () => {
    const before = received.length;
    const error = await failure(
      callFlowEndpoint({ endpointUri: `${base}/ok`, publicKeyPem: keys.publicKey, request }),
    );
    expect(error).toMatchObject({ code: "endpoint_not_https", status: 400, endpointStatus: null });
    expect(received.length).toBe(before);
    expect(await failure(call("/ok", { endpointUri: "not a url" }))).toMatchObject({
      code: "endpoint_invalid_url",
    });
  });

  it("refuses https endpoints that resolve to private or loopback addresses", async () => {
    for (const endpointUri of [
      "https://127.0.0.1/flow",
      "https://localhost:8443/flow",
      "https://10.1.2.3/flow",
      "https://[::1]/flow",
      "https://169.254.169.254/latest",
    ]) {
      const error = await failure(callFlowEndpoint({ endpointUri, publicKeyPem: keys.publicKey, request }));
      expect(error, endpointUri).toMatchObject({
        code: "endpoint_not_public",
        status: 400,
        endpointStatus: null,
      });
    }
  });

  it("checks the addresses again when it connects, so a name cannot change its answer after the check", async () => {
    // The pre-check is skipped here: this is the second line of defence, the one DNS rebinding would meet.
    const refused = await fetchPublicOnly("https://localhost:8443/flow", {
      dispatcher: publicOnlyDispatcher,
    }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(Error);
    expect((refused as Error).cause).toBeInstanceOf(NotPublicAddressError);
    expect((refused as Error).cause).toMatchObject({ address: expect.stringMatching(/^(127\.|::1$)/) });
  });

  it("needs a readable RSA public key", async () => {
    expect(await failure(call("/ok", { publicKeyPem: "" }))).toMatchObject({
      code: "endpoint_key_missing",
      status: 400,
    });
    expect(
      await failure(
        call("/ok", { publicKeyPem: "-----BEGIN PUBLIC KEY-----\nnope\n-----END PUBLIC KEY-----" }),
      ),
    ).toMatchObject({ code: "endpoint_key_invalid" });
    const ec = generateKeyPairSync("ec", {
      namedCurve: "P-256",
      publicKeyEncoding: { type: "spki", format: "pem" },
      privateKeyEncoding: { type: "pkcs8", format: "pem" },
    });
    const error = await failure(call("/ok", { publicKeyPem: ec.publicKey }));
    expect(error.message).toMatch(/must be an RSA key \(got ec\)/);
  });
});
