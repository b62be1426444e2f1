import "server-only";
import { can, type CurrentUser } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { entryScreenId, toFlowObject } from "@/lib/preview";
import { parseComponents, type CachedComponent } from "@/lib/templates/components";
import { describeFlowJson } from "@/lib/templates/flow-options";

export type SendableTemplate = { id: string; name: string; language: string; components: CachedComponent[] };

export type SendFlowDialogData = {
  flow: {
    id: string;
    name: string;
    status: "DRAFT" | "PUBLISHED" | "DEPRECATED";
    screenIds: string[];
    entryScreen: string | null;
  };
  channel: { name: string; testNumbers: string[] };
  /** The user may only send tests to the channel's test numbers. */
  testersOnly: boolean;
  /** Approved templates whose Flow button opens this flow. */
  templates: SendableTemplate[];
};

/** Everything the flow page's send dialog needs; null when the flow does not exist. */
export async function loadSendFlowDialogData(
  user: CurrentUser,
  flowId: string,
): Promise<SendFlowDialogData | null> {
  const db = getDb();
  const flow = await db.flow.findUnique({
    where: { id: flowId },
    include: { channel: { select: { name: true, testNumbers: true } } },
  });
  if (!flow) return null;
  const templates = await db.template.findMany({
    where: { channelId: flow.channelId, status: "APPROVED", flowExternalIds: { has: flow.externalId } },
    orderBy: { name: "asc" },
  });
  return {
    flow: {
      id: flow.id,
      name: flow.name,
      status: flow.status,
      screenIds: describeFlowJson(flow.flowJson).screenIds,
      entryScreen: flow.flowJson ? (entryScreenId(toFlowObject(flow.flowJson).flow) ?? null) : null,
    },
    channel: flow.channel,
    testersOnly: !can(user, "messages.send"),
    templates: templates.map((t) => ({
      id: t.id,
      name: t.name,
      language: t.language,
      components: parseComponents(t.components),
    })),
  };
}
