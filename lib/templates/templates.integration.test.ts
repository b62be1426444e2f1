import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { resolveApiConfig } from "@/lib/eightbyeight";
import { createSimulatorFetch, seedSimulatorDemo } from "@/lib/eightbyeight/simulator";
import { stopQueue } from "@/lib/jobs";
import { verifyFlowToken } from "@/lib/responses";
import { sendInteractiveFlow, sendsForFlow, sendTemplate } from "@/lib/sending/server";
import { resetDatabase } from "@/lib/testing/database";
import { emptyTemplateDraft } from "./rules";
import { deleteTemplate, submitTemplate, syncChannelTemplates, templatesUsingFlow } from "./server";

/**
 * Templates and sends against the built-in simulator, in process: what the simulator stored must be
 * the documented request, and refused input must never reach it.
 */
const HEALTH = "ec36a867-3dd4-e911-814a-02d85f55fce8";
const TEST_NUMBER = "+15550100001";
const documented = JSON.parse(
  readFileSync(
    path.resolve(
      "lib/examples/corpus/seed-api-examples/template-create--appointment-reminder-flow-button.json",
    ),
    "utf8",
  ),
) as { components: unknown[] };

let apiCalls: string[] = [];
let simulatorControl: (route: string) => Promise<Response>;

/** The simulator's control endpoint: Meta's review ends now instead of after its delay. */
async function finishTemplateReviews() {
  const response = await simulatorControl("template-reviews");
  expect(response.status).toBe(200);
}

async function setUp() {
  await resetDatabase();
  const db = getDb();
  await seedSimulatorDemo(db);
  const config = await resolveApiConfig();
  const simulator = createSimulatorFetch({ baseUrl: config.baseUrl, apiKey: config.apiKey! });
  apiCalls = [];
  simulatorControl = (route) =>
    simulator(`${config.baseUrl}/_control/${route}`, {
      method: "POST",
      headers: { Authorization: `Bearer ${config.apiKey}` },
    });
  vi.stubGlobal("fetch", async (input: RequestInfo | URL, init?: RequestInit) => {
    apiCalls.push(
      `${init?.method ?? "GET"} ${new URL(input instanceof Request ? input.url : input.toString()).pathname}`,
    );
    return simulator(input, init);
  });
  const channel = await db.channel.create({
    data: { externalId: HEALTH, name: "Acme Health", testNumbers: [TEST_NUMBER] },
  });
  const published = await db.simFlow.findFirstOrThrow({
    where: { channelId: HEALTH, status: "PUBLISHED", name: "Healthcare appointment" },
  });
  const flow = await db.flow.create({
    data: {
      channelId: channel.id,
      externalId: published.id,
      name: published.name,
      status: "PUBLISHED",
      flowJson: published.flowJson,
    },
  });
  const draftSim = await db.simFlow.findFirstOrThrow({
    where: { channelId: HEALTH, status: "DRAFT", name: "Hello World" },
  });
  const draftFlow = await db.flow.create({
    data: {
      channelId: channel.id,
      externalId: draftSim.id,
      name: draftSim.name,
      status: "DRAFT",
      flowJson: draftSim.flowJson,
    },
  });
  const user = await db.user.create({
    data: { email: "marketer@example.test", name: "Marketer", role: "MARKETER", passwordHash: "x" },
  });
  const tester = await db.user.create({
    data: { email: "tester@example.test", name: "Tester", role: "TESTER", passwordHash: "x" },
  });
  const asUser = (u: typeof user): CurrentUser => ({
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    logAccess: false,
  });
  return { channel, flow, draftFlow, marketer: asUser(user), tester: asUser(tester) };
}

function flowTemplateDraft(channelId: string, flowExternalId: string, name = "appointment_reminder_v2") {
  return {
    ...emptyTemplateDraft(channelId),
    name,
    body: { text: "Hi {{1}}, your appointment is coming up. Need to reschedule?", examples: ["John"] },
    buttons: [
      {
        type: "FLOW" as const,
        text: "Reschedule",
        flowId: flowExternalId,
        flowAction: "navigate" as const,
        navigateScreen: "FIRST_ENTRY_SCREEN",
      },
    ],
  };
}

afterAll(async () => {
  await stopQueue();
});

