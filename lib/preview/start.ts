import { runScreenShownActions } from "./actions";
import { asString, entryScreenId, exampleData, findScreen, listScreens } from "./flow-model";
import { DEFAULT_FLOW_TOKEN, appendLog, enterScreen, toFlowObject } from "./session";
import type { PreviewOptions, PreviewState } from "./types";

// Opening a session shows its first screen, so it runs that screen's render-time actions (Flow JSON 6.0+).

/** A fresh session on the entry screen (or `options.startScreen`), with its `__example__` data. */
export function createPreviewSession(flowInput: unknown, options: PreviewOptions = {}): PreviewState {
  const { flow, error } = toFlowObject(flowInput);
  let state: PreviewState = {
    flow,
    version: asString(flow.version) ?? "7.3",
    dataApiVersion: asString(flow.data_api_version) ?? null,
    flowToken: options.flowToken ?? DEFAULT_FLOW_TOKEN,
    status: "running",
    stack: [],
    screens: {},
    pending: null,
    completion: null,
    snackbar: null,
    openedUrl: null,
    ctaBlocked: false,
    log: [],
    options,
  };
  if (error) state = appendLog(state, "error", error);
  const requested =
    options.startScreen && findScreen(flow, options.startScreen) ? options.startScreen : undefined;
  if (options.startScreen && !requested) {
    state = appendLog(
      state,
      "error",
      `Screen '${options.startScreen}' does not exist; starting at the entry screen.`,
    );
  }
  const startId = requested ?? entryScreenId(flow);
  if (!startId)
    return appendLog({ ...state, status: "no-screens" }, "error", "The Flow has no screens to show.");
  const data = options.initialData ?? exampleData(findScreen(flow, startId)?.raw);
  state = appendLog(state, "start", `Flow opened on ${startId}`, { screen: startId, data });
  return runScreenShownActions(enterScreen(state, startId, data));
}

/** Swaps in an edited Flow, keeping the screens, form values and stack that still exist (live preview). */
export function replaceFlow(state: PreviewState, flowInput: unknown): PreviewState {
  const { flow, error } = toFlowObject(flowInput);
  if (error) return state;
  const ids = new Set(listScreens(flow).map((screen) => screen.id));
  const stack = state.stack.filter((id) => ids.has(id));
  if (stack.length === 0) return createPreviewSession(flow, state.options);
  const screens = Object.fromEntries(Object.entries(state.screens).filter(([id]) => ids.has(id)));
  const pending =
    state.pending && (!state.pending.request.screen || ids.has(state.pending.request.screen))
      ? state.pending
      : null;
  const next: PreviewState = {
    ...state,
    flow,
    version: asString(flow.version) ?? "7.3",
    dataApiVersion: asString(flow.data_api_version) ?? null,
    stack,
    screens,
    pending,
    status: state.status === "awaiting-endpoint" && !pending ? "running" : state.status,
  };
  return stack.length === state.stack.length
    ? next
    : appendLog(next, "flow-changed", "Screens were removed from the Flow; the stack was shortened.");
}
