import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { stopQueue } from "@/lib/jobs";
import { resetDatabase } from "@/lib/testing/database";
import { mintFlowToken } from "./flow-token";
import { processWebhookDelivery } from "./process-delivery";
import { MAX_DELIVERY_ATTEMPTS, processDeliveryBatch } from "./process-batch";
import { storeWebhookDelivery } from "./receive-webhook";
import { reprocessDelivery } from "./deliveries";
import { kickProcessing } from "./delivery-queue";
import { sweepDeliveriesJob } from "./jobs";

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

/**
 * The two ways a stored delivery is processed: one by one (re-processing, rare event types, the fallback of
 * a failed batch) and in set-based batches (the queue). Every behaviour below must hold for both.
 */
const processors = {
  "one by one": async (id: string) => {
    await processWebhookDelivery(id);
  },
  "in batches": async () => {
    await processDeliveryBatch({ limit: 100 });
  },
};
let processStored: (id: string) => Promise<void> = processors["one by one"];

async function deliverAndProcess(body: unknown) {
  const id = await deliver(body);
  await processStored(id);
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

describe("storing", () => {
  it("stores the raw delivery as PENDING (the queue), then processes it once", async () => {
    const id = await deliver(corpus("webhook--inbound-nfmreply.json"));
    const stored = await getDb().webhookDelivery.findUniqueOrThrow({ where: { id } });
    expect(stored.result).toBe("PENDING");
    expect(new TextDecoder().decode(stored.body)).toContain("abc123-def456-ghi789");

    await expect(processWebhookDelivery(id)).resolves.toEqual({ deliveryId: id, result: "PROCESSED" });
    // A later attempt (the sweep, a second instance) finds the work done.
    await expect(processWebhookDelivery(id)).resolves.toEqual({ deliveryId: id, result: "skipped" });
    expect(await processDeliveryBatch({ limit: 10 })).toBe(0);
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

  it("stores deliveries that arrive together in one insert, each committed before its promise resolves", async () => {
    const ids = await Promise.all(Array.from({ length: 40 }, (_, i) => deliver(`{"n":${i}}`)));
    expect(new Set(ids).size).toBe(40);
    const rows = await getDb().webhookDelivery.findMany({
      where: { id: { in: ids } },
      select: { body: true },
    });
    expect(rows.map((row) => new TextDecoder().decode(row.body)).sort()).toEqual(
      Array.from({ length: 40 }, (_, i) => `{"n":${i}}`).sort(),
    );
    // Rows of one INSERT share its transaction id.
    const [inserts] = await getDb().$queryRaw<{ transactions: bigint }[]>`
      SELECT count(DISTINCT xmin::text) AS transactions FROM "WebhookDelivery"`;
    expect(Number(inserts!.transactions)).toBeLessThan(40);
  });
});

describe.each(Object.keys(processors) as (keyof typeof processors)[])("processing %s", (processor) => {
  beforeEach(() => {
    processStored = processors[processor];
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
    await Promise.all(ids.map((id) => processStored(id)));
    const results = await getDb().webhookDelivery.groupBy({ by: ["result"], _count: { _all: true } });
    expect(Object.fromEntries(results.map((r) => [r.result, r._count._all]))).toEqual({
      PROCESSED: 1,
      DUPLICATE: 49,
    });
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

  it("attribution: our signed flow_token, then the send log, and a forged token recognised", async () => {
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
    const forged = await deliverAndProcess(
      submission({ a: "4", flow_token: forgedToken }, { umid: "m-forged" }),
    );
    expect(forged.outcome).toBe("Flow response stored, unattributed (the flow_token was forged).");
    await deliverAndProcess(
      submission(
        { a: "5", flow_token: mintFlowToken({ flowId: flow.id, sendId: sent.id }) },
        { umid: "m-send" },
      ),
    );
    // Signed by us but naming a flow that no longer exists: the send log still knows the token.
    const orphanToken = mintFlowToken({ flowId: "00000000-0000-4000-8000-00000000beef" });
    await getDb().messageSend.update({ where: { id: sent.id }, data: { flowToken: orphanToken } });
    await deliverAndProcess(submission({ a: "6", flow_token: orphanToken }, { umid: "m-orphan" }));

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
    expect(byUmid["m-send"]).toMatchObject({ flowId: flow.id, attribution: "TOKEN", sendId: sent.id });
    expect(byUmid["m-orphan"]).toMatchObject({ flowId: flow.id, attribution: "SEND_LOG", sendId: sent.id });
  });
});

describe("the delivery queue", () => {
  const pending = () => getDb().webhookDelivery.count({ where: { result: "PENDING" } });

  it("concurrent batches over duplicate umids settle every delivery once and store each umid once", async () => {
    const flow = await createFlow();
    const token = mintFlowToken({ flowId: flow.id });
    const bodies = Array.from({ length: 240 }, (_, i) =>
      submission({ n: String(i % 60), flow_token: token }, { umid: `dup-${i % 60}` }),
    );
    await Promise.all(bodies.map((body) => deliver(body)));
    const loop = async () => {
      while ((await processDeliveryBatch({ limit: 25 })) > 0);
    };
    await Promise.all([loop(), loop(), loop(), loop()]);
    expect(await pending()).toBe(0);
    const results = await getDb().webhookDelivery.groupBy({ by: ["result"], _count: { _all: true } });
    expect(Object.fromEntries(results.map((r) => [r.result, r._count._all]))).toEqual({
      PROCESSED: 60,
      DUPLICATE: 180,
    });
    expect(await getDb().webhookDelivery.count({ where: { attempts: { not: 1 } } })).toBe(0);
    const responses = await getDb().flowResponse.findMany({
      select: { umid: true, flowId: true, deliveryId: true },
    });
    expect(responses).toHaveLength(60);
    expect(new Set(responses.map((r) => r.umid)).size).toBe(60);
    expect(responses.every((r) => r.flowId === flow.id)).toBe(true);
    // Each response points at the delivery that stored it, and that one says so.
    const processed = await getDb().webhookDelivery.findMany({
      where: { result: "PROCESSED" },
      select: { id: true },
    });
    expect(new Set(responses.map((r) => r.deliveryId))).toEqual(new Set(processed.map((d) => d.id)));
  });

  it("the sweep finishes what no instance processed (stored, then the instance died), rare events included", async () => {
    const ids = await Promise.all([
      deliver(corpus("webhook--inbound-nfmreply-flows-api.json")),
      deliver(corpus("webhook--inbound-text.json")),
      deliver(corpus("webhook--template-quality-update.json")),
      deliver("{not json"),
    ]);
    // Nothing kicked processing: only the scheduled sweep can find these.
    await sweepDeliveriesJob.runNow({});
    const rows = await getDb().webhookDelivery.findMany({ where: { id: { in: ids } } });
    expect(rows.map((row) => row.result).sort()).toEqual([
      "DEAD_LETTER",
      "PROCESSED",
      "PROCESSED",
      "PROCESSED",
    ]);
    expect(await getDb().flowResponse.count()).toBe(1);
    expect(await getDb().inboundEvent.count()).toBe(1);
    expect(await getDb().accountEvent.count()).toBe(1);
  });

  it("a delivery that cannot be stored fails alone, and the sweep retries it a limited number of times", async () => {
    // PostgreSQL refuses \u0000 in jsonb: this submission cannot be stored, whoever tries.
    const bad = await deliver(submission({ note: "nul \u0000 here" }, { umid: "bad-1" }));
    const good = await deliver(submission({ note: "fine" }, { umid: "good-1" }));
    expect(await processDeliveryBatch({ limit: 10 })).toBe(2);
    expect(await getDb().webhookDelivery.findUniqueOrThrow({ where: { id: good } })).toMatchObject({
      result: "PROCESSED",
    });
    expect(await getDb().webhookDelivery.findUniqueOrThrow({ where: { id: bad } })).toMatchObject({
      result: "FAILED",
      attempts: 1,
    });
    for (let sweep = 0; sweep < MAX_DELIVERY_ATTEMPTS + 2; sweep++) await sweepDeliveriesJob.runNow({});
    const failed = await getDb().webhookDelivery.findUniqueOrThrow({ where: { id: bad } });
    expect(failed).toMatchObject({ result: "FAILED", attempts: MAX_DELIVERY_ATTEMPTS });
    expect(failed.error).toContain("retried automatically");
    expect(await getDb().flowResponse.count()).toBe(1);
  });

  it("kickProcessing works the queue in the background, right after storing", async () => {
    const ids = await Promise.all(
      Array.from({ length: 30 }, (_, i) => deliver(submission({ n: String(i) }, { umid: `kick-${i}` }))),
    );
    kickProcessing();
    kickProcessing();
    await expect.poll(pending, { timeout: 10_000 }).toBe(0);
    expect(await getDb().webhookDelivery.count({ where: { id: { in: ids }, result: "PROCESSED" } })).toBe(30);
  });

  it("the sweep is a pg-boss schedule, so it runs on one instance each minute and survives restarts", async () => {
    await import("@/lib/jobs/workers");
    const { startWorkers } = await import("@/lib/jobs");
    await startWorkers();
    const schedules = await getDb().$queryRaw<{ name: string; cron: string }[]>`
      SELECT name, cron FROM pgboss.schedule WHERE name = 'webhooks.sweep'`;
    expect(schedules).toEqual([{ name: "webhooks.sweep", cron: "* * * * *" }]);
    await stopQueue();
  });
});
