import { resolveDynamicValue } from "./engine";
import { asObject, asString, entryScreenId, exampleData, findScreen, isObject, listScreens, screenPath } from "./flow-model";
import { buildScope } from "./scope";
import { forEachComponent } from "./tree";
import type { FieldValue, JsonObject, LogEntry, PreviewOptions, PreviewState, ScreenState } from "./types";

export const DEFAULT_FLOW_TOKEN = "flowport-preview-token";

/** Accepts Flow JSON text or an already parsed document; anything unreadable becomes an empty Flow. */
export function toFlowObject(flow: unknown): { flow: JsonObject; error: string | null } {
  if (typeof flow !== "string") return isObject(flow) ? { flow, error: null } : { flow: {}, error: "Flow JSON must be an object." };
  try {
    const parsed: unknown = JSON.parse(flow);
    return isObject(parsed) ? { flow: parsed, error: null } : { flow: {}, error: "Flow JSON must be an object." };
  } catch (error) {
    return { flow: {}, error: `Flow JSON is not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
}

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
  const requested = options.startScreen && findScreen(flow, options.startScreen) ? options.startScreen : undefined;
  if (options.startScreen && !requested) {
    state = appendLog(state, "error", `Screen '${options.startScreen}' does not exist; starting at the entry screen.`);
  }
  const startId = requested ?? entryScreenId(flow);
  if (!startId) return appendLog({ ...state, status: "no-screens" }, "error", "The Flow has no screens to show.");
  const data = options.initialData ?? exampleData(findScreen(flow, startId)?.raw);
  state = appendLog(state, "start", `Flow opened on ${startId}`, { screen: startId, data });
  return enterScreen(state, startId, data);
}

export function appendLog(state: PreviewState, kind: LogEntry["kind"], message: string, detail?: unknown): PreviewState {
  const entry: LogEntry = {
    id: (state.log[state.log.length - 1]?.id ?? 0) + 1,
    kind,
    screen: state.stack[state.stack.length - 1] ?? null,
    message,
    ...(detail === undefined ? {} : { detail }),
  };
  return { ...state, log: [...state.log, entry] };
}

export function currentScreenId(state: PreviewState): string | null {
  return state.stack[state.stack.length - 1] ?? null;
}

export function updateScreen(state: PreviewState, id: string, update: (screen: ScreenState) => ScreenState): PreviewState {
  const screen = state.screens[id];
  return screen ? { ...state, screens: { ...state.screens, [id]: update(screen) } } : state;
}

/**
 * Pushes a fresh instance of `id` with `data`: inputs prefilled from `init-value` / Form `init-values`,
 * errors from `error-message` / Form `error-messages` (§14 "State model").
 */
export function enterScreen(state: PreviewState, id: string, data: JsonObject): PreviewState {
  const screen = findScreen(state.flow, id);
  if (!screen) return appendLog(state, "error", `Screen '${id}' does not exist.`);
  const fresh: ScreenState = { data, form: {}, touched: {}, externalErrors: {}, submitAttempted: false };
  const next: PreviewState = { ...state, stack: [...state.stack, id], screens: { ...state.screens, [id]: fresh } };
  const scope = buildScope(next, id);
  const resolve = (value: unknown) => resolveDynamicValue(value, scope, state.version);
  const form: Record<string, FieldValue> = {};
  const errors: Record<string, string> = {};
  forEachComponent(screen.raw.layout, `${screenPath(screen)}.layout`, ({ component, type }) => {
    if (type === "Form") {
      const initValues = asObject(resolve(component["init-values"]));
      for (const [name, value] of Object.entries(initValues)) form[name] = value as FieldValue;
      const errorMessages = asObject(resolve(component["error-messages"]));
      for (const [name, message] of Object.entries(errorMessages)) {
        if (typeof message === "string") errors[name] = message;
      }
      return;
    }
    const name = asString(component.name);
    if (!name) return;
    if ("init-value" in component) form[name] = resolve(component["init-value"]) as FieldValue;
    const message = resolve(component["error-message"]);
    if (typeof message === "string") errors[name] = message;
  });
  return { ...next, screens: { ...next.screens, [id]: { ...fresh, form, externalErrors: errors } } };
}

/** Swaps in an edited Flow, keeping the screens, form values and stack that still exist (live preview). */
export function replaceFlow(state: PreviewState, flowInput: unknown): PreviewState {
  const { flow, error } = toFlowObject(flowInput);
  if (error) return state;
  const ids = new Set(listScreens(flow).map((screen) => screen.id));
  const stack = state.stack.filter((id) => ids.has(id));
  if (stack.length === 0) return createPreviewSession(flow, state.options);
  const screens = Object.fromEntries(Object.entries(state.screens).filter(([id]) => ids.has(id)));
  const pending = state.pending && (!state.pending.request.screen || ids.has(state.pending.request.screen)) ? state.pending : null;
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
  return stack.length === state.stack.length ? next : appendLog(next, "flow-changed", "Screens were removed from the Flow; the stack was shortened.");
}
