import { runAction, runScreenShownActions } from "./actions";
import { isMultiSelectType, isSingleSelectType } from "./catalog";
import { buildCompletion } from "./completion";
import { allowedTargets, buildEndpointRequest, parseEndpointResponse } from "./endpoint";
import { asArray, findScreen, isObject } from "./flow-model";
import { resolveScreen, type FieldInfo } from "./resolve-screen";
import { appendLog, currentScreenId, enterScreen, updateScreen } from "./session";
import { createPreviewSession, replaceFlow } from "./start";
import { pickerLimits } from "./validation";
import type {
  FieldValue,
  JsonObject,
  MediaDescriptor,
  PickedFile,
  PreviewEvent,
  PreviewState,
} from "./types";

/** The preview state machine: the next state for one event. Pure; never throws on a bad Flow. */
export function previewReducer(state: PreviewState, event: PreviewEvent): PreviewState {
  switch (event.type) {
    case "field-changed":
      return changeField(state, event.name, event.value);
    case "field-blurred":
      return blurField(state, event.name);
    case "files-picked":
      return pickFiles(state, event.name, event.files);
    case "footer-pressed":
      return pressFooter(state);
    case "action-triggered":
      return runAction(state, event.action, { source: event.source, kind: "click" });
    case "back":
      return goBack(state);
    case "close":
      if (state.status === "completed" || state.status === "closed") return state;
      return appendLog(
        { ...state, status: "closed", pending: null },
        "close",
        "The user closed the Flow without finishing it.",
      );
    case "reset":
      return createPreviewSession(state.flow, {
        ...state.options,
        ...event.options,
        startScreen: event.options?.startScreen,
      });
    case "start-at-screen":
      return createPreviewSession(state.flow, {
        ...state.options,
        startScreen: event.screenId,
        initialData: event.data,
      });
    case "endpoint-responded":
      return answerEndpoint(state, event.response);
    case "endpoint-failed":
      return failEndpoint(state, event.status, event.message);
    case "flow-changed":
      return replaceFlow(state, event.flow);
    case "dismiss-snackbar":
      return { ...state, snackbar: null };
    case "dismiss-url":
      return { ...state, openedUrl: null };
  }
}

function currentField(state: PreviewState, name: string): { screenId: string; field: FieldInfo } | null {
  const screen = resolveScreen(state);
  const field = screen?.fields[name];
  return screen && field ? { screenId: screen.id, field } : null;
}

const TYPED_TEXT = new Set(["TextInput", "TextArea"]);

function changeField(state: PreviewState, name: string, value: FieldValue): PreviewState {
  if (state.status !== "running") return state;
  const found = currentField(state, name);
  if (!found) return appendLog(state, "error", `No visible input named '${name}' on this screen.`);
  const { screenId, field } = found;
  if (!field.enabled) return state;
  const previous = state.screens[screenId]?.form[name];
  let next = updateScreen(state, screenId, (screen) => {
    const { [name]: _cleared, ...externalErrors } = screen.externalErrors;
    const touched = TYPED_TEXT.has(field.type)
      ? screen.touched
      : { ...screen.touched, [name]: true as const };
    return { ...screen, form: { ...screen.form, [name]: value }, touched, externalErrors };
  });
  // Typing is logged once, on blur; selections are logged as they happen.
  if (!TYPED_TEXT.has(field.type)) next = appendLog(next, "field", `${name} = ${JSON.stringify(value)}`);
  for (const { action, source } of selectionActions(field, previous, value)) {
    if (next.status !== "running") break;
    next = runAction(next, action, { source, kind: "select" });
  }
  return next;
}

