import "server-only";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { defineJob } from "@/lib/jobs";
import { badRequest, conflict, notFound, SIM_CODES, SimError } from "./errors";
import type { SimResponse } from "./types";
import { accountEvent, deliverWebhookJob } from "./webhooks";

const CATEGORIES = new Set(["UTILITY", "MARKETING", "AUTHENTICATION"]);
const COMPONENT_TYPES = new Set([
  "HEADER",
  "BODY",
  "FOOTER",
  "BUTTONS",
  "CAROUSEL",
  "CALL_PERMISSION_REQUEST",
]);
const BUTTON_TYPES = new Set([
  "PHONE_NUMBER",
  "URL",
  "QUICK_REPLY",
  "OTP",
  "COPY_CODE",
  "FLOW",
  "VOICE_CALL",
]);
/** The reference schema's limit (the guide says 25, 8x8-api.md §9 #19). */
export const BUTTON_TEXT_MAX = 20;
const NAME_REUSE_DAYS = 30;

type Component = { type?: unknown; text?: unknown; format?: unknown; examples?: unknown; buttons?: unknown };
type Button = { type?: unknown; text?: unknown; flowId?: unknown; url?: unknown; phoneNumber?: unknown };

const upper = (value: unknown) => (typeof value === "string" ? value.toUpperCase() : "");

/** Checks the add-template body (8x8-api.md §3.2); both casings of enums are accepted, as the doc examples mix them. */
async function parseTemplate(channelId: string, raw: unknown) {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw))
    throw badRequest("Request body must be a JSON object");
  const body = raw as Record<string, unknown>;
  if (typeof body.name !== "string" || !/^[A-Za-z0-9_]{1,200}$/.test(body.name)) {
    throw badRequest("name is required: up to 200 letters, digits and underscores");
  }
  if (typeof body.language !== "string" || !/^[A-Za-z]{2}(_[A-Za-z]{2})?$/.test(body.language))
    throw badRequest("language is required, e.g. en_US");
  if (!CATEGORIES.has(upper(body.category)))
    throw badRequest("category must be one of UTILITY, MARKETING, AUTHENTICATION");
  if (!Array.isArray(body.components) || body.components.length === 0)
    throw badRequest("components is required");
  const components = body.components as Component[];
  for (const component of components) {
    if (!COMPONENT_TYPES.has(upper(component.type ?? "BODY")))
      throw badRequest(`Invalid component type '${String(component.type)}'`);
  }
  const bodyComponent = components.find((c) => upper(c.type ?? "BODY") === "BODY");
  if (!bodyComponent || typeof bodyComponent.text !== "string" || bodyComponent.text.trim() === "")
    throw badRequest("A BODY component with text is required");
  if (components.some((c) => upper(c.type) === "HEADER" && c.format === undefined))
    throw badRequest("format is required for HEADER components");

  const flowIds: string[] = [];
  for (const component of components.filter((c) => upper(c.type) === "BUTTONS")) {
    if (!Array.isArray(component.buttons) || component.buttons.length === 0)
      throw badRequest("buttons is required for BUTTONS components");
    for (const button of component.buttons as Button[]) {
      const type = upper(button.type);
      if (!BUTTON_TYPES.has(type)) throw badRequest(`Invalid button type '${String(button.type)}'`);
      if (
        type !== "VOICE_CALL" &&
        (typeof button.text !== "string" || button.text.length === 0 || button.text.length > BUTTON_TEXT_MAX)
      ) {
        throw badRequest(`Button text must be non-empty and <= ${BUTTON_TEXT_MAX} characters`);
      }
      if (type === "URL" && typeof button.url !== "string")
        throw badRequest("url is required for URL buttons");
      if (type === "PHONE_NUMBER" && typeof button.phoneNumber !== "string")
        throw badRequest("phoneNumber is required for PHONE_NUMBER buttons");
      if (type === "FLOW") {
        if (typeof button.flowId !== "string" || button.flowId === "")
          throw badRequest("flowId is required for FLOW buttons");
        const flow = await getDb().simFlow.findFirst({ where: { id: button.flowId, channelId } });
        if (!flow) throw notFound(`Flow ${button.flowId} not found`);
        if (flow.status !== "PUBLISHED") throw badRequest("Flow is not published");
        flowIds.push(button.flowId);
      }
    }
  }
  return { name: body.name, language: body.language, category: upper(body.category), components, flowIds };
}

