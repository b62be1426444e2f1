import { resolveDynamicValue } from "./engine";
import { asObject, asString, findScreen, isObject, screenPath } from "./flow-model";
import { buildScope } from "./scope";
import { forEachComponent } from "./tree";
import type { FieldValue, JsonObject, LogEntry, PreviewState, ScreenState } from "./types";

export const DEFAULT_FLOW_TOKEN = "flowport-preview-token";

/** Accepts Flow JSON text or an already parsed document; anything unreadable becomes an empty Flow. */
export function toFlowObject(flow: unknown): { flow: JsonObject; error: string | null } {
  if (typeof flow !== "string")
    return isObject(flow) ? { flow, error: null } : { flow: {}, error: "Flow JSON must be an object." };
  try {
    const parsed: unknown = JSON.parse(flow);
    return isObject(parsed)
      ? { flow: parsed, error: null }
      : { flow: {}, error: "Flow JSON must be an object." };
  } catch (error) {
    return {
      flow: {},
      error: `Flow JSON is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}

export function appendLog(
  state: PreviewState,
  kind: LogEntry["kind"],
  message: string,
  detail?: unknown,
): PreviewState {
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

export function updateScreen(
  state: PreviewState,
  id: string,
  update: (screen: ScreenState) => ScreenState,
): PreviewState {
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
  const next: PreviewState = {
    ...state,
    stack: [...state.stack, id],
    screens: { ...state.screens, [id]: fresh },
  };
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
