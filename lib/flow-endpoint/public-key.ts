import "server-only";
import { getDb } from "@/lib/db";

/**
 * Where the live endpoint test finds the business public key (PEM), in order: the request itself (pasted in the
 * preview), then the AppSetting `flow-endpoint.public-key` (a string). Meta's advice is one key pair per WABA (§12.2).
 */
export const ENDPOINT_PUBLIC_KEY_SETTING = "flow-endpoint.public-key";

export async function resolveEndpointPublicKey(pastedPem: string | undefined): Promise<string | null> {
  if (pastedPem?.trim()) return pastedPem;
  const row = await getDb().appSetting.findUnique({ where: { key: ENDPOINT_PUBLIC_KEY_SETTING } });
  return typeof row?.value === "string" && row.value.trim() ? row.value : null;
}
