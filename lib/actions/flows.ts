"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { deleteFlow, deprecateFlow, syncChannelFlows } from "@/lib/flows";
import { logger } from "@/lib/logger";
import { defineAction } from "./define-action";

const flowIdInput = z.object({ flowId: z.uuid("Choose a flow.") });

/** After an action the cache is reconciled at once; a failing sync must not turn a done action into an error. */
async function syncAfterAction(channelId: string): Promise<void> {
  try {
    await syncChannelFlows(channelId);
  } catch (error) {
    logger.warn("flows.sync_after_action_failed", {
      channelId,
      reason: error instanceof Error ? error.message : "unknown",
    });
  }
}

export const deleteFlowAction = defineAction(
  { input: flowIdInput, permission: "flows.delete" },
  async ({ flowId }, user) => {
    const { name, channelId } = await deleteFlow(user, flowId);
    await syncAfterAction(channelId);
    revalidatePath("/flows");
    return { name };
  },
);

export const deprecateFlowAction = defineAction(
  { input: flowIdInput, permission: "flows.publish" },
  async ({ flowId }, user) => {
    const { name, channelId } = await deprecateFlow(user, flowId);
    await syncAfterAction(channelId);
    revalidatePath("/flows");
    return { name };
  },
);

/** The Refresh button: a sync now, reported back (failures are recorded on the channel and shown too). */
export const refreshFlowsAction = defineAction(
  { input: z.object({ channelId: z.uuid() }), permission: "flows.read" },
  async ({ channelId }) => {
    const result = await syncChannelFlows(channelId);
    revalidatePath("/flows");
    return result;
  },
);