/** `on-select-action` / `on-unselect-action` of the component and of its items, for one change (§9.4). */
function selectionActions(
  field: FieldInfo,
  previous: FieldValue,
  value: FieldValue,
): { action: unknown; source: string }[] {
  const ids = (v: FieldValue): string[] =>
    Array.isArray(v)
      ? v.filter((id): id is string => typeof id === "string")
      : typeof v === "string" && v
        ? [v]
        : [];
  let added: string[] = [];
  let removed: string[] = [];
  if (isMultiSelectType(field.type) || isSingleSelectType(field.type)) {
    added = ids(value).filter((id) => !ids(previous).includes(id));
    removed = ids(previous).filter((id) => !ids(value).includes(id));
  } else if (field.type === "OptIn") {
    if (value === true && previous !== true) added = ["on"];
    if (value !== true && previous === true) removed = ["on"];
  } else if (field.type === "DatePicker" || field.type === "CalendarPicker") {
    if (JSON.stringify(value) !== JSON.stringify(previous)) added = ["date"];
  } else {
    return [];
  }
  const actions: { action: unknown; source: string }[] = [];
  const items = asArray(field.props["data-source"]);
  const itemAction = (id: string, key: string) => {
    const index = items.findIndex((item) => isObject(item) && item.id === id);
    const item = items[index];
    if (isObject(item) && item[key])
      actions.push({ action: item[key], source: `${field.path}.data-source[${index}].${key}` });
  };
  removed.forEach((id) => itemAction(id, "on-unselect-action"));
  added.forEach((id) => itemAction(id, "on-select-action"));
  const onSelect = field.raw["on-select-action"];
  const onUnselect = field.raw["on-unselect-action"];
  if (removed.length > 0 && added.length === 0 && (onUnselect ?? onSelect)) {
    actions.push({
      action: onUnselect ?? onSelect,
      source: `${field.path}.${onUnselect ? "on-unselect-action" : "on-select-action"}`,
    });
  }
  if (added.length > 0 && onSelect)
    actions.push({ action: onSelect, source: `${field.path}.on-select-action` });
  return actions;
}

function blurField(state: PreviewState, name: string): PreviewState {
  const found = currentField(state, name);
  if (!found) return state;
  const { screenId, field } = found;
  let next = updateScreen(state, screenId, (screen) => ({
    ...screen,
    touched: { ...screen.touched, [name]: true },
  }));
  const value = state.screens[screenId]?.form[name];
  if (TYPED_TEXT.has(field.type) && value !== undefined)
    next = appendLog(next, "field", `${name} = ${JSON.stringify(value)}`);
  if (field.problem?.code === "invalid")
    next = appendLog(next, "validation", `${name}: ${field.problem.message}`);
  return next;
}

function pickFiles(state: PreviewState, name: string, files: PickedFile[]): PreviewState {
  const found = currentField(state, name);
  if (!found || state.status !== "running") return state;
  const { screenId, field } = found;
  const existing = asArray(state.screens[screenId]?.form[name]) as MediaDescriptor[];
  const { max, maxSizeKb } = pickerLimits(field.type, field.props);
  const allowed = asArray(field.props["allowed-mime-types"]).filter(
    (type): type is string => typeof type === "string",
  );
  const accepted: MediaDescriptor[] = [];
  let next = state;
  for (const file of files) {
    const reason =
      existing.length + accepted.length >= max
        ? `at most ${max} file(s) allowed`
        : file.sizeBytes > maxSizeKb * 1024
          ? `larger than ${maxSizeKb} KB`
          : field.type === "PhotoPicker" && !file.mimeType.startsWith("image/")
            ? "not an image"
            : allowed.length > 0 && !allowed.includes(file.mimeType)
              ? `type ${file.mimeType || "unknown"} not allowed`
              : null;
    if (reason) {
      next = appendLog(next, "validation", `${name}: ${file.fileName} rejected (${reason})`);
      continue;
    }
    const id = `${name}-${existing.length + accepted.length + 1}`;
    accepted.push({
      file_name: file.fileName,
      mime_type: file.mimeType,
      sha256: file.sha256 ?? `preview-sha256-${id}`,
      id,
    });
  }
  return accepted.length === 0 ? next : changeField(next, name, [...existing, ...accepted]);
}

function pressFooter(state: PreviewState): PreviewState {
  if (state.status !== "running") return state;
  const screen = resolveScreen(state);
  if (!screen?.footer) return appendLog(state, "error", "This screen has no Footer.");
  if (state.ctaBlocked)
    return appendLog(
      state,
      "validation",
      "The button is disabled: the endpoint answered 427 (flow token no longer valid).",
    );
  if (!screen.formValid) {
    const problems = Object.values(screen.fields).flatMap((field) =>
      field.problem ? [`${field.name}: ${field.problem.message}`] : [],
    );
    const next = updateScreen(state, screen.id, (s) => ({ ...s, submitAttempted: true }));
    return appendLog(next, "validation", `Cannot continue: ${problems.join("; ")}`, problems);
  }
  if (screen.footer.props.enabled === false)
    return appendLog(state, "validation", "The Footer is disabled ('enabled' is false).");
  return runAction(state, screen.footer.raw["on-click-action"], {
    source: screen.footer.path,
    kind: "click",
  });
}

