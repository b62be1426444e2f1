import { getCurrentUser } from "@/lib/auth";
import { sendsForFlow } from "@/lib/sending/server";
import { SendLogTable } from "./send-log-table";

/** The flow page's send log (a server component: mount it with the flow's id). */
export async function FlowSendLog({ flowId }: { flowId: string }) {
  const user = await getCurrentUser();
  if (!user) return null;
  return <SendLogTable log={await sendsForFlow(user, flowId)} show="flow" />;
}
