import "server-only";
import { randomUUID } from "node:crypto";
import { writeAudit } from "@/lib/audit";
import { can, type CurrentUser } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { getEightByEightClient, isEightByEightError, type EightByEightClient } from "@/lib/eightbyeight";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { entryScreenId, toFlowObject } from "@/lib/preview";
import { mintFlowToken } from "@/lib/responses";
import { parseComponents, templateSendSlots } from "@/lib/templates/components";
import { describeFlowJson } from "@/lib/templates/flow-options";
import { issuesToFieldErrors } from "@/lib/templates/rules";
import {
  checkInteractiveContent,
  checkRecipients,
  checkTemplateValues,
  parseInitialData,
  type InteractiveSendInput,
  type SendIssue,
  type TemplateSendInput,
} from "./rules";
import { buildInteractiveFlowMessage, buildTemplateMessage, type MessageRequest } from "./to-api";

/**
 * Sends a flow (interactive message) or an approved template to a few people, one 8x8 request per
 * recipient. Everything is checked before the first API call; each send is recorded in MessageSend
 * first (its id goes into the flow_token), then gets its umid or its error.
 */
export type SendOutcome = {
  sent: { sendId: string; recipient: string; umid: string | null }[];
  failed: { sendId: string; recipient: string; message: string }[];
};

function refuse(issues: SendIssue[]): never {
  throw new ValidationError(
    issues[0]?.message ?? "Check the highlighted fields.",
    issuesToFieldErrors(issues),
  );
}

/** Testers (messages.testSend without messages.send) may only reach the channel's test numbers. */
function testNumbersLimit(user: CurrentUser, channel: { testNumbers: string[] }): string[] | null {
  return can(user, "messages.send") ? null : channel.testNumbers;
}

type PlannedSend = { sendId: string; recipient: string; flowToken: string | null; request: MessageRequest };

async function deliver(
  client: EightByEightClient,
  planned: PlannedSend[],
  record: {
    channelId: string;
    flowId: string | null;
    templateId: string | null;
    kind: "TEMPLATE" | "INTERACTIVE";
    testNumbers: string[];
    userId: string;
  },
): Promise<SendOutcome> {
  const db = getDb();
  await db.messageSend.createMany({
    data: planned.map((p) => ({
      id: p.sendId,
      channelId: record.channelId,
      flowId: record.flowId,
      templateId: record.templateId,
      kind: record.kind,
      recipient: p.recipient,
      flowToken: p.flowToken,
      status: "queued",
      isTest: record.testNumbers.includes(p.recipient),
      sentById: record.userId,
    })),
  });
  const outcome: SendOutcome = { sent: [], failed: [] };
  for (const p of planned) {
    try {
      const { umid } = await client.messages.send(p.request);
      await db.messageSend.update({ where: { id: p.sendId }, data: { umid } });
      outcome.sent.push({ sendId: p.sendId, recipient: p.recipient, umid });
    } catch (error) {
      if (!isEightByEightError(error)) throw error;
      const upstreamCode = "upstreamCode" in error ? error.upstreamCode : undefined;
      await db.messageSend.update({
        where: { id: p.sendId },
        data: { status: "failed", errorCode: upstreamCode ?? null, errorMessage: error.message },
      });
      logger.warn("sending.failed", {
        sendId: p.sendId,
        status: error.details.status,
        upstreamCode,
        errorId: error.details.errorId,
      });
      outcome.failed.push({ sendId: p.sendId, recipient: p.recipient, message: error.message });
    }
  }
  return outcome;
}

