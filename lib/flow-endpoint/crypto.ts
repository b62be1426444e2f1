import "server-only";
import {
  constants,
  createCipheriv,
  createDecipheriv,
  createPublicKey,
  privateDecrypt,
  publicEncrypt,
  randomBytes,
  type KeyObject,
} from "node:crypto";

// The data endpoint's encryption (spec flow-json-reference §12.2), both sides: the WhatsApp client's
// (encrypt the request, decrypt the answer) for live tests, and the endpoint's, for fakes and tests.

export type EncryptedRequest = {
  encrypted_flow_data: string;
  encrypted_aes_key: string;
  initial_vector: string;
};

/** The per-request secret the client keeps to read the answer. */
export type ExchangeKey = { aesKey: Buffer; iv: Buffer };

const TAG_BYTES = 16;
const OAEP = { padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: "sha256" } as const;

export class EndpointCryptoError extends Error {
  override name = "EndpointCryptoError";
}

/** The business's RSA public key in PEM; a clear error when it is not one. */
export function parsePublicKey(pem: string): KeyObject {
  // createPublicKey would derive the public half of a private key; refuse it, so none is stored or sent by mistake.
  if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(pem))
    throw new EndpointCryptoError(
      "This is a private key: give the public key (-----BEGIN PUBLIC KEY-----). The private key stays on the endpoint's server.",
    );
  let key: KeyObject;
  try {
    key = createPublicKey(pem);
  } catch {
    throw new EndpointCryptoError(
      "The public key is not a PEM-encoded public key (-----BEGIN PUBLIC KEY-----).",
    );
  }
  if (key.asymmetricKeyType !== "rsa")
    throw new EndpointCryptoError(
      `The public key must be an RSA key (got ${key.asymmetricKeyType ?? "unknown"}).`,
    );
  return key;
}

/** Client side: a fresh AES-128 key and IV, the payload in AES-GCM (tag appended), the key under RSA-OAEP SHA-256. */
export function encryptRequest(
  payload: unknown,
  publicKey: KeyObject,
): { body: EncryptedRequest; key: ExchangeKey } {
  const aesKey = randomBytes(16);
  const iv = randomBytes(16);
  const cipher = createCipheriv("aes-128-gcm", aesKey, iv);
  const data = Buffer.concat([
    cipher.update(JSON.stringify(payload), "utf8"),
    cipher.final(),
    cipher.getAuthTag(),
  ]);
  return {
    body: {
      encrypted_flow_data: data.toString("base64"),
      encrypted_aes_key: publicEncrypt({ key: publicKey, ...OAEP }, aesKey).toString("base64"),
      initial_vector: iv.toString("base64"),
    },
    key: { aesKey, iv },
  };
}

/** Client side: the endpoint's base64 body, decrypted with the same key and the flipped IV, parsed as JSON. */
export function decryptResponse(base64Body: string, key: ExchangeKey): unknown {
  const data = Buffer.from(base64Body.trim(), "base64");
  if (data.length <= TAG_BYTES)
    throw new EndpointCryptoError("The answer is not a base64 AES-GCM ciphertext (too short).");
  let plaintext: string;
  try {
    const decipher = createDecipheriv("aes-128-gcm", key.aesKey, flipIv(key.iv));
    decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
    plaintext = Buffer.concat([
      decipher.update(data.subarray(0, data.length - TAG_BYTES)),
      decipher.final(),
    ]).toString("utf8");
  } catch {
    throw new EndpointCryptoError(
      "The answer could not be decrypted with the request's AES key and the flipped IV.",
    );
  }
  try {
    return JSON.parse(plaintext);
  } catch {
    throw new EndpointCryptoError("The decrypted answer is not JSON.");
  }
}

/** Endpoint side: the request's AES key and IV, and its decrypted JSON. */
export function decryptRequest(
  body: EncryptedRequest,
  privateKeyPem: string,
): { payload: unknown; key: ExchangeKey } {
  const aesKey = privateDecrypt(
    { key: privateKeyPem, ...OAEP },
    Buffer.from(body.encrypted_aes_key, "base64"),
  );
  const iv = Buffer.from(body.initial_vector, "base64");
  const data = Buffer.from(body.encrypted_flow_data, "base64");
  const decipher = createDecipheriv("aes-128-gcm", aesKey, iv);
  decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
  const plaintext = Buffer.concat([
    decipher.update(data.subarray(0, data.length - TAG_BYTES)),
    decipher.final(),
  ]).toString("utf8");
  return { payload: JSON.parse(plaintext), key: { aesKey, iv } };
}

/** Endpoint side: the answer in AES-GCM with the flipped IV, tag appended, base64 (sent as text/plain). */
export function encryptResponse(response: unknown, key: ExchangeKey): string {
  const cipher = createCipheriv("aes-128-gcm", key.aesKey, flipIv(key.iv));
  return Buffer.concat([
    cipher.update(JSON.stringify(response), "utf8"),
    cipher.final(),
    cipher.getAuthTag(),
  ]).toString("base64");
}

function flipIv(iv: Buffer): Buffer {
  return Buffer.from(iv.map((byte) => byte ^ 0xff));
}
