import "server-only";
import { createHash } from "node:crypto";
import { z } from "zod";
import { getDb } from "@/lib/db";
import { EndpointCryptoError, parsePublicKey } from "./crypto";

/**
 * Where the live endpoint test finds the business public key (PEM), in order: the request itself (pasted in the
 * preview), then the AppSetting `flow-endpoint.public-key` (a string) that admins set in Settings. Meta's advice
 * is one key pair per WABA (§12.2).
 */
export const ENDPOINT_PUBLIC_KEY_SETTING = "flow-endpoint.public-key";

export async function resolveEndpointPublicKey(pastedPem: string | undefined): Promise<string | null> {
  if (pastedPem?.trim()) return pastedPem;
  return readStoredPem();
}

async function readStoredPem(): Promise<string | null> {
  const row = await getDb().appSetting.findUnique({ where: { key: ENDPOINT_PUBLIC_KEY_SETTING } });
  return typeof row?.value === "string" && row.value.trim() ? row.value : null;
}

/** A PEM that encrypts as the WhatsApp client would (RSA public key); its reason under the field otherwise. */
export const endpointPublicKeyPemSchema = z
  .string()
  .trim()
  .min(1, "Paste the public key (PEM).")
  .max(10_000, "A public key in PEM is a few hundred characters; this is too long.")
  .superRefine((pem, context) => {
    try {
      parsePublicKey(pem);
    } catch (error) {
      if (!(error instanceof EndpointCryptoError)) throw error;
      context.addIssue({ code: "custom", message: error.message });
    }
  });

/** What Settings shows of the stored key: the PEM (public, not a secret) and what identifies it. */
export type StoredEndpointPublicKey = {
  pem: string;
  modulusBits: number | null;
  /** SHA-256 of the DER key in base64, as `openssl pkey -pubin -outform der | openssl dgst -sha256 -binary | base64`. */
  fingerprint: string | null;
  /** Why a key stored before the checks existed cannot be used. */
  problem: string | null;
};

export async function getStoredEndpointPublicKey(): Promise<StoredEndpointPublicKey | null> {
  const pem = await readStoredPem();
  if (!pem) return null;
  try {
    const key = parsePublicKey(pem);
    return {
      pem,
      modulusBits: key.asymmetricKeyDetails?.modulusLength ?? null,
      fingerprint: createHash("sha256")
        .update(key.export({ type: "spki", format: "der" }))
        .digest("base64"),
      problem: null,
    };
  } catch (error) {
    if (!(error instanceof EndpointCryptoError)) throw error;
    return { pem, modulusBits: null, fingerprint: null, problem: error.message };
  }
}

/** Stores a key already checked by `endpointPublicKeyPemSchema`; null removes it. */
export async function saveEndpointPublicKey(pem: string | null, updatedById: string): Promise<void> {
  if (pem === null) {
    await getDb().appSetting.deleteMany({ where: { key: ENDPOINT_PUBLIC_KEY_SETTING } });
    return;
  }
  await getDb().appSetting.upsert({
    where: { key: ENDPOINT_PUBLIC_KEY_SETTING },
    create: { key: ENDPOINT_PUBLIC_KEY_SETTING, value: pem, updatedById },
    update: { value: pem, updatedById },
  });
}
