import { after } from "next/server";
import { errorResponse, handleRoute } from "@/lib/http/handle-route";
import { logger } from "@/lib/logger";
import {
  BodyTooLargeError,
  isWebhookTokenValid,
  processWebhookDelivery,
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
  const deliveryId = await storeWebhookDelivery({
    body,
    headers: storableHeaders(request.headers),
    receivedAt,
  });
  // A first attempt right after answering; the job enqueued with the delivery is the guarantee.
  after(() =>
    processWebhookDelivery(deliveryId).catch((error: unknown) =>
      logger.warn("webhooks.first_attempt_failed", { deliveryId, error }),
    ),
  );
  return Response.json({ received: true, deliveryId });
});
