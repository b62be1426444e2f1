import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { stopQueue } from "@/lib/jobs";
import { resetDatabase } from "@/lib/testing/database";
import { mintFlowToken } from "./flow-token";
import { processWebhookDelivery } from "./process-delivery";
import { storeWebhookDelivery } from "./receive-webhook";
import { reprocessDelivery } from "./deliveries";

const corpusDir = path.resolve("lib/examples/corpus/seed-api-examples");
const corpus = (name: string) => JSON.parse(readFileSync(path.join(corpusDir, name), "utf8"));
const nfmReplySamples = readdirSync(corpusDir).filter((name) => name.startsWith("webhook--inbound-nfmreply"));

const admin = {
  id: "00000000-0000-4000-8000-000000000001",
  email: "admin@example.com",
  name: "Admin",
  role: "ADMIN" as const,
  logAccess: true,
};

async function deliver(body: unknown): Promise<string> {
  const raw = typeof body === "string" ? body : JSON.stringify(body);
  return storeWebhookDelivery({
    body: new TextEncoder().encode(raw),
    headers: { "content-type": "application/json" },
    receivedAt: new Date(),
  });
}

async function deliverAndProcess(body: unknown) {
  const id = await deliver(body);
  await processWebhookDelivery(id);
  return getDb().webhookDelivery.findUniqueOrThrow({ where: { id } });
}

function submission(responseJson: Record<string, unknown>, overrides: Record<string, unknown> = {}) {
  const sample = corpus("webhook--inbound-nfmreply.json");
  sample.payload = {
    ...sample.payload,
    ...overrides,
    content: { interactive: { type: "nfmReply", nfmReply: { responseJson: JSON.stringify(responseJson) } } },
  };
  return sample;
}

async function createFlow(flowJson?: string) {
  const channel = await getDb().channel.upsert({
    where: { externalId: "your-channel-id" },
    create: { externalId: "your-channel-id", name: "Demo channel", phoneNumber: "+1 555 078 3881" },
    update: {},
  });
  return getDb().flow.create({
    data: {
      channelId: channel.id,
      externalId: `ext-${Math.random()}`,
      name: "Returns",
      status: "PUBLISHED",
      flowJson,
    },
  });
}

beforeEach(async () => {
  await resetDatabase();
  await getDb().user.create({ data: { ...admin, passwordHash: "not-used" } });
});
afterAll(stopQueue);

