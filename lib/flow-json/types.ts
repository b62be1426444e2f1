// TypeScript shape of a Flow JSON document (spec flow-json-reference §3–§9).
// Types are deliberately loose where Flow JSON allows bindings: any property may hold a "${…}" string.

export type DynamicString = string;

export type DataFieldSchema = {
  type?: "string" | "number" | "integer" | "boolean" | "object" | "array";
  items?: DataFieldSchema | boolean;
  properties?: Record<string, DataFieldSchema>;
  __example__?: unknown;
  [key: string]: unknown;
};

export type ScreenDataModel = Record<string, DataFieldSchema | string[] | undefined> & {
  required?: string[];
};

export type ActionName = "navigate" | "complete" | "data_exchange" | "update_data" | "open_url";

export type Action = {
  name: ActionName | string;
  next?: { type: "screen" | string; name: string };
  payload?: Record<string, unknown>;
  url?: string;
};

export type DataSourceItem = {
  id: string;
  title: string;
  description?: string;
  metadata?: string;
  enabled?: boolean | DynamicString;
  image?: string;
  "alt-text"?: string;
  color?: string;
  "on-select-action"?: Action;
  "on-unselect-action"?: Action;
};

export type NavigationListItem = {
  id: string;
  "main-content": { title: string; description?: string; metadata?: string };
  start?: { image: string; "alt-text"?: string };
  end?: { title?: string; description?: string; metadata?: string };
  badge?: string;
  tags?: string[];
  "on-click-action"?: Action;
  enabled?: boolean;
};

export type ComponentType =
  | "TextHeading"
  | "TextSubheading"
  | "TextBody"
  | "TextCaption"
  | "RichText"
  | "TextInput"
  | "TextArea"
  | "CheckboxGroup"
  | "RadioButtonsGroup"
  | "Dropdown"
  | "ChipsSelector"
  | "DatePicker"
  | "CalendarPicker"
  | "OptIn"
  | "EmbeddedLink"
  | "Footer"
  | "Image"
  | "ImageCarousel"
  | "NavigationList"
  | "PhotoPicker"
  | "DocumentPicker"
  | "If"
  | "Switch"
  | "Form";

/** One component; properties are kebab-case as in Flow JSON. Known structural ones are typed. */
export type Component = {
  type: ComponentType | string;
  name?: string;
  text?: string | string[];
  label?: string | Record<string, string>;
  visible?: boolean | DynamicString;
  enabled?: boolean | DynamicString;
  required?: boolean | DynamicString | Record<string, boolean>;
  children?: Component[];
  then?: Component[];
  else?: Component[];
  cases?: Record<string, Component[]>;
  condition?: string | boolean;
  value?: string;
  "data-source"?: DataSourceItem[] | DynamicString;
  "list-items"?: NavigationListItem[] | DynamicString;
  "on-click-action"?: Action;
  "on-select-action"?: Action;
  "on-unselect-action"?: Action;
  "init-values"?: Record<string, unknown> | DynamicString;
  "error-messages"?: Record<string, unknown> | DynamicString;
  [property: string]: unknown;
};

export type Layout = { type: "SingleColumnLayout" | string; children: Component[] };

export type Screen = {
  id: string;
  title?: string;
  terminal?: boolean;
  success?: boolean;
  refresh_on_back?: boolean;
  sensitive?: string[];
  data?: ScreenDataModel;
  layout: Layout;
};

export type FlowJson = {
  version: string;
  screens: Screen[];
  routing_model?: Record<string, string[]>;
  data_api_version?: string;
  data_channel_uri?: string;
};

/** A validation finding in the 8x8 Chat Apps API shape (8x8-api.md §2.3); lines and columns are 1-based, columnEnd exclusive. */
export type FlowJsonPointer = {
  path: string;
  lineStart: number;
  lineEnd: number;
  columnStart: number;
  columnEnd: number;
};
export type FlowJsonProblem = {
  error: string;
  errorType: string;
  message: string;
  lineStart: number;
  lineEnd: number;
  columnStart: number;
  columnEnd: number;
  pointers: FlowJsonPointer[];
};

export type ValidationResult = {
  valid: boolean;
  version: string | null;
  errors: FlowJsonProblem[];
  warnings: FlowJsonProblem[];
  flow: FlowJson | null;
};

export type ValidateOptions = {
  /** The Flow has an endpoint configured (8x8 `endPointUri`); silences the "data_exchange without endpoint" warning. */
  hasEndpoint?: boolean;
};
