// The production server (`npm start` runs it with tsx through scripts/start.mjs):
// Next.js behind node:http, except POST /api/webhooks/8x8, which is answered before Next.js' request pipeline
// because that pipeline alone costs more per request than issue 8's ingestion target allows on a small host.
import "./lib/server-only-outside-rsc.mjs";
import { readFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import next from "next";

type RoutesManifest = { headers: { source: string; headers: { key: string; value: string }[] }[] };

const SHUTDOWN_GRACE_MS = 10_000;

const dir = path.resolve(__dirname, "..");
const port = Number(process.env.PORT || 3000);
const app = next({ dev: false, dir, port });
const handleWithNext = app.getRequestHandler();
// The headers next.config.mjs sets on every response, as built, for the fast path's answers too.
const manifestPath = path.join(dir, process.env.NEXT_DIST_DIR || ".next", "routes-manifest.json");
const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as RoutesManifest;
const everywhere = manifest.headers.find((rule) => rule.source === "/:path*");

const server = http.createServer();

// prepare() also runs instrumentation.ts (lib/boot.ts: configuration check, job workers) as `next start` does.
// lib/ is loaded after it: modules there reach Next.js internals that prepare() sets up (AsyncLocalStorage).
void app.prepare().then(async () => {
  const { createWebhookFastPath } = await import("@/lib/responses");
  const handleWebhook = createWebhookFastPath({
    headers: Object.fromEntries((everywhere?.headers ?? []).map(({ key, value }) => [key, value])),
  });
  server.on("request", (request: http.IncomingMessage, response: http.ServerResponse) => {
    if (handleWebhook(request, response)) return;
    handleWithNext(request, response).catch((error: unknown) => {
      console.error(`Failed to handle request for ${request.url}`, error);
      if (!response.headersSent) response.statusCode = 500;
      response.end();
    });
  });
  server.listen(port, () => console.log(`Flowport listening on http://localhost:${port}`));
});

function shutdown(): void {
  // Stop accepting and close idle keep-alive connections; requests in flight finish (a webhook's 200 is only
  // sent once its delivery is committed). Deliveries not yet processed stay PENDING for the next sweep.
  server.close(() => {
    void app.close().finally(() => process.exit(0));
  });
  setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS).unref();
}
process.once("SIGTERM", shutdown);
process.once("SIGINT", shutdown);