describe("webhook deliveries", () => {
  it("stores the raw delivery and its job in one transaction, then processes it", async () => {
    const id = await deliver(corpus("webhook--inbound-nfmreply.json"));
    const stored = await getDb().webhookDelivery.findUniqueOrThrow({ where: { id } });
    expect(stored.result).toBe("PENDING");
    expect(new TextDecoder().decode(stored.body)).toContain("abc123-def456-ghi789");
    const [job] = await getDb().$queryRaw<
      { data: { deliveryId: string } }[]
    >`SELECT data FROM pgboss.job WHERE name = 'webhooks.process'`;
    expect(job?.data.deliveryId).toBe(id);

    await expect(processWebhookDelivery(id)).resolves.toEqual({ deliveryId: id, result: "PROCESSED" });
    // The job arriving later finds the work done.
    await expect(processWebhookDelivery(id)).resolves.toEqual({ deliveryId: id, result: "skipped" });
    const response = await getDb().flowResponse.findUniqueOrThrow({
      where: { umid: "abc123-def456-ghi789" },
    });
    expect(response).toMatchObject({
      phone: "+15551234567",
      attribution: "UNATTRIBUTED",
      flowToken: "<FLOW_TOKEN>",
      channelExternalId: "your-channel-id",
    });
    expect(response.submittedAt.toISOString()).toBe("2026-01-15T10:30:00.000Z");
    expect(response.responseJson).toEqual({
      customer_name: "Jane Smith",
      email: "jane@example.com",
      feedback: "Excellent service!",
    });
  });

  it("AT-RESP-1: ingests all 7 nfmReply samples, falling back to the receipt time without a timestamp", async () => {
    expect(nfmReplySamples).toHaveLength(7);
    for (const name of nfmReplySamples) {
      const sample = corpus(name);
      // The loan and retail samples share the placeholder umid "abc-123-def-456"; make each its own message.
      sample.payload.umid = `${sample.payload.umid}::${name}`;
      const delivery = await deliverAndProcess(sample);
      expect(delivery.result, name).toBe("PROCESSED");
    }
    const responses = await getDb().flowResponse.findMany();
    expect(responses).toHaveLength(7);
    const loan = responses.find((r) => r.umid.endsWith("loan-application.json"))!;
    expect(Math.abs(loan.submittedAt.getTime() - loan.receivedAt.getTime())).toBeLessThan(1000);
    expect(loan.flowToken).toBeNull();
    const leads = responses.find((r) => r.umid.startsWith("lead-xyz-999"))!;
    expect((leads.responseJson as Record<string, unknown>).interested_channels).toEqual([
      "whatsapp",
      "sms",
      "verify",
    ]);
  });

  it("the verbatim corpus collides on the shared placeholder umid: the second is a duplicate, not a second row", async () => {
    await deliverAndProcess(corpus("webhook--inbound-nfmreply-loan-application.json"));
    const second = await deliverAndProcess(corpus("webhook--inbound-nfmreply-retail-product-return.json"));
    expect(second.result).toBe("DUPLICATE");
    expect(await getDb().flowResponse.count()).toBe(1);
  });

  it("AT-RESP-2: 50 parallel deliveries of one umid give one response row", async () => {
    const body = corpus("webhook--inbound-nfmreply-flows-api.json");
    const ids = await Promise.all(Array.from({ length: 50 }, () => deliver(body)));
    const outcomes = await Promise.all(ids.map((id) => processWebhookDelivery(id)));
    expect(outcomes.filter((o) => o.result === "PROCESSED")).toHaveLength(1);
    expect(outcomes.filter((o) => o.result === "DUPLICATE")).toHaveLength(49);
    expect(await getDb().flowResponse.count()).toBe(1);
    expect(await getDb().webhookDelivery.count()).toBe(50);
  });

  it("keeps bodies that are not JSON or not a known event as dead letters, and re-processes them on demand", async () => {
    const notJson = await deliverAndProcess("{not json");
    expect(notJson).toMatchObject({ result: "DEAD_LETTER", error: "The body is not JSON.", eventType: null });
    const unknown = await deliverAndProcess({ eventType: "flow_status_update", payload: {} });
    expect(unknown).toMatchObject({ result: "DEAD_LETTER", eventType: "flow_status_update" });
    expect(unknown.error).toContain('Unknown event type "flow_status_update"');
    const missingUmid = await deliverAndProcess({
      eventType: "inbound_message_received",
      payload: { user: { msisdn: "+1" }, type: "Text" },
    });
    expect(missingUmid.result).toBe("DEAD_LETTER");
    expect(missingUmid.error).toContain("payload.umid");

    // Re-processing runs the stored body again: still a dead letter, attempts counted.
    await expect(reprocessDelivery(admin, { deliveryId: notJson.id })).resolves.toEqual({
      result: "DEAD_LETTER",
    });
    expect((await getDb().webhookDelivery.findUniqueOrThrow({ where: { id: notJson.id } })).attempts).toBe(2);
    await expect(
      reprocessDelivery(admin, {
        deliveryId: (await deliverAndProcess(corpus("webhook--inbound-text.json"))).id,
      }),
    ).rejects.toThrow("Only dead letters and failed deliveries");
  });

  it("keeps other inbound messages in the event log, once", async () => {
    expect((await deliverAndProcess(corpus("webhook--inbound-text.json"))).result).toBe("PROCESSED");
    // The text, image and button samples share the placeholder umid "<UNIQUE_MESSAGE_ID>".
    expect((await deliverAndProcess(corpus("webhook--inbound-image.json"))).result).toBe("DUPLICATE");
    const button = corpus("webhook--inbound-button-reply.json");
    button.payload.umid = "button-1";
    expect((await deliverAndProcess(button)).result).toBe("PROCESSED");
    expect((await deliverAndProcess(corpus("webhook--inbound-text-minimal.json"))).result).toBe("PROCESSED");
    const events = await getDb().inboundEvent.findMany({ orderBy: { receivedAt: "asc" } });
    expect(events.map((e) => e.messageType)).toEqual(["Text", "Interactive", "Text"]);
    expect(await getDb().flowResponse.count()).toBe(0);
  });

  it("applies outbound statuses to the send log in order, never going backwards", async () => {
    const flow = await createFlow();
    const send = await getDb().messageSend.create({
      data: {
        channelId: flow.channelId,
        flowId: flow.id,
        kind: "INTERACTIVE",
        recipient: "+6512345678",
        umid: "<UNIQUE_MESSAGE_ID>",
        status: "sent",
      },
    });
    expect((await deliverAndProcess(corpus("webhook--outbound-status-read.json"))).result).toBe("PROCESSED");
    const late = await deliverAndProcess(corpus("webhook--outbound-status-delivered.json"));
    expect(late.outcome).toContain('Ignored "delivered"');
    expect((await deliverAndProcess(corpus("webhook--outbound-status-read.json"))).result).toBe("DUPLICATE");
    expect((await getDb().messageSend.findUniqueOrThrow({ where: { id: send.id } })).status).toBe("read");
    await deliverAndProcess(corpus("webhook--outbound-status-undelivered.json"));
    expect(await getDb().messageSend.findUniqueOrThrow({ where: { id: send.id } })).toMatchObject({
      status: "undelivered",
      errorCode: 15,
      errorMessage: "Invalid destination",
    });
  });

  it("updates templates and the channel from account events, deduplicated by eventId", async () => {
    const flow = await createFlow();
    const template = await getDb().template.create({
      data: {
        channelId: flow.channelId,
        externalId: "<TEMPLATE_ID>",
        name: "t",
        language: "en",
        category: "MARKETING",
        status: "PENDING",
      },
    });
    expect((await deliverAndProcess(corpus("webhook--template-status-update-rejected.json"))).result).toBe(
      "PROCESSED",
    );
    expect((await deliverAndProcess(corpus("webhook--template-status-update-rejected.json"))).result).toBe(
      "DUPLICATE",
    );
    expect((await deliverAndProcess(corpus("webhook--template-quality-update.json"))).result).toBe(
      "PROCESSED",
    );
    expect(await getDb().template.findUniqueOrThrow({ where: { id: template.id } })).toMatchObject({
      status: "REJECTED",
      rejectionReason: "INCORRECT_CATEGORY",
      qualityScore: "GREEN",
    });
    const upgrade = corpus("webhook--phone-number-quality-update-upgrade.json");
    expect((await deliverAndProcess(upgrade)).outcome).toContain("Channel quality set to UPGRADE");
    expect(await getDb().channel.findUniqueOrThrow({ where: { id: flow.channelId } })).toMatchObject({
      qualityEvent: "UPGRADE",
      messagingLimit: upgrade.eventDetails.meta.currentLimit,
    });
  });
});

