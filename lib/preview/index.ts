// Public surface of the preview state machine: pure TypeScript, no React, no DOM.
export type {
  PreviewState,
  PreviewEvent,
  PreviewOptions,
  PreviewStatus,
  ScreenState,
  FieldValue,
  DateRangeValue,
  MediaDescriptor,
  PickedFile,
  EndpointRequest,
  EndpointResponse,
  PendingExchange,
  Completion,
  SummaryEntry,
  LogEntry,
  LogKind,
  JsonObject,
} from "./types";
export { toFlowObject, DEFAULT_FLOW_TOKEN } from "./session";
export { createPreviewSession } from "./start";
export { previewReducer } from "./reducer";
export { resolveScreen } from "./resolve-screen";
export type { ResolvedScreen, RenderNode, ComponentNode, ErrorNode, FieldInfo } from "./resolve-screen";
export { screenIds, awaitingRequest } from "./selectors";
export { checkField, isEmptyValue, pickerLimits, MESSAGES } from "./validation";
export type { FieldProblem } from "./validation";
export {
  toDayNumber,
  dayNumberToIso,
  datePickerValue,
  dateRules,
  isDaySelectable,
  weekdayOf,
  WEEKDAYS,
} from "./dates";
export type { DateRules } from "./dates";
export { buildEndpointRequest, parseEndpointResponse } from "./endpoint";
export { responseJsonString, toNfmReplyWebhook, toMetaNfmReply, displayValue, MASK } from "./completion";
export type { WebhookOptions } from "./completion";
export { fillRequiredFields, validValue, walkToCompletion } from "./autofill";
export type { WalkResult } from "./autofill";
export { versionNumber, exampleData, entryScreenId, entryScreenOnly } from "./flow-model";
