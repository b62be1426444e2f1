"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/lib/db";
import { getEightByEightClient } from "@/lib/eightbyeight";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { checkHeaderMediaFile, HEADER_MEDIA_FORMATS, templateDraftSchema } from "@/lib/templates";
import { deleteTemplate, submitTemplate, syncChannelTemplates } from "@/lib/templates/server";
import { defineAction } from "./define-action";

export const submitTemplateAction = defineAction(
  { input: templateDraftSchema, permission: "templates.write" },
  async (draft, user) => {
    const template = await submitTemplate(user, draft);
    revalidatePath("/templates");
    return { id: template.id, name: template.name, status: template.status };
  },
);

export const deleteTemplateAction = defineAction(
  { input: z.object({ templateId: z.uuid() }), permission: "templates.write" },
  async ({ templateId }, user) => {
    const { name } = await deleteTemplate(user, templateId);
    revalidatePath("/templates");
    return { name };
  },
);

/** The Sync button: a sync now, reported back (a failure is recorded for the page's notice too). */
export const syncTemplatesAction = defineAction(
  { input: z.object({ channelId: z.uuid() }), permission: "templates.read" },
  async ({ channelId }) => {
    const result = await syncChannelTemplates(channelId);
    revalidatePath("/templates");
    return result;
  },
);

const mediaUploadSchema = z.instanceof(FormData).transform((form, ctx) => {
  const format = z.enum(HEADER_MEDIA_FORMATS).safeParse(form.get("format"));
  const file = form.get("file");
  if (!format.success || !(file instanceof File)) {
    ctx.addIssue({ code: "custom", message: "Choose a file to upload." });
    return z.NEVER;
  }
  return { format: format.data, file };
});

/** Header media goes to 8x8's media endpoint; its URL is the template's header sample. */
export const uploadHeaderMediaAction = defineAction(
  { input: mediaUploadSchema, permission: "templates.write" },
  async ({ format, file }) => {
    const problem = checkHeaderMediaFile(format, file);
    if (problem) throw new ValidationError(problem, { "header.mediaUrl": [problem] });
    const uploaded = await (await getEightByEightClient()).media.upload(file, file.name);
    return { url: uploaded.url, fileName: file.name };
  },
);

/** The Flow JSON a Flow button opens, for the builder's preview of it. */
export const flowForPreviewAction = defineAction(
  { input: z.object({ flowId: z.uuid() }), permission: "flows.preview" },
  async ({ flowId }) => {
    const flow = await getDb().flow.findUnique({
      where: { id: flowId },
      select: { name: true, flowJson: true },
    });
    if (!flow) throw new NotFoundError("The flow");
    return { name: flow.name, flowJson: flow.flowJson ?? "" };
  },
);
