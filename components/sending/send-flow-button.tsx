import { can, getCurrentUser } from "@/lib/auth";
import { loadSendFlowDialogData } from "@/lib/sending/server";
import { SendFlowDialog } from "./send-flow-dialog";

/** The flow page's "Send" entry point (a server component: mount it with the flow's id); hidden without send rights. */
export async function SendFlowButton({ flowId }: { flowId: string }) {
  const user = await getCurrentUser();
  if (!user || !can(user, "messages.testSend")) return null;
  const data = await loadSendFlowDialogData(user, flowId);
  return data ? <SendFlowDialog {...data} /> : null;
}
