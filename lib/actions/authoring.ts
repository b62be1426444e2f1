"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import {
  createFlow,
  getHostedPreview,
  getRevisionText,
  listRevisions,
  publishFlow,
  saveFlow,
} from "@/lib/authoring";
import { createFlowSchema, flowIdSchema, revisionRefSchema, saveFlowSchema } from "@/lib/authoring/schemas";
import { defineAction } from "./define-action";

function revalidateFlow(flowId: string) {
  revalidatePath("/flows");
  revalidatePath(`/flows/${flowId}`);
}

export const createFlowAction = defineAction(
  { input: createFlowSchema, permission: "flows.write" },
  async (input, user) => {
    const created = await createFlow(user, input);
    revalidatePath("/flows");
    if (input.previousVersionId) revalidatePath(`/flows/${input.previousVersionId}`);
    return created;
  },
);

export const saveFlowAction = defineAction(
  { input: saveFlowSchema, permission: "flows.write" },
  async (input, user) => {
    const saved = await saveFlow(user, input);
    revalidateFlow(input.flowId);
    return saved;
  },
);

export const publishFlowAction = defineAction(
  { input: flowIdSchema, permission: "flows.publish" },
  async ({ flowId }, user) => {
    const published = await publishFlow(user, flowId);
    revalidateFlow(flowId);
    return published;
  },
);

export const listFlowRevisionsAction = defineAction(
  { input: z.object({ flowId: z.uuid() }), permission: "flows.read" },
  async ({ flowId }) => listRevisions(flowId),
);

export const getFlowRevisionAction = defineAction(
  { input: revisionRefSchema, permission: "flows.read" },
  async ({ flowId, number }) => getRevisionText(flowId, number),
);

/** "Refresh preview": a new hosted link with refresh=true (AT-PREV-4). */
export const refreshHostedPreviewAction = defineAction(
  { input: flowIdSchema, permission: "flows.preview" },
  async ({ flowId }) => getHostedPreview(flowId, { refresh: true }),
);
