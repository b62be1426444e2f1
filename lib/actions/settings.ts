"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { writeAudit } from "@/lib/audit";
import {
  channelIdSchema,
  channelInputSchema,
  createChannel,
  deleteChannel,
  getChannel,
  updateChannel,
  updateChannelSchema,
} from "@/lib/channels";
import { getEightByEightClient, resolveApiConfig, saveStoredCredentials } from "@/lib/eightbyeight";
import { ValidationError } from "@/lib/errors";
import {
  ENDPOINT_PUBLIC_KEY_SETTING,
  endpointPublicKeyPemSchema,
  getStoredEndpointPublicKey,
  saveEndpointPublicKey,
} from "@/lib/flow-endpoint";
import { requestFlowSync } from "@/lib/flows";
import { defineAction } from "./define-action";

export const createChannelAction = defineAction(
  { input: channelInputSchema, permission: "settings.manage" },
  async (input, user) => {
    const channel = await createChannel(user, input);
    await requestFlowSync(channel.id);
    revalidatePath("/", "layout");
    return { id: channel.id, name: channel.name };
  },
);

export const updateChannelAction = defineAction(
  { input: updateChannelSchema, permission: "settings.manage" },
  async ({ id, ...input }, user) => {
    const channel = await updateChannel(user, id, input);
    revalidatePath("/", "layout");
    return { id: channel.id, name: channel.name };
  },
);

export const deleteChannelAction = defineAction(
  { input: channelIdSchema, permission: "settings.manage" },
  async ({ id }, user) => {
    const { name } = await deleteChannel(user, id);
    revalidatePath("/", "layout");
    return { name };
  },
);

/** Lists the channel's flows through the configured client: proves URL, key, account and channel id together. */
export const testChannelConnectionAction = defineAction(
  { input: channelIdSchema, permission: "settings.manage" },
  async ({ id }) => {
    const channel = await getChannel(id);
    const started = Date.now();
    const flows = await (await getEightByEightClient()).flows.list(channel.externalId, { limit: 1000 });
    return { flowCount: flows.length, milliseconds: Date.now() - started };
  },
);

const ACCOUNT_ID = /^[0-9A-Fa-f]{8}-?(?:[0-9A-Fa-f]{4}-?){3}[0-9A-Fa-f]{12}$/;
const blankToNull = (value: string) => (value.trim() === "" ? null : value.trim());

const credentialsSchema = z.object({
  baseUrl: z
    .string()
    .transform(blankToNull)
    .refine(
      (value) => value === null || (URL.canParse(value) && /^https?:$/.test(new URL(value).protocol)),
      "Enter an http(s) URL such as https://chatapps.8x8.com.",
    ),
  /** Blank keeps the stored key. */
  apiKey: z.string().transform(blankToNull),
  clearApiKey: z.boolean().default(false),
  accountId: z
    .string()
    .transform(blankToNull)
    .refine(
      (value) => value === null || ACCOUNT_ID.test(value),
      "The account id is a GUID (32 hex digits, dashes optional).",
    ),
  subAccountId: z
    .string()
    .transform(blankToNull)
    .refine(
      (value) => value === null || /^[A-Za-z0-9\-._&]{3,50}$/.test(value),
      "The sub-account id is 3 to 50 letters, digits or - . _ &.",
    ),
});
export type CredentialsInput = z.input<typeof credentialsSchema>;

/** Saves what Settings may set; values from the environment win and cannot be changed here. */
export const saveApiCredentialsAction = defineAction(
  { input: credentialsSchema, permission: "settings.manage" },
  async (input, user) => {
    const current = await resolveApiConfig();
    const fromEnv = (field: keyof typeof current.sources) => current.sources[field] === "env";
    if (input.baseUrl && !input.apiKey && !input.clearApiKey && current.sources.apiKey === "simulator") {
      throw new ValidationError("Enter the API key that goes with this URL.", {
        apiKey: ["Enter the 8x8 API key."],
      });
    }
    await saveStoredCredentials({
      updatedById: user.id,
      ...(fromEnv("baseUrl") ? {} : { baseUrl: input.baseUrl }),
      ...(fromEnv("apiKey")
        ? {}
        : input.clearApiKey
          ? { apiKey: null }
          : input.apiKey
            ? { apiKey: input.apiKey }
            : {}),
      ...(fromEnv("accountId") ? {} : { accountId: input.accountId }),
      ...(fromEnv("subAccountId") ? {} : { subAccountId: input.subAccountId }),
    });
    await writeAudit(user, {
      action: "settings.api_credentials_update",
      objectType: "setting",
      objectId: "eightbyeight.credentials",
      details: {
        baseUrl: input.baseUrl,
        accountId: input.accountId,
        subAccountId: input.subAccountId,
        apiKeyChanged: Boolean(input.apiKey) || input.clearApiKey,
      },
    });
    revalidatePath("/settings");
    return { mode: (await resolveApiConfig()).mode };
  },
);

/** The data endpoint's public key for live preview calls; null removes it. */
export const saveEndpointPublicKeyAction = defineAction(
  {
    input: z.object({ publicKeyPem: endpointPublicKeyPemSchema.nullable() }),
    permission: "settings.manage",
  },
  async ({ publicKeyPem }, user) => {
    await saveEndpointPublicKey(publicKeyPem, user.id);
    const stored = await getStoredEndpointPublicKey();
    await writeAudit(user, {
      action: publicKeyPem ? "settings.endpoint_public_key_set" : "settings.endpoint_public_key_clear",
      objectType: "setting",
      objectId: ENDPOINT_PUBLIC_KEY_SETTING,
      details: stored ? { fingerprint: stored.fingerprint, modulusBits: stored.modulusBits } : {},
    });
    revalidatePath("/settings");
    return { fingerprint: stored?.fingerprint ?? null };
  },
);