function goBack(state: PreviewState): PreviewState {
  if (state.status === "completed" || state.status === "closed" || state.status === "no-screens")
    return state;
  if (state.status === "awaiting-endpoint") {
    return appendLog(
      { ...state, status: "running", pending: null },
      "back",
      "Back pressed while waiting: the request was abandoned.",
    );
  }
  if (state.stack.length <= 1) {
    return appendLog({ ...state, status: "closed" }, "close", "Back on the first screen closes the Flow.");
  }
  const left = currentScreenId(state);
  let next: PreviewState = { ...state, stack: state.stack.slice(0, -1), snackbar: null };
  const to = currentScreenId(next) ?? "";
  next = appendLog(next, "back", `${left} → ${to}`);
  const target = findScreen(state.flow, to);
  if (target?.raw.refresh_on_back === true && state.dataApiVersion) {
    const request = buildEndpointRequest(state, "BACK", to, {});
    const suggestedResponse = { screen: to, data: { ...(state.screens[to]?.data ?? {}) } };
    next = appendLog(next, "endpoint-request", `refresh_on_back: BACK request for ${to}`, request);
    return { ...next, status: "awaiting-endpoint", pending: { request, source: "back", suggestedResponse } };
  }
  return runScreenShownActions(next);
}

function answerEndpoint(state: PreviewState, raw: unknown): PreviewState {
  const pending = state.pending;
  if (state.status !== "awaiting-endpoint" || !pending)
    return appendLog(state, "error", "No request is waiting for an endpoint response.");
  const parsed = parseEndpointResponse(raw);
  if (!parsed.ok) return appendLog(state, "endpoint-error", parsed.error, raw);
  const { screen: target, data } = parsed.response;
  const from = pending.request.screen ?? currentScreenId(state) ?? "";
  let next = appendLog(state, "endpoint-response", `Endpoint answered with ${target}`, parsed.response);

  if (target === "SUCCESS") {
    const params = isObject(data.extension_message_response)
      ? data.extension_message_response.params
      : undefined;
    if (!isObject(params)) {
      return appendLog(
        next,
        "endpoint-error",
        "SUCCESS needs data.extension_message_response.params (with flow_token).",
      );
    }
    if (!("flow_token" in params))
      next = appendLog(
        next,
        "endpoint-error",
        "params.flow_token is missing: the business cannot match this completion.",
      );
    const completion = buildCompletion(next, params, "endpoint");
    next = appendLog(next, "complete", "Flow completed by the endpoint", completion.responseJson);
    return { ...next, status: "completed", pending: null, completion };
  }
  if (!findScreen(state.flow, target)) {
    return appendLog(next, "endpoint-error", `invalid-screen-transition: screen '${target}' does not exist.`);
  }
  const allowed = allowedTargets(state, from);
  if (allowed && !allowed.includes(target)) {
    return appendLog(
      next,
      "endpoint-error",
      `invalid-screen-transition: the routing model has no edge ${from} → ${target}.`,
    );
  }
  const snackbar = typeof data.error_message === "string" ? data.error_message : null;
  next = { ...next, status: "running", pending: null, snackbar };
  if (target === currentScreenId(next)) {
    next = updateScreen(next, target, (screen) => ({
      ...screen,
      data: { ...screen.data, ...(data as JsonObject) },
    }));
    return appendLog(next, "data", `Screen data of ${target} updated from the response`, data);
  }
  next = appendLog(next, "navigate", `${currentScreenId(next)} → ${target} (endpoint)`, data);
  return runScreenShownActions(enterScreen(next, target, data));
}

function failEndpoint(state: PreviewState, status: number, message?: string): PreviewState {
  if (state.status !== "awaiting-endpoint") return state;
  const explanation: Record<number, string> = {
    0: "No answer from the endpoint (timeout or unreachable): the client shows a generic error.",
    421: "421: the client would fetch the public key again and retry once.",
    427: "427: the flow token is no longer valid; the button stays disabled.",
    432: "432: request signature check failed.",
  };
  const next: PreviewState = {
    ...state,
    status: "running",
    pending: null,
    ctaBlocked: state.ctaBlocked || status === 427,
    snackbar: status === 427 && message ? message : "Something went wrong. Please try again later.",
  };
  return appendLog(
    next,
    "endpoint-error",
    explanation[status] ?? `HTTP ${status}: the client shows a generic error.`,
    message,
  );
}
