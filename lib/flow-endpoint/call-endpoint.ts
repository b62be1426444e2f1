import "server-only";
import { ExpectedError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { decryptResponse, encryptRequest, EndpointCryptoError, parsePublicKey } from "./crypto";
import { fetch as fetchPublicOnly } from "undici";
import { NotPublicAddressError, publicOnlyDispatcher, refusePrivateAddresses } from "./public-address";

// One data_exchange with a real endpoint, as the WhatsApp client does it (§12.2), with §12.8's statuses explained.

/** Why a live exchange did not produce an answer. `status` 400: our side (input, key); 502: the endpoint's. */
export class FlowEndpointError extends ExpectedError {
  readonly status: 400 | 502;
  constructor(
    readonly code: string,
    message: string,
    /** The endpoint's HTTP status; 0 when it never answered. */
    readonly endpointStatus: number | null = null,
    /** What the endpoint wants the user to see (427's `error_msg`). */
    readonly userMessage: string | null = null,
  ) {
    super(message);
    this.status = endpointStatus === null ? 400 : 502;
  }
}

export type FlowEndpointCall = {
  endpointUri: string;
  publicKeyPem: string | null | undefined;
  /** The decrypted request of §12.3. */
  request: unknown;
  /** The WhatsApp client gives up after 10 s (timeout_error). */
  timeoutMs?: number;
  /** Tests only: plain http to 127.0.0.1/localhost for a fake endpoint. */
  allowHttpLocalhost?: boolean;
};

const CLIENT_TIMEOUT_MS = 10_000;
const MAX_ANSWER_BYTES = 1_000_000;

const STATUS_MEANING: Record<number, string> = {
  421: "the endpoint could not decrypt the request (421). The WhatsApp client would fetch the public key again and retry once: check that the key configured here belongs to the endpoint's private key.",
  427: "the endpoint says the flow token is no longer valid (427). The client shows an error and disables the button.",
  432: "the endpoint's request signature check failed (432). The client shows a generic error.",
};

/** Encrypts the request, POSTs it, decrypts the answer. Logs the host, status and time only, never the data. */
export async function callFlowEndpoint({
  endpointUri,
  publicKeyPem,
  request,
  timeoutMs = CLIENT_TIMEOUT_MS,
  allowHttpLocalhost = false,
}: FlowEndpointCall): Promise<unknown> {
  const url = checkEndpointUrl(endpointUri, allowHttpLocalhost);
  if (!allowHttpLocalhost) await refusePrivateAddresses(url).catch(rethrowNotPublic);
  if (!publicKeyPem?.trim()) {
    throw new FlowEndpointError(
      "endpoint_key_missing",
      "No public key is configured for this endpoint: an admin can set the business public key (PEM) that was uploaded for the phone number under Settings › Flow data endpoint, so the request can be encrypted.",
    );
  }
  let publicKey;
  try {
    publicKey = parsePublicKey(publicKeyPem);
  } catch (error) {
    throw new FlowEndpointError(
      "endpoint_key_invalid",
      error instanceof Error ? error.message : "The public key cannot be read.",
    );
  }
  const { body, key } = encryptRequest(request, publicKey);
  const started = Date.now();
  let answer: Response;
  try {
    const init = {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs),
    } as const;
    // The dispatcher checks the addresses again as it connects, so a name cannot pass the check above with a
    // public address and then be called at a private one (DNS rebinding).
    answer = allowHttpLocalhost
      ? await fetch(url, init)
      : ((await fetchPublicOnly(url, { ...init, dispatcher: publicOnlyDispatcher })) as unknown as Response);
  } catch (error) {
    if (error instanceof Error && error.cause instanceof NotPublicAddressError) rethrowNotPublic(error.cause);
    const timedOut = error instanceof DOMException && error.name === "TimeoutError";
    logger.warn("flow_endpoint.no_answer", { host: url.host, timedOut, ms: Date.now() - started });
    throw timedOut
      ? new FlowEndpointError(
          "endpoint_timeout",
          `The endpoint did not answer within ${timeoutMs / 1000} s; the WhatsApp client gives up then (timeout_error).`,
          0,
        )
      : new FlowEndpointError(
          "endpoint_unreachable",
          `The endpoint could not be reached (${causeOf(error)}).`,
          0,
        );
  }
  const text = await readLimited(answer);
  logger.info("flow_endpoint.answered", { host: url.host, status: answer.status, ms: Date.now() - started });
  if (answer.status !== 200) {
    const meaning =
      STATUS_MEANING[answer.status] ??
      `the endpoint answered HTTP ${answer.status} instead of 200. The client shows a generic error (unexpected_http_status_code).`;
    const errorMsg = answer.status === 427 ? errorMsgOf(text) : null;
    throw new FlowEndpointError(
      "endpoint_http_error",
      capitalize(meaning) + (errorMsg ? ` Its message for the user: "${errorMsg}".` : ""),
      answer.status,
      errorMsg,
    );
  }
  try {
    return decryptResponse(text, key);
  } catch (error) {
    const reason = error instanceof EndpointCryptoError ? error.message : "The answer cannot be read.";
    throw new FlowEndpointError(
      "endpoint_bad_response",
      `${reason} The endpoint must answer with base64(AES-128-GCM(JSON)) as plain text.`,
      200,
    );
  }
}

function checkEndpointUrl(endpointUri: string, allowHttpLocalhost: boolean): URL {
  let url: URL;
  try {
    url = new URL(endpointUri);
  } catch {
    throw new FlowEndpointError(
      "endpoint_invalid_url",
      `The endpoint URI is not a URL: ${endpointUri.slice(0, 200)}`,
    );
  }
  const local = url.hostname === "127.0.0.1" || url.hostname === "localhost";
  if (url.protocol === "https:" || (allowHttpLocalhost && local && url.protocol === "http:")) return url;
  throw new FlowEndpointError(
    "endpoint_not_https",
    `WhatsApp only calls https:// endpoints with a valid certificate; this one is ${url.protocol}//${url.host}.`,
  );
}

async function readLimited(response: Response): Promise<string> {
  const text = await response.text();
  return text.length > MAX_ANSWER_BYTES ? text.slice(0, MAX_ANSWER_BYTES) : text;
}

function errorMsgOf(text: string): string | null {
  try {
    const body: unknown = JSON.parse(text);
    const message =
      typeof body === "object" && body !== null ? (body as Record<string, unknown>).error_msg : undefined;
    return typeof message === "string" ? message.slice(0, 300) : null;
  } catch {
    return null;
  }
}

function rethrowNotPublic(error: unknown): never {
  if (!(error instanceof NotPublicAddressError)) throw error;
  throw new FlowEndpointError(
    "endpoint_not_public",
    `The endpoint ${error.host} resolves to a private address (${error.address}); only public endpoints can be called.`,
  );
}

function causeOf(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  const code =
    typeof cause === "object" && cause !== null && "code" in cause
      ? String((cause as { code: unknown }).code)
      : null;
  return code ?? (cause instanceof Error ? cause.message : "network error");
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
