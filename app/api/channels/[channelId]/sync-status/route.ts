import { getChannel } from "@/lib/channels";
import { NotFoundError } from "@/lib/errors";
import { handleRoute } from "@/lib/http/handle-route";

/** Polled by the flow list while a background sync runs. */
export const GET = handleRoute<{ channelId: string }>(
  { permission: "flows.read" },
  async (_request, { params }) => {
    if (!/^[0-9a-f-]{36}$/i.test(params.channelId)) throw new NotFoundError("The channel");
    const channel = await getChannel(params.channelId);
    return Response.json(
      {
        lastFlowSyncAt: channel.lastFlowSyncAt?.toISOString() ?? null,
        lastSyncAttemptAt: channel.lastSyncAttemptAt?.toISOString() ?? null,
        lastSyncError: channel.lastSyncError,
      },
      { headers: { "Cache-Control": "no-store" } },
    );
  },
);
