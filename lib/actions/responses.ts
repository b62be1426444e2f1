"use server";
import { revalidatePath } from "next/cache";
import {
  assignResponseSchema,
  assignResponseToFlow,
  reprocessDelivery,
  reprocessDeliverySchema,
} from "@/lib/responses";
import { defineAction } from "./define-action";

export const assignResponseAction = defineAction(
  { input: assignResponseSchema, permission: "responses.assign" },
  async (input, user) => {
    const assigned = await assignResponseToFlow(user, input);
    revalidatePath("/responses");
    revalidatePath(`/flows/${assigned.flowId}/responses`);
    return assigned;
  },
);

export const reprocessDeliveryAction = defineAction(
  { input: reprocessDeliverySchema, permission: "webhooks.read" },
  async (input, user) => {
    const outcome = await reprocessDelivery(user, input);
    revalidatePath("/settings/webhooks");
    return outcome;
  },
);
