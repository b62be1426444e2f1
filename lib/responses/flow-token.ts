import "server-only";
import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";
import { getEnv } from "@/lib/env";

/**
 * The flow_token Flowport puts on every flow it sends. 8x8's nfmReply carries no flow id, only this token,
 * so it names the flow (and the send) and is signed: a token that looks like ours but was not made by
 * us is recognised as forged. Format: `fp1.<flowId>.<sendId|"">.<signature>`, ids and signature
 * base64url, about 75 characters.
 */
const PREFIX = "fp1";
const SIGNATURE_BYTES = 16;
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

let cachedKey: { source: string; key: Buffer } | undefined;

function signingKey(): Buffer {
  const source = getEnv().FLOWPORT_ENCRYPTION_KEY;
  if (cachedKey?.source !== source) {
    const key = Buffer.from(
      hkdfSync("sha256", Buffer.from(source, "base64"), Buffer.alloc(0), "flowport flow_token v1", 32),
    );
    cachedKey = { source, key };
  }
  return cachedKey.key;
}

function sign(body: string): Buffer {
  return createHmac("sha256", signingKey()).update(body).digest().subarray(0, SIGNATURE_BYTES);
}

function uuidToBase64Url(uuid: string): string {
  if (!UUID_RE.test(uuid)) throw new TypeError(`Not a uuid: ${uuid}`);
  return Buffer.from(uuid.replaceAll("-", ""), "hex").toString("base64url");
}

function base64UrlToUuid(text: string): string | null {
  const bytes = Buffer.from(text, "base64url");
  if (bytes.length !== 16 || bytes.toString("base64url") !== text) return null;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function mintFlowToken({ flowId, sendId }: { flowId: string; sendId?: string | null }): string {
  const body = `${PREFIX}.${uuidToBase64Url(flowId)}.${sendId ? uuidToBase64Url(sendId) : ""}`;
  return `${body}.${sign(body).toString("base64url")}`;
}

export type FlowTokenCheck = { flowId: string; sendId: string | null } | { forged: true } | null;

/** Ours and intact → the ids; ours in shape but the signature or ids do not hold → forged; anything else → null. */
export function verifyFlowToken(token: string): FlowTokenCheck {
  if (!token.startsWith(`${PREFIX}.`)) return null;
  const parts = token.split(".");
  if (parts.length !== 4) return { forged: true };
  const [, flowPart = "", sendPart = "", signaturePart = ""] = parts;
  const expected = sign(`${PREFIX}.${flowPart}.${sendPart}`);
  const given = Buffer.from(signaturePart, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { forged: true };
  const flowId = base64UrlToUuid(flowPart);
  const sendId = sendPart === "" ? null : base64UrlToUuid(sendPart);
  if (!flowId || (sendPart !== "" && !sendId)) return { forged: true };
  return { flowId, sendId };
}
