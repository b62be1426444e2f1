import "server-only";
import { writeAudit } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth";
import { getDb, type Prisma } from "@/lib/db";
import { EightByEightApiError, getEightByEightClient } from "@/lib/eightbyeight";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { flowIdsOfComponents, parseComponents } from "./components";
import { scheduleApprovalCheck } from "./jobs";
import { templateRuleContext } from "./queries";
import { checkTemplateDraft, issuesToFieldErrors, type TemplateDraft } from "./rules";
import { toTemplateCreateRequest } from "./to-api";

/**
 * Submit and delete. Submit checks every builder rule again (the browser's check is a convenience),
 * sends the documented request, caches the template as PENDING and schedules the approval follow-up.
 */
export async function submitTemplate(user: CurrentUser, draft: TemplateDraft) {
  const db = getDb();
  const channel = await db.channel.findUnique({
    where: { id: draft.channelId },
    select: { id: true, externalId: true },
  });
  if (!channel) throw new NotFoundError("The channel");
  const issues = checkTemplateDraft(draft, await templateRuleContext(channel.id));
  if (issues.length > 0) throw new ValidationError(issues[0]!.message, issuesToFieldErrors(issues));

  const request = toTemplateCreateRequest(draft);
  try {
    await (await getEightByEightClient()).templates.add(channel.externalId, request);
  } catch (error) {
    if (error instanceof EightByEightApiError && error.upstreamCode === 3060) {
      throw new ValidationError(error.message, { name: [error.message] });
    }
    throw error;
  }

  const components = parseComponents(request.components);
  const data = {
    category: request.category,
    status: "PENDING",
    rejectionReason: null,
    qualityScore: "UNKNOWN",
    components: request.components as unknown as Prisma.InputJsonValue,
    flowExternalIds: flowIdsOfComponents(components),
  };
  // A webhook or a sync may already have cached it; the submitted content wins either way.
  const template = await db.template.upsert({
    where: {
      channelId_name_language: { channelId: channel.id, name: request.name, language: request.language },
    },
    create: { channelId: channel.id, name: request.name, language: request.language, ...data },
    update: data,
  });
  await writeAudit(user, {
    action: "template.submit",
    objectType: "template",
    objectId: template.id,
    details: {
      name: template.name,
      language: template.language,
      category: template.category,
      flowIds: template.flowExternalIds,
    },
  });
  try {
    await scheduleApprovalCheck(template.id);
  } catch (error) {
    // The template is submitted; webhooks and page-view syncs still bring its status.
    logger.error("templates.approval_follow_up_not_scheduled", { templateId: template.id, error });
  }
  return template;
}

/** 8x8 deletes by name; the name is then blocked for 30 days, which the builder remembers. */
export async function deleteTemplate(user: CurrentUser, templateId: string) {
  const db = getDb();
  const template = await db.template.findUnique({
    where: { id: templateId },
    include: { channel: { select: { externalId: true } } },
  });
  if (!template) throw new NotFoundError("The template");
  await (await getEightByEightClient()).templates.remove(template.channel.externalId, template.name);
  await db.$transaction(async (tx) => {
    // Every language of the name goes: 8x8's delete takes only the name.
    const removed = await tx.template.findMany({
      where: { channelId: template.channelId, name: template.name },
      select: { language: true },
    });
    await tx.template.deleteMany({ where: { channelId: template.channelId, name: template.name } });
    await tx.templateDeletion.createMany({
      data: removed.map((r) => ({
        channelId: template.channelId,
        name: template.name,
        language: r.language,
        deletedById: user.id,
      })),
    });
    await writeAudit(
      user,
      {
        action: "template.delete",
        objectType: "template",
        objectId: template.id,
        details: { name: template.name, languages: removed.map((r) => r.language) },
      },
      tx,
    );
  });
  return { name: template.name };
}