export async function addTemplate(channelId: string, raw: unknown): Promise<SimResponse> {
  const input = await parseTemplate(channelId, raw);
  const db = getDb();
  const existing = await db.simTemplate.findMany({ where: { channelId, name: input.name } });
  if (existing.some((t) => t.deletedAt === null && t.language === input.language)) {
    throw conflict(`A template named ${input.name} already exists in ${input.language}`);
  }
  const reuseLimit = Date.now() - NAME_REUSE_DAYS * 86_400_000;
  if (existing.some((t) => t.deletedAt !== null && t.deletedAt.getTime() > reuseLimit)) {
    throw new SimError(
      400,
      SIM_CODES.templateNameReuse,
      "New Indonesian content can't be added while the existing Indonesian content is being deleted. Try again in 4 weeks or consider creating a new message template.",
    );
  }
  const template = await db.simTemplate.create({
    data: {
      channelId,
      name: input.name,
      language: input.language,
      category: input.category,
      components: input.components as object[],
      flowIds: input.flowIds,
    },
  });
  await reviewTemplateJob.send(
    { templateId: template.id },
    { startAfter: getEnv().SIMULATOR_TEMPLATE_REVIEW_SECONDS },
  );
  return { status: 200, json: {} };
}

/** Meta's review, made deterministic so demos and tests can predict it. */
export function reviewOutcome(
  category: string,
  components: unknown,
): { status: "APPROVED" | "REJECTED"; reason?: string } {
  const list = Array.isArray(components) ? (components as Component[]) : [];
  const body = list.find((c) => upper(c.type ?? "BODY") === "BODY");
  const text = typeof body?.text === "string" ? body.text : "";
  const variables = text.match(/\{\{\d+\}\}/g) ?? [];
  const examples = Array.isArray(body?.examples) ? body.examples : [];
  if (variables.length > examples.length) return { status: "REJECTED", reason: "INVALID_FORMAT" };
  if (category === "UTILITY" && /\b(sale|discount|offer|promo(tion)?|\d+% off)\b/i.test(text))
    return { status: "REJECTED", reason: "INCORRECT_CATEGORY" };
  return { status: "APPROVED" };
}

export async function decideTemplate(templateId: string): Promise<void> {
  const db = getDb();
  const template = await db.simTemplate.findUnique({ where: { id: templateId } });
  if (!template || template.deletedAt || template.status !== "PENDING") return;
  const outcome = reviewOutcome(template.category, template.components);
  await db.simTemplate.update({
    where: { id: template.id },
    data: { status: outcome.status, rejectionReason: outcome.reason ?? null, updatedAt: new Date() },
  });
  await deliverWebhookJob.send({
    event: accountEvent("template_status_update", {
      templateId: template.id,
      templateName: template.name,
      templateLanguage: template.language,
      meta: { status: outcome.status, ...(outcome.reason ? { reason: outcome.reason } : {}) },
    }),
  });
}

export const reviewTemplateJob = defineJob<{ templateId: string }>("sim-review-template", ({ templateId }) =>
  decideTemplate(templateId),
);

const CATEGORY_NAMES: Record<string, string> = {
  UTILITY: "Utility",
  MARKETING: "Marketing",
  AUTHENTICATION: "Authentication",
};
const STATUS_NAMES: Record<string, string> = {
  PENDING: "Pending",
  APPROVED: "Approved",
  REJECTED: "Rejected",
  PAUSED: "Paused",
  DISABLED: "Disabled",
};

export async function listTemplates(channelId: string): Promise<SimResponse> {
  const templates = await getDb().simTemplate.findMany({
    where: { channelId, deletedAt: null },
    orderBy: { createdAt: "asc" },
  });
  return {
    status: 200,
    json: {
      templates: templates.map((t) => ({
        channelId,
        channelName: "WhatsApp (simulator)",
        templateName: t.name,
        language: t.language,
        languageName: t.language,
        components: t.components,
        category: t.category,
        categoryName: CATEGORY_NAMES[t.category] ?? t.category,
        status: t.status,
        statusName: STATUS_NAMES[t.status] ?? t.status,
        ...(t.rejectionReason ? { rejectionReason: t.rejectionReason } : {}),
        createdAt: t.createdAt.toISOString(),
        updatedAt: t.updatedAt.toISOString(),
      })),
    },
  };
}

/** Removes every language of the name (8x8 leaves this open); the name then cannot be reused for 30 days. */
export async function removeTemplate(channelId: string, name: string): Promise<SimResponse> {
  const { count } = await getDb().simTemplate.updateMany({
    where: { channelId, name, deletedAt: null },
    data: { deletedAt: new Date() },
  });
  if (count === 0) throw notFound("Template not found");
  return { status: 200, json: {} };
}
