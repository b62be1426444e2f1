import type { ExpressionScope } from "./engine";

export type JsonObject = Record<string, unknown>;

/** A file picked in PhotoPicker/DocumentPicker, as the completion webhook carries it (§12.7). */
export type MediaDescriptor = { file_name: string; mime_type: string; sha256: string; id: string };

/** A local file offered to a picker; the view reads it, the reducer decides whether it fits the limits. */
export type PickedFile = { fileName: string; mimeType: string; sizeBytes: number; sha256?: string };

export type DateRangeValue = { "start-date"?: string; "end-date"?: string };

/** Every value a form field can hold (§9.4). `undefined` = never touched. */
export type FieldValue = string | string[] | boolean | DateRangeValue | MediaDescriptor[] | undefined;

export type ScreenState = {
  data: JsonObject;
  form: Record<string, FieldValue>;
  /** Fields the user has left or changed: their validation errors become visible. */
  touched: Record<string, true>;
  /** Server-side errors (`error-message`, Form `error-messages`, endpoint), shown until the field changes. */
  externalErrors: Record<string, string>;
  /** The user pressed the footer while the form was invalid: show every error. */
  submitAttempted: boolean;
};

/** The decrypted request the WhatsApp client would POST to the endpoint (§12.3). */
export type EndpointRequest = {
  version: string;
  action: "INIT" | "BACK" | "data_exchange";
  screen?: string;
  data?: JsonObject;
  flow_token: string;
};

/** A response from the endpoint (§12.4): the next screen and its data, or SUCCESS with params. */
export type EndpointResponse = { screen: string; data: JsonObject };

export type PendingExchange = {
  request: EndpointRequest;
  /** Where the exchange came from, e.g. `screens[0].layout.children[3]` or `back`. */
  source: string;
  /** A ready answer: the routing-model target (or same screen) with its `__example__` data. */
  suggestedResponse: EndpointResponse;
};

export type Completion = {
  /** `complete` payload or the endpoint's SUCCESS params. */
  payload: JsonObject;
  /** What the business receives, as an object: payload plus flow_token. */
  responseJson: JsonObject;
  /** The summary shown to the user in the chat, with `sensitive` fields masked. */
  summary: SummaryEntry[];
  via: "complete" | "endpoint";
};

export type SummaryEntry = { screen: string; name: string; label: string; display: string | null };

export type LogKind =
  | "start"
  | "navigate"
  | "back"
  | "action"
  | "data"
  | "field"
  | "validation"
  | "endpoint-request"
  | "endpoint-response"
  | "endpoint-error"
  | "open-url"
  | "complete"
  | "close"
  | "flow-changed"
  | "error";

export type LogEntry = {
  id: number;
  kind: LogKind;
  screen: string | null;
  message: string;
  detail?: unknown;
};

export type PreviewStatus = "running" | "awaiting-endpoint" | "completed" | "closed" | "no-screens";

export type PreviewOptions = {
  flowToken?: string;
  /** Screen to start on instead of the entry screen. */
  startScreen?: string;
  /** Data for the start screen (defaults to its `__example__` values). */
  initialData?: JsonObject;
};

export type PreviewState = {
  flow: JsonObject;
  version: string;
  /** Data API version, or null for a static Flow. */
  dataApiVersion: string | null;
  flowToken: string;
  status: PreviewStatus;
  /** Navigation stack of screen ids; the last one is on screen. */
  stack: string[];
  /** Global store `screen.<ID>.{data,form}`, kept for the whole session (global references). */
  screens: Record<string, ScreenState>;
  pending: PendingExchange | null;
  completion: Completion | null;
  /** A snackbar message on the current screen (endpoint `error_message`, generic errors). */
  snackbar: string | null;
  /** The URL an `open_url` action would open. */
  openedUrl: string | null;
  /** HTTP 427 from the endpoint disables the CTA for the rest of the session. */
  ctaBlocked: boolean;
  log: LogEntry[];
  options: PreviewOptions;
};

export type PreviewEvent =
  | { type: "field-changed"; name: string; value: FieldValue }
  | { type: "field-blurred"; name: string }
  | { type: "files-picked"; name: string; files: PickedFile[] }
  | { type: "footer-pressed" }
  | { type: "action-triggered"; action: unknown; source: string }
  | { type: "back" }
  | { type: "close" }
  | { type: "reset"; options?: PreviewOptions }
  | { type: "start-at-screen"; screenId: string; data?: JsonObject }
  | { type: "endpoint-responded"; response: unknown }
  | { type: "endpoint-failed"; status: number; message?: string }
  | { type: "flow-changed"; flow: unknown }
  | { type: "dismiss-snackbar" }
  | { type: "dismiss-url" };

export type { ExpressionScope };
