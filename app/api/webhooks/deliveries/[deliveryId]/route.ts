import { handleRoute } from "@/lib/http/handle-route";
import { getDeliveryBody } from "@/lib/responses";

// The stored raw delivery (headers without credentials, body as text) for the webhook log's viewer.
export const GET = handleRoute<{ deliveryId: string }>(
  { permission: "webhooks.read" },
  async (_request, { params }) => {
    return Response.json(await getDeliveryBody(params.deliveryId), {
      headers: { "Cache-Control": "no-store" },
    });
  },
);
