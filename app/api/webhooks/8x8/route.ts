import { errorResponse, handleRoute } from "@/lib/http/handle-route";
import {
  BodyTooLargeError,
  isWebhookTokenValid,
  kickProcessing,
  readLimitedBody,
  storableHeaders,
  storeWebhookDelivery,
} from "@/lib/responses";

// 8x8 webhooks: authenticated by our own token (no session), stored raw, answered 200, then processed.
export const POST = handleRoute({}, async (request) => {
  const receivedAt = new Date();
  if (!isWebhookTokenValid(request)) {
    return errorResponse(401, "unauthenticated", "The webhook token is missing or wrong.");
  }
  let body: Uint8Array;
  try {
    body = await readLimitedBody(request);
  } catch (error) {
    if (error instanceof BodyTooLargeError)
      return errorResponse(413, "payload_too_large", "The body is larger than 1 MB.");
    throw error;
  }
  // Committed before the 200; from then on the stored delivery is queued, whatever happens to this instance.
  const deliveryId = await storeWebhookDelivery({
    body,
    headers: storableHeaders(request.headers),
    receivedAt,
  });
  kickProcessing();
  return Response.json({ received: true, deliveryId });
});