describe("templates against the simulator", () => {
  let ctx: Awaited<ReturnType<typeof setUp>>;
  beforeEach(async () => {
    ctx = await setUp();
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it("submits exactly the documented body (AT-TPL-4) and caches the template as PENDING", async () => {
    const template = await submitTemplate(
      ctx.marketer,
      flowTemplateDraft(ctx.channel.id, ctx.flow.externalId),
    );
    expect(template.status).toBe("PENDING");
    expect(template.flowExternalIds).toEqual([ctx.flow.externalId]);
    const stored = await getDb().simTemplate.findFirstOrThrow({
      where: { channelId: HEALTH, name: "appointment_reminder_v2" },
    });
    expect(stored.components).toEqual([
      {
        type: "BODY",
        text: "Hi {{1}}, your appointment is coming up. Need to reschedule?",
        examples: ["John"],
      },
      { type: "BUTTONS", buttons: [{ type: "FLOW", text: "Reschedule", flowId: ctx.flow.externalId }] },
    ]);
    // The documented example, with our flow id and the required sample added.
    expect((stored.components as unknown[])[1]).toEqual({
      ...(documented.components[1] as object),
      buttons: [{ type: "FLOW", text: "Reschedule", flowId: ctx.flow.externalId }],
    });
    expect(
      await getDb().auditLog.count({ where: { action: "template.submit", objectId: template.id } }),
    ).toBe(1);
    // The flow page's usage map.
    expect((await templatesUsingFlow(ctx.flow.id)).map((t) => t.name)).toEqual(["appointment_reminder_v2"]);
    expect(await templatesUsingFlow(ctx.draftFlow.id)).toEqual([]);
  });

  it("refuses a rule violation on the server before calling 8x8", async () => {
    const draft = { ...flowTemplateDraft(ctx.channel.id, ctx.draftFlow.externalId), name: "Bad Name" };
    await expect(submitTemplate(ctx.marketer, draft)).rejects.toMatchObject({
      code: "validation_failed",
      fieldErrors: {
        name: [expect.stringMatching(/lowercase/)],
        "buttons.0.flowId": [expect.stringMatching(/not published/)],
      },
    });
    expect(apiCalls.filter((c) => c.startsWith("POST"))).toEqual([]);
  });

  it("follows the review by sync: PENDING → APPROVED, and a promotional Utility template → REJECTED with its reason", async () => {
    const approved = await submitTemplate(
      ctx.marketer,
      flowTemplateDraft(ctx.channel.id, ctx.flow.externalId, "visit_reminder"),
    );
    const rejected = await submitTemplate(ctx.marketer, {
      ...flowTemplateDraft(ctx.channel.id, ctx.flow.externalId, "visit_offer"),
      body: { text: "Hi {{1}}, book now and get a 20% discount on your visit.", examples: ["John"] },
    });
    await finishTemplateReviews();
    await syncChannelTemplates(ctx.channel.id);
    const db = getDb();
    expect(await db.template.findUniqueOrThrow({ where: { id: approved.id } })).toMatchObject({
      status: "APPROVED",
      rejectionReason: null,
    });
    expect(await db.template.findUniqueOrThrow({ where: { id: rejected.id } })).toMatchObject({
      status: "REJECTED",
      rejectionReason: "INCORRECT_CATEGORY",
    });
    // The seeded templates of the channel arrive with the sync too.
    expect(
      await db.template.count({
        where: { channelId: ctx.channel.id, name: "appointment_reminder", status: "APPROVED" },
      }),
    ).toBe(1);
  });

  it("deletes by name and remembers the name for 30 days", async () => {
    const template = await submitTemplate(
      ctx.marketer,
      flowTemplateDraft(ctx.channel.id, ctx.flow.externalId, "short_lived"),
    );
    await deleteTemplate(ctx.marketer, template.id);
    expect(await getDb().template.count({ where: { name: "short_lived" } })).toBe(0);
    await expect(
      submitTemplate(ctx.marketer, flowTemplateDraft(ctx.channel.id, ctx.flow.externalId, "short_lived")),
    ).rejects.toMatchObject({
      fieldErrors: { name: [expect.stringMatching(/deleted recently/)] },
    });
  });
});

describe("sending against the simulator", () => {
  let ctx: Awaited<ReturnType<typeof setUp>>;
  beforeEach(async () => {
    ctx = await setUp();
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  const interactive = (flowId: string, recipients: string) => ({
    flowId,
    recipients,
    headerText: "Your visit",
    bodyText: "Pick a time that suits you.",
    footerText: "",
    cta: "Book now",
    startScreen: "",
    initialData: "",
  });

  it("refuses bad numbers, each with its reason, before any API call", async () => {
    await expect(
      sendInteractiveFlow(ctx.marketer, interactive(ctx.flow.id, "+15550100001, 0712 345, +4477009")),
    ).rejects.toMatchObject({
      code: "validation_failed",
      fieldErrors: {
        recipients: [
          expect.stringMatching(/“0712 345” has no country code/),
          expect.stringMatching(/“\+4477009” is too short/),
        ],
      },
    });
    expect(apiCalls).toEqual([]);
    expect(await getDb().messageSend.count()).toBe(0);
  });

  it("keeps testers to the channel's test numbers", async () => {
    await expect(
      sendInteractiveFlow(ctx.tester, interactive(ctx.flow.id, "+447700900123")),
    ).rejects.toMatchObject({
      fieldErrors: { recipients: [expect.stringMatching(/test numbers/)] },
    });
    const outcome = await sendInteractiveFlow(ctx.tester, interactive(ctx.flow.id, TEST_NUMBER));
    expect(outcome.sent).toHaveLength(1);
  });

  it("sends a flow message with a minted token, records it, and sends drafts in draft mode", async () => {
    const outcome = await sendInteractiveFlow(ctx.marketer, interactive(ctx.flow.id, TEST_NUMBER));
    const [sent] = outcome.sent;
    const record = await getDb().messageSend.findUniqueOrThrow({ where: { id: sent!.sendId } });
    expect(record).toMatchObject({
      kind: "INTERACTIVE",
      recipient: TEST_NUMBER,
      flowId: ctx.flow.id,
      umid: sent!.umid,
      status: "queued",
      isTest: true,
      sentById: ctx.marketer.id,
    });
    expect(verifyFlowToken(record.flowToken!)).toEqual({ flowId: ctx.flow.id, sendId: record.id });
    const simMessage = await getDb().simMessage.findUniqueOrThrow({ where: { umid: sent!.umid! } });
    expect(simMessage).toMatchObject({
      flowId: ctx.flow.externalId,
      flowToken: record.flowToken,
      contentType: "Interactive",
    });

    // The flow page's send log, masked for a user without log access.
    const log = await sendsForFlow(ctx.marketer, ctx.flow.id);
    expect(log).toMatchObject({
      total: 1,
      responded: 0,
      rows: [
        {
          id: record.id,
          recipient: "+*******0001",
          status: "queued",
          sentBy: "marketer@example.test",
          kind: "INTERACTIVE",
        },
      ],
    });
    expect((await sendsForFlow({ ...ctx.marketer, logAccess: true }, ctx.flow.id)).rows[0]?.recipient).toBe(
      TEST_NUMBER,
    );

    const draft = await sendInteractiveFlow(ctx.marketer, interactive(ctx.draftFlow.id, TEST_NUMBER));
    expect(draft.sent).toHaveLength(1);
    expect(draft.failed).toEqual([]);
  });

  it("sends an approved template with its variables, and refuses a template that is not approved", async () => {
    await syncChannelTemplates(ctx.channel.id);
    const db = getDb();
    const reminder = await db.template.findFirstOrThrow({
      where: { channelId: ctx.channel.id, name: "appointment_reminder" },
    });
    const outcome = await sendTemplate(ctx.marketer, {
      templateId: reminder.id,
      recipients: "+44 7700 900123",
      header: "",
      headerMediaUrl: "",
      body: ["Jane"],
      urlButtons: {},
    });
    expect(outcome.failed).toEqual([]);
    const record = await db.messageSend.findUniqueOrThrow({ where: { id: outcome.sent[0]!.sendId } });
    expect(record).toMatchObject({
      kind: "TEMPLATE",
      templateId: reminder.id,
      recipient: "+447700900123",
      isTest: false,
    });

    await expect(
      sendTemplate(ctx.marketer, {
        templateId: reminder.id,
        recipients: TEST_NUMBER,
        header: "",
        headerMediaUrl: "",
        body: [""],
        urlButtons: {},
      }),
    ).rejects.toMatchObject({ fieldErrors: { "body.0": [expect.stringMatching(/Fill in \{\{1\}\}/)] } });

    const rejected = await db.template.findFirstOrThrow({
      where: { channelId: ctx.channel.id, name: "returns_help" },
    });
    await expect(
      sendTemplate(ctx.marketer, {
        templateId: rejected.id,
        recipients: TEST_NUMBER,
        header: "",
        headerMediaUrl: "",
        body: [],
        urlButtons: {},
      }),
    ).rejects.toMatchObject({
      code: "conflict",
    });
  });
});
