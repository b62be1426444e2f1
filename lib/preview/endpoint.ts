import { isPickerType } from "./catalog";
import { exampleData, findScreen, isObject, routingEdges } from "./flow-model";
import type { EndpointRequest, EndpointResponse, JsonObject, MediaDescriptor, PreviewState } from "./types";

// The data endpoint protocol without an endpoint (§12.3, §12.4): requests are shown, answers are supplied by the tester.

export function buildEndpointRequest(
  state: PreviewState,
  action: EndpointRequest["action"],
  screen: string | undefined,
  data: JsonObject | undefined,
): EndpointRequest {
  return {
    version: state.dataApiVersion ?? "3.0",
    action,
    ...(screen === undefined ? {} : { screen }),
    ...(data === undefined ? {} : { data }),
    flow_token: state.flowToken,
  };
}

/**
 * A plausible answer to prefill the response editor: for a footer/link exchange the first routing-model
 * destination with its `__example__` data (or SUCCESS on a terminal screen); otherwise the same screen.
 */
export function suggestResponse(
  state: PreviewState,
  from: string,
  kind: "forward" | "same-screen",
  payload: JsonObject,
): EndpointResponse {
  const screen = findScreen(state.flow, from);
  if (kind === "forward") {
    if (screen?.raw.terminal === true) {
      return {
        screen: "SUCCESS",
        data: { extension_message_response: { params: { flow_token: state.flowToken, ...payload } } },
      };
    }
    const target = (routingEdges(state.flow)[from] ?? []).find(
      (id) => id !== from && findScreen(state.flow, id),
    );
    if (target) return { screen: target, data: exampleData(findScreen(state.flow, target)?.raw) };
  }
  return { screen: from, data: { ...exampleData(screen?.raw), ...(state.screens[from]?.data ?? {}) } };
}

export type ParsedResponse = { ok: true; response: EndpointResponse } | { ok: false; error: string };

/** Checks the shape the client needs before it accepts an answer (§12.4). */
export function parseEndpointResponse(value: unknown): ParsedResponse {
  let response = value;
  if (typeof value === "string") {
    try {
      response = JSON.parse(value);
    } catch (error) {
      return {
        ok: false,
        error: `The response is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
      };
    }
  }
  if (!isObject(response))
    return { ok: false, error: "The response must be a JSON object { screen, data }." };
  if (typeof response.screen !== "string" || response.screen === "") {
    return {
      ok: false,
      error: "The response needs a 'screen' (a screen id, or SUCCESS to finish the Flow).",
    };
  }
  if (!isObject(response.data))
    return { ok: false, error: "The response needs a 'data' object (it may be empty)." };
  return { ok: true, response: { screen: response.screen, data: response.data } };
}

/** Screens the client accepts as the next screen of an exchange from `from` (invalid-screen-transition otherwise). */
export function allowedTargets(state: PreviewState, from: string): string[] | null {
  if (!isObject(state.flow.routing_model)) return null;
  return [from, ...(routingEdges(state.flow)[from] ?? [])];
}

/**
 * Picker values travel to the endpoint as CDN links with encryption metadata (§12.7); the preview
 * fills them with recognisable placeholders. Only top-level payload values may carry them (§8.18).
 */
export function toEndpointMedia(
  payload: JsonObject,
  rawPayload: unknown,
  pickerNames: Map<string, string>,
): JsonObject {
  if (!isObject(rawPayload)) return payload;
  const out: JsonObject = { ...payload };
  for (const [key, raw] of Object.entries(rawPayload)) {
    const name = typeof raw === "string" ? /^\$\{form\.([\w-]+)\}$/.exec(raw)?.[1] : undefined;
    const type = name ? pickerNames.get(name) : undefined;
    if (!type || !isPickerType(type) || !Array.isArray(payload[key])) continue;
    out[key] = (payload[key] as MediaDescriptor[]).map((media) => ({
      media_id: media.id,
      cdn_url: `https://mmg.whatsapp.net/preview/${media.id}`,
      file_name: media.file_name,
      encryption_metadata: {
        encrypted_hash: media.sha256,
        iv: "preview-iv",
        encryption_key: "preview-encryption-key",
        hmac_key: "preview-hmac-key",
        plaintext_hash: media.sha256,
      },
    }));
  }
  return out;
}
