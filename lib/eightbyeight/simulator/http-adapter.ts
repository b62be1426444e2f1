import "server-only";
import type { SimRequest, SimResponse } from "./types";

export function toSimRequest(request: Request, segments: string[], publicBase: string): SimRequest {
  const url = new URL(request.url);
  return {
    method: request.method.toUpperCase(),
    segments,
    query: url.searchParams,
    authorization: request.headers.get("authorization"),
    publicBase,
    json: () => request.json(),
    formData: () => request.formData(),
  };
}

export function toHttpResponse(sim: SimResponse): Response {
  const headers = new Headers(sim.headers);
  if (sim.json !== undefined) {
    headers.set("content-type", "application/json; charset=utf-8");
    return new Response(JSON.stringify(sim.json), { status: sim.status, headers });
  }
  if (sim.contentType) headers.set("content-type", sim.contentType);
  const body =
    sim.status === 204 || sim.body === undefined
      ? null
      : typeof sim.body === "string"
        ? sim.body
        : new Blob([sim.body as Uint8Array<ArrayBuffer>]);
  return new Response(body, { status: sim.status, headers });
}
