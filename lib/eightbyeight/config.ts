import "server-only";
import { z } from "zod";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { ConflictError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { createEightByEightClient, type EightByEightClient } from "./client";
import { createPostgresRateLimiter } from "./pg-rate-limiter";
import { decryptSecret, encryptSecret } from "./secret-box";

export const CREDENTIALS_SETTING_KEY = "eightbyeight.credentials";
/** The account the simulator answers for when none is configured (any GUID works there). */
export const SIMULATOR_ACCOUNT_ID = "5f3c1d2e-8a4b-4c6d-9e0f-1a2b3c4d5e6f";
export const SIMULATOR_SUBACCOUNT_ID = "flowport-demo";
export const SIMULATOR_PATH = "/api/sim/8x8";

/** What an admin saved in Settings; the key only encrypted. */
const storedCredentialsSchema = z.object({
  baseUrl: z.string().nullish(),
  apiKeyEncrypted: z.string().nullish(),
  accountId: z.string().nullish(),
  subAccountId: z.string().nullish(),
});
export type StoredCredentials = z.infer<typeof storedCredentialsSchema>;

type Source = "env" | "settings" | "simulator" | "missing";

export type ResolvedApiConfig = {
  mode: "simulator" | "live";
  baseUrl: string;
  apiKey: string | null;
  accountId: string | null;
  subAccountId: string | null;
  sources: { baseUrl: Source; apiKey: Source; accountId: Source; subAccountId: Source };
};

export function appBaseUrl(): string {
  const env = getEnv();
  return (env.NEXTAUTH_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, "");
}

export async function readStoredCredentials(): Promise<StoredCredentials> {
  const row = await getDb().appSetting.findUnique({ where: { key: CREDENTIALS_SETTING_KEY } });
  const parsed = storedCredentialsSchema.safeParse(row?.value ?? {});
  return parsed.success ? parsed.data : {};
}

function pick(
  envValue: string | undefined,
  stored: string | null | undefined,
  fallback: string | null,
  fallbackSource: Source,
) {
  if (envValue) return { value: envValue, source: "env" as const };
  if (stored) return { value: stored, source: "settings" as const };
  return { value: fallback, source: fallback ? fallbackSource : ("missing" as const) };
}

/** Environment variables win over Settings; without a URL anywhere, the built-in simulator answers. */
export async function resolveApiConfig(): Promise<ResolvedApiConfig> {
  const env = getEnv();
  const stored = await readStoredCredentials();
  let storedKey: string | null = null;
  if (stored.apiKeyEncrypted) {
    try {
      storedKey = decryptSecret(stored.apiKeyEncrypted);
    } catch (error) {
      logger.error("8x8.stored_key_unreadable", { error });
    }
  }
  const live = Boolean(env.EIGHTBYEIGHT_API_URL || stored.baseUrl);
  const baseUrl = pick(
    env.EIGHTBYEIGHT_API_URL,
    stored.baseUrl,
    `${appBaseUrl()}${SIMULATOR_PATH}`,
    "simulator",
  );
  const apiKey = pick(
    env.EIGHTBYEIGHT_API_KEY,
    storedKey,
    live ? null : (env.SIMULATOR_API_KEY ?? null),
    "simulator",
  );
  const accountId = pick(
    env.EIGHTBYEIGHT_ACCOUNT_ID,
    stored.accountId,
    live ? null : SIMULATOR_ACCOUNT_ID,
    "simulator",
  );
  const subAccountId = pick(
    env.EIGHTBYEIGHT_SUBACCOUNT_ID,
    stored.subAccountId,
    live ? null : SIMULATOR_SUBACCOUNT_ID,
    "simulator",
  );
  return {
    mode: live ? "live" : "simulator",
    baseUrl: baseUrl.value ?? "",
    apiKey: apiKey.value,
    accountId: accountId.value,
    subAccountId: subAccountId.value,
    sources: {
      baseUrl: baseUrl.source,
      apiKey: apiKey.source,
      accountId: accountId.source,
      subAccountId: subAccountId.source,
    },
  };
}

export async function saveStoredCredentials(update: {
  baseUrl?: string | null;
  /** undefined keeps the stored key, null removes it. */
  apiKey?: string | null;
  accountId?: string | null;
  subAccountId?: string | null;
  updatedById: string;
}): Promise<void> {
  const current = await readStoredCredentials();
  const next: StoredCredentials = {
    baseUrl: update.baseUrl === undefined ? current.baseUrl : update.baseUrl,
    apiKeyEncrypted:
      update.apiKey === undefined
        ? current.apiKeyEncrypted
        : update.apiKey === null
          ? null
          : encryptSecret(update.apiKey),
    accountId: update.accountId === undefined ? current.accountId : update.accountId,
    subAccountId: update.subAccountId === undefined ? current.subAccountId : update.subAccountId,
  };
  await getDb().appSetting.upsert({
    where: { key: CREDENTIALS_SETTING_KEY },
    create: { key: CREDENTIALS_SETTING_KEY, value: next, updatedById: update.updatedById },
    update: { value: next, updatedById: update.updatedById },
  });
}

const globalForLimiter = globalThis as unknown as {
  flowportApiLimiter?: ReturnType<typeof createPostgresRateLimiter>;
};

/** The client the server uses: resolved credentials and the limiter shared by every instance. */
export async function getEightByEightClient(): Promise<EightByEightClient> {
  const config = await resolveApiConfig();
  if (!config.apiKey || !config.accountId || !config.subAccountId) {
    const missing = [
      !config.apiKey && "API key",
      !config.accountId && "account id",
      !config.subAccountId && "sub-account id",
    ]
      .filter(Boolean)
      .join(", ");
    throw new ConflictError(
      `The 8x8 API is not fully configured (missing: ${missing}). An admin can set it in Settings.`,
    );
  }
  globalForLimiter.flowportApiLimiter ??= createPostgresRateLimiter();
  return createEightByEightClient({
    baseUrl: config.baseUrl,
    apiKey: config.apiKey,
    accountId: config.accountId,
    subAccountId: config.subAccountId,
    limiter: globalForLimiter.flowportApiLimiter,
  });
}
