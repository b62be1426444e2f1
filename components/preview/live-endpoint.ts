import type { LiveEndpointCall } from "./panels/endpoint-panel";

export type LiveEndpointTarget = { flowId?: string; endpointUri: string; publicKeyPem?: string };

/**
 * A `callEndpoint` for FlowPreview that goes through POST /api/preview/endpoint, which encrypts, calls the
 * endpoint and decrypts (§12.2). Errors carry the endpoint's status so the preview reacts like the client.
 */
export function createLiveEndpointCall(target: LiveEndpointTarget): LiveEndpointCall {
  return async (request) => {
    const answer = await fetch("/api/preview/endpoint", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ ...target, request }),
    });
    const body = (await answer.json().catch(() => null)) as {
      response?: unknown;
      error?: { message?: string; endpointStatus?: number | null; userMessage?: string | null };
    } | null;
    if (answer.ok && body && "response" in body) return { ok: true, response: body.response };
    return {
      ok: false,
      status: body?.error?.endpointStatus ?? null,
      message: body?.error?.message ?? `The preview server answered HTTP ${answer.status}.`,
      ...(body?.error?.userMessage ? { userMessage: body.error.userMessage } : {}),
    };
  };
}
