import "server-only";
import { handleSimulatorRequest } from "./router";
import { toHttpResponse, toSimRequest } from "./http-adapter";

/**
 * A `fetch` that answers from the simulator in this process, without HTTP: for the demo seed (no server is
 * running yet), the benchmark and tests. `baseUrl` is the URL the client is configured with.
 */
export function createSimulatorFetch(options: { baseUrl: string; apiKey: string }): typeof fetch {
  const base = new URL(options.baseUrl);
  const basePath = base.pathname.replace(/\/+$/, "");
  return async (input, init) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    if (url.origin !== base.origin || !url.pathname.startsWith(`${basePath}/`)) {
      throw new TypeError(`fetch failed: ${url.origin} is not the simulator`);
    }
    const segments = url.pathname
      .slice(basePath.length + 1)
      .split("/")
      .map(decodeURIComponent);
    const answer = await handleSimulatorRequest(
      toSimRequest(request, segments, options.baseUrl.replace(/\/+$/, "")),
      {
        apiKey: options.apiKey,
        isAdmin: async () => false,
      },
    );
    return toHttpResponse(answer);
  };
}
