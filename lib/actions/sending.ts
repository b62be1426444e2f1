"use server";
import { revalidatePath } from "next/cache";
import { interactiveSendSchema, templateSendSchema } from "@/lib/sending";
import { sendInteractiveFlow, sendTemplate } from "@/lib/sending/server";
import { defineAction } from "./define-action";

// messages.testSend lets testers in; sendInteractiveFlow/sendTemplate then keep them to the test numbers.
export const sendFlowAction = defineAction(
  { input: interactiveSendSchema, permission: "messages.testSend" },
  async (input, user) => {
    const outcome = await sendInteractiveFlow(user, input);
    revalidatePath(`/flows/${input.flowId}`);
    return outcome;
  },
);

export const sendTemplateAction = defineAction(
  { input: templateSendSchema, permission: "messages.testSend" },
  async (input, user) => {
    const outcome = await sendTemplate(user, input);
    revalidatePath(`/templates/${input.templateId}`);
    return outcome;
  },
);
