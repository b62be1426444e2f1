import { buildCompletion } from "./completion";
import { buildEndpointRequest, suggestResponse, toEndpointMedia } from "./endpoint";
import { resolveDynamicValue } from "./engine";
import { isPickerType } from "./catalog";
import { asObject, asString, findScreen, isObject, routingEdges, versionNumber } from "./flow-model";
import { resolveScreen } from "./resolve-screen";
import { buildScope } from "./scope";
import { appendLog, currentScreenId, enterScreen, updateScreen } from "./session";
import type { JsonObject, PreviewState } from "./types";

// The five actions (§9.2), run against the screen on top of the stack.

export type ActionOrigin = {
  /** Path of the component (or item) that holds the action, for the log. */
  source: string;
  /** Exchanges started by a selection usually answer with the same screen. */
  kind: "click" | "select";
};

export function runAction(state: PreviewState, action: unknown, origin: ActionOrigin): PreviewState {
  const screenId = currentScreenId(state);
  if (!screenId || state.status !== "running") return state;
  if (!isObject(action) || typeof action.name !== "string") {
    return appendLog(state, "error", `The action at ${origin.source} has no 'name'.`, action);
  }
  const payload = evaluatePayload(state, screenId, action.payload);
  switch (action.name) {
    case "navigate":
      return navigate(state, screenId, action, payload, origin);
    case "complete": {
      const completion = buildCompletion(state, payload, "complete");
      const next = appendLog(state, "complete", "Flow completed", completion.responseJson);
      return { ...next, status: "completed", completion };
    }
    case "data_exchange":
      return dataExchange(state, screenId, action, payload, origin);
    case "update_data": {
      const next = updateScreen(state, screenId, (screen) => ({
        ...screen,
        data: { ...screen.data, ...payload },
      }));
      return appendLog(
        next,
        "data",
        `update_data changed ${Object.keys(payload).join(", ") || "nothing"}`,
        payload,
      );
    }
    case "open_url": {
      const url = resolveDynamicValue(action.url, buildScope(state, screenId), state.version);
      if (typeof url !== "string")
        return appendLog(state, "error", `open_url at ${origin.source} has no 'url'.`);
      return appendLog({ ...state, openedUrl: url }, "open-url", `Would open ${url}`);
    }
    default:
      return appendLog(state, "error", `Unknown action '${action.name}' at ${origin.source}.`);
  }
}

function evaluatePayload(state: PreviewState, screenId: string, payload: unknown): JsonObject {
  return asObject(resolveDynamicValue(payload ?? {}, buildScope(state, screenId), state.version));
}

function navigate(
  state: PreviewState,
  from: string,
  action: JsonObject,
  payload: JsonObject,
  origin: ActionOrigin,
): PreviewState {
  const target = asString(asObject(action.next).name);
  if (!target) return appendLog(state, "error", `navigate at ${origin.source} has no 'next.name'.`);
  if (!findScreen(state.flow, target)) {
    return appendLog(
      { ...state, snackbar: "Something went wrong" },
      "error",
      `navigate at ${origin.source}: screen '${target}' does not exist.`,
    );
  }
  let next = state;
  if (
    state.dataApiVersion &&
    isObject(state.flow.routing_model) &&
    !(routingEdges(state.flow)[from] ?? []).includes(target)
  ) {
    next = appendLog(
      next,
      "error",
      `The routing model has no edge ${from} → ${target}; a published Flow would be rejected.`,
    );
  }
  const pickers = pickerValuesIn(state, from, action.payload);
  for (const key of pickers) {
    next = appendLog(
      next,
      "error",
      `navigate at ${origin.source}: the value of a PhotoPicker/DocumentPicker is not allowed in a navigate payload ('${key}' is left out). Read it on the next screen with \${screen.${from}.form.<name>}.`,
    );
  }
  const data = Object.fromEntries(Object.entries(payload).filter(([key]) => !pickers.includes(key)));
  next = appendLog(next, "navigate", `${from} → ${target}`, data);
  return runScreenShownActions(enterScreen(next, target, data));
}

/** Top-level payload keys whose value reads a picker of the current screen (§8.18: not allowed in navigate). */
function pickerValuesIn(state: PreviewState, screenId: string, rawPayload: unknown): string[] {
  const pickers = Object.values(resolveScreen(state, screenId)?.fields ?? {}).filter((field) =>
    isPickerType(field.type),
  );
  if (pickers.length === 0 || !isObject(rawPayload)) return [];
  return Object.entries(rawPayload)
    .filter(([, value]) =>
      pickers.some((field) => JSON.stringify(value ?? null).includes(`\${form.${field.name}}`)),
    )
    .map(([key]) => key);
}

/**
 * From Flow JSON 6.0 a component-level `on-select-action` also runs whenever its screen is shown: first
 * render and after back navigation (§9.4). Stops as soon as one of them leaves the screen or waits for the endpoint.
 */
export function runScreenShownActions(state: PreviewState): PreviewState {
  const screenId = currentScreenId(state);
  if (!screenId || state.status !== "running" || versionNumber(state.version) < 600) return state;
  const screen = resolveScreen(state);
  let next = state;
  for (const field of Object.values(screen?.fields ?? {})) {
    const action = field.raw["on-select-action"];
    if (action === undefined || !field.enabled) continue;
    if (next.status !== "running" || currentScreenId(next) !== screenId) break;
    next = appendLog(
      next,
      "action",
      `${field.name}: on-select-action runs because the screen is shown (Flow JSON 6.0+)`,
    );
    next = runAction(next, action, { source: `${field.path}.on-select-action`, kind: "select" });
  }
  return next;
}

function dataExchange(
  state: PreviewState,
  from: string,
  action: JsonObject,
  payload: JsonObject,
  origin: ActionOrigin,
): PreviewState {
  let next = state;
  if (!state.dataApiVersion) {
    next = appendLog(
      next,
      "error",
      "data_exchange needs 'data_api_version'; the request below is what the client would send if it were set.",
    );
  }
  const pickers = new Map(
    Object.values(resolveScreen(state, from)?.fields ?? {}).map((field) => [field.name, field.type]),
  );
  const data = toEndpointMedia(payload, action.payload, pickers);
  const request = buildEndpointRequest(state, "data_exchange", from, data);
  const suggestedResponse = suggestResponse(
    state,
    from,
    origin.kind === "click" ? "forward" : "same-screen",
    payload,
  );
  next = appendLog(
    next,
    "endpoint-request",
    `data_exchange from ${from} is waiting for the endpoint`,
    request,
  );
  return {
    ...next,
    status: "awaiting-endpoint",
    pending: { request, source: origin.source, suggestedResponse },
  };
}
