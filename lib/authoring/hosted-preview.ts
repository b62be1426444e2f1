import "server-only";
import { getDb } from "@/lib/db";
import { getEightByEightClient } from "@/lib/eightbyeight";
import { NotFoundError } from "@/lib/errors";

export type HostedPreviewLinkData = { url: string; expiresAt: string | null };

/** Meta's hosted preview link through 8x8 (GET …/preview); `refresh` regenerates it (AT-PREV-4). */
export async function getHostedPreview(
  flowId: string,
  options: { refresh: boolean },
): Promise<HostedPreviewLinkData> {
  const flow = await getDb().flow.findUnique({
    where: { id: flowId },
    select: { externalId: true, channel: { select: { externalId: true } } },
  });
  if (!flow) throw new NotFoundError("The flow");
  const client = await getEightByEightClient();
  const preview = await client.flows.preview(flow.channel.externalId, flow.externalId, {
    refresh: options.refresh,
  });
  return { url: preview.previewUrl, expiresAt: preview.expiresAt?.toISOString() ?? null };
}