export async function sendInteractiveFlow(
  user: CurrentUser,
  input: InteractiveSendInput,
): Promise<SendOutcome> {
  const db = getDb();
  const flow = await db.flow.findUnique({ where: { id: input.flowId }, include: { channel: true } });
  if (!flow) throw new NotFoundError("The flow");
  if (flow.status === "DEPRECATED") {
    throw new ConflictError(
      "This flow is deprecated: customers may not be able to open it. Send its newer version instead.",
    );
  }
  const { screenIds } = describeFlowJson(flow.flowJson);
  const recipients = checkRecipients(input.recipients, testNumbersLimit(user, flow.channel));
  const issues = [...recipients.issues, ...checkInteractiveContent(input, screenIds)];
  if (issues.length > 0) refuse(issues);
  const startScreen = input.startScreen || entryScreenId(toFlowObject(flow.flowJson ?? "{}").flow) || null;
  const initialData = parseInitialData(input.initialData);
  const client = await getEightByEightClient();
  const planned = recipients.recipients.map((recipient): PlannedSend => {
    const sendId = randomUUID();
    const flowToken = mintFlowToken({ flowId: flow.id, sendId });
    return {
      sendId,
      recipient,
      flowToken,
      request: buildInteractiveFlowMessage({
        msisdn: recipient,
        flowExternalId: flow.externalId,
        content: {
          headerText: input.headerText,
          bodyText: input.bodyText,
          footerText: input.footerText,
          cta: input.cta,
        },
        flowToken,
        draft: flow.status !== "PUBLISHED",
        flowActionData: startScreen
          ? { screen: startScreen, ...(initialData.ok && initialData.data ? { data: initialData.data } : {}) }
          : null,
      }),
    };
  });
  const outcome = await deliver(client, planned, {
    channelId: flow.channelId,
    flowId: flow.id,
    templateId: null,
    kind: "INTERACTIVE",
    testNumbers: flow.channel.testNumbers,
    userId: user.id,
  });
  await writeAudit(user, {
    action: "message.send_flow",
    objectType: "flow",
    objectId: flow.id,
    details: {
      mode: flow.status === "PUBLISHED" ? "published" : "draft",
      sent: outcome.sent.length,
      failed: outcome.failed.length,
      sendIds: planned.map((p) => p.sendId),
    },
  });
  return outcome;
}

export async function sendTemplate(user: CurrentUser, input: TemplateSendInput): Promise<SendOutcome> {
  const db = getDb();
  const template = await db.template.findUnique({
    where: { id: input.templateId },
    include: { channel: true },
  });
  if (!template) throw new NotFoundError("The template");
  if (template.status !== "APPROVED") {
    throw new ConflictError(
      `Only approved templates can be sent; “${template.name}” is ${template.status.toLowerCase()}.`,
    );
  }
  const slots = templateSendSlots(parseComponents(template.components));
  const recipients = checkRecipients(input.recipients, testNumbersLimit(user, template.channel));
  const issues = [...recipients.issues, ...checkTemplateValues(input, slots)];
  if (issues.length > 0) refuse(issues);
  // A Flow button's flow, when Flowport knows it, names the flow in the token so replies are attributed.
  const flowExternalId = template.flowExternalIds[0];
  const flow = flowExternalId
    ? await db.flow.findUnique({
        where: { channelId_externalId: { channelId: template.channelId, externalId: flowExternalId } },
        select: { id: true },
      })
    : null;
  const client = await getEightByEightClient();
  const planned = recipients.recipients.map((recipient): PlannedSend => {
    const sendId = randomUUID();
    const flowToken = flow ? mintFlowToken({ flowId: flow.id, sendId }) : null;
    return {
      sendId,
      recipient,
      flowToken,
      request: buildTemplateMessage({
        msisdn: recipient,
        template: { name: template.name, language: template.language },
        slots,
        values: {
          header: input.header,
          headerMediaUrl: input.headerMediaUrl.trim(),
          body: input.body,
          urlButtons: input.urlButtons,
        },
        flowToken,
      }),
    };
  });
  const outcome = await deliver(client, planned, {
    channelId: template.channelId,
    flowId: flow?.id ?? null,
    templateId: template.id,
    kind: "TEMPLATE",
    testNumbers: template.channel.testNumbers,
    userId: user.id,
  });
  await writeAudit(user, {
    action: "message.send_template",
    objectType: "template",
    objectId: template.id,
    details: {
      name: template.name,
      sent: outcome.sent.length,
      failed: outcome.failed.length,
      sendIds: planned.map((p) => p.sendId),
    },
  });
  return outcome;
}
