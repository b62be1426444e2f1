import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";

/** Direct access to the e2e database for the responses and webhook specs: create flows, count rows. */
export async function withDb<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export function webhookToken(): string {
  const token = process.env.WEBHOOK_TOKEN;
  if (!token) throw new Error("WEBHOOK_TOKEN must be set for the webhook specs (npm test sets it).");
  return token;
}

export function corpusSample(name: string): { payload: Record<string, unknown> } & Record<string, unknown> {
  return JSON.parse(readFileSync(path.resolve("lib/examples/corpus/seed-api-examples", name), "utf8"));
}

export function corpusFlowJson(name: string): string {
  return readFileSync(path.resolve("lib/examples/corpus/seed-examples", name), "utf8");
}

/** A channel, a flow with the given Flow JSON, and a send whose flow_token attributes replies to it. */
export async function createFlowWithSend(name: string, flowJson: string) {
  const channelExternalId = `e2e-channel-${randomUUID().slice(0, 8)}`;
  const flowToken = `e2e-token-${randomUUID()}`;
  return withDb(async (db) => {
    const channel = await db.query<{ id: string }>(
      `INSERT INTO "Channel" (id, "externalId", name, "updatedAt") VALUES (gen_random_uuid(), $1, $2, now()) RETURNING id`,
      [channelExternalId, `Channel ${name}`],
    );
    const channelId = channel.rows[0]!.id;
    const flow = await db.query<{ id: string }>(
      `INSERT INTO "Flow" (id, "channelId", "externalId", name, status, "flowJson") VALUES (gen_random_uuid(), $1, $2, $3, 'PUBLISHED', $4) RETURNING id`,
      [channelId, `ext-${randomUUID()}`, name, flowJson],
    );
    const flowId = flow.rows[0]!.id;
    await db.query(
      `INSERT INTO "MessageSend" (id, "channelId", "flowId", kind, recipient, umid, "flowToken", status, "updatedAt") VALUES (gen_random_uuid(), $1, $2, 'INTERACTIVE', '+15551234567', $3, $4, 'delivered', now())`,
      [channelId, flowId, `e2e-send-${randomUUID()}`, flowToken],
    );
    return { channelId, channelExternalId, flowId, flowToken };
  });
}

/** An nfmReply envelope as 8x8 sends it, with our own umid, channel, time and values. */
export function nfmReply(input: {
  umid: string;
  channelExternalId: string;
  flowToken?: string;
  timestamp?: string;
  msisdn?: string;
  values: Record<string, unknown>;
}) {
  return {
    namespace: "ChatApps",
    eventType: "inbound_message_received",
    payload: {
      umid: input.umid,
      subAccountId: "e2e",
      timestamp: input.timestamp ?? new Date().toISOString(),
      user: { msisdn: input.msisdn ?? "+15551234567" },
      recipient: { channel: "whatsapp", channelId: input.channelExternalId },
      type: "Interactive",
      content: {
        interactive: {
          type: "nfmReply",
          nfmReply: {
            responseJson: JSON.stringify({
              ...input.values,
              ...(input.flowToken ? { flow_token: input.flowToken } : {}),
            }),
          },
        },
      },
    },
  };
}

export async function countDeliveries(): Promise<number> {
  return withDb(async (db) =>
    Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM "WebhookDelivery"`)).rows[0]!.n),
  );
}

/**
 * Signs in through the form in this test's own context. The shared storage states in test-results/.auth
 * belong to whichever e2e run wrote them last; on a machine where several runs share the tree they may
 * name users of another database.
 */
export async function signIn(page: import("@playwright/test").Page, email: string): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("flowport-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByTestId("current-user").waitFor();
}

export function simulatorKey(): string {
  return process.env.SIMULATOR_API_KEY ?? "sim-demo-key";
}
