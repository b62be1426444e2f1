import { handleRoute } from "@/lib/http/handle-route";
import { receiveWebhook } from "@/lib/responses";

// 8x8 webhooks: authenticated by our own token (no session), stored raw, answered 200, then processed.
// In production scripts/server.ts answers this URL before Next.js with the same receiveWebhook; this handler
// serves `next dev` and any server without that fast path.
export const POST = handleRoute({}, async (request) => {
  const { status, json } = await receiveWebhook({
    url: request.url,
    headers: Object.fromEntries(request.headers),
    // Node's Web streams are async iterables of chunks; the DOM typings in use leave that out.
    body: (request.body ?? []) as unknown as AsyncIterable<Uint8Array>,
  });
  return Response.json(json, { status });
});