describe("attribution", () => {
  it("uses our signed flow_token, then the send log, and recognises a forged token", async () => {
    const flow = await createFlow();
    const byToken = await deliverAndProcess(
      submission({ a: "1", flow_token: mintFlowToken({ flowId: flow.id }) }, { umid: "m-token" }),
    );
    expect(byToken.outcome).toContain("attributed by its flow_token");

    const sent = await getDb().messageSend.create({
      data: {
        channelId: flow.channelId,
        flowId: flow.id,
        kind: "INTERACTIVE",
        recipient: "+15551234567",
        umid: "sent-1",
        flowToken: "legacy-token",
      },
    });
    await deliverAndProcess(submission({ a: "2", flow_token: "legacy-token" }, { umid: "m-sendlog-token" }));
    await deliverAndProcess(submission({ a: "3" }, { umid: "m-sendlog-reply", replyToUmid: "sent-1" }));

    const forgedToken = mintFlowToken({ flowId: flow.id }).slice(0, -3) + "AAA";
    await deliverAndProcess(submission({ a: "4", flow_token: forgedToken }, { umid: "m-forged" }));

    const rows = await getDb().flowResponse.findMany({ orderBy: { umid: "asc" } });
    const byUmid = Object.fromEntries(rows.map((r) => [r.umid, r]));
    expect(byUmid["m-token"]).toMatchObject({ flowId: flow.id, attribution: "TOKEN", tokenForged: false });
    expect(byUmid["m-sendlog-token"]).toMatchObject({
      flowId: flow.id,
      attribution: "SEND_LOG",
      sendId: sent.id,
    });
    expect(byUmid["m-sendlog-reply"]).toMatchObject({
      flowId: flow.id,
      attribution: "SEND_LOG",
      sendId: sent.id,
    });
    expect(byUmid["m-forged"]).toMatchObject({
      flowId: null,
      attribution: "UNATTRIBUTED",
      tokenForged: true,
    });
  });
});
