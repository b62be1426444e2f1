import { lookupTable } from "./lookup-table";

// Per-component property table (spec §8), used by the schema stage and by the editor JSON Schema.
// `since` = first Flow JSON version with the property; `dynamic` = a binding/expression is accepted (§7.1).

export type PropKind =
  | "string"
  | "boolean"
  | "number"
  | "integer"
  | "enum"
  | "enum-array"
  | "string-array"
  | "text"
  | "action"
  | "components"
  | "cases"
  | "data-source"
  | "list-items"
  | "images"
  | "object"
  | "any"
  | "string-or-object"
  | "condition";

export type PropSpec = {
  kind: PropKind;
  description: string;
  since?: string;
  /** Version from which the property is rejected (data_channel_uri-style removals). */
  until?: string;
  /** true, or the first version where it becomes required. */
  required?: boolean | string;
  /** A "${…}" binding (or a 6.0+ backtick expression) is accepted. */
  dynamic?: boolean;
  values?: readonly string[];
  minimum?: number;
  maximum?: number;
  /** Documented client character limit (warning L1). */
  maxChars?: number;
  /** Only on components outside a Form (4.0+ init-value / error-message). */
  outsideFormOnly?: boolean;
};

export type Container = "top" | "form" | "if" | "switch";

export type ComponentSpec = {
  since: string;
  description: string;
  /** A lookup table (no prototype): props["constructor"] is undefined. */
  props: Readonly<Record<string, PropSpec>>;
  /** Holds a user value addressable as ${form.name}. */
  input?: boolean;
  /** Where the component may appear (§6.1); values are the first version allowed there. */
  containers: Partial<Record<Container, string>>;
};

const ALL: Partial<Record<Container, string>> = { top: "2.1", form: "2.1", if: "4.0", switch: "4.0" };
/** Inputs may sit outside a Form only from 4.0 (§6.4). */
const INPUT: Partial<Record<Container, string>> = { top: "4.0", form: "2.1", if: "4.0", switch: "4.0" };

// Builders for the common property kinds: a string, boolean or number property also accepts a binding
// (`dynamic`) unless `extra` says otherwise.
const stringProp = (description: string, extra: Partial<PropSpec> = {}): PropSpec => ({
  kind: "string",
  dynamic: true,
  description,
  ...extra,
});
const booleanProp = (description: string, extra: Partial<PropSpec> = {}): PropSpec => ({
  kind: "boolean",
  dynamic: true,
  description,
  ...extra,
});
const integerProp = (description: string, extra: Partial<PropSpec> = {}): PropSpec => ({
  kind: "integer",
  dynamic: true,
  description,
  ...extra,
});
const numberProp = (description: string, extra: Partial<PropSpec> = {}): PropSpec => ({
  kind: "number",
  dynamic: true,
  description,
  ...extra,
});
const enumProp = (
  values: readonly string[],
  description: string,
  extra: Partial<PropSpec> = {},
): PropSpec => ({
  kind: "enum",
  values,
  description,
  ...extra,
});
const actionProp = (description: string, extra: Partial<PropSpec> = {}): PropSpec => ({
  kind: "action",
  description,
  ...extra,
});

const visible = booleanProp("Show the component (default true). `false` removes it from the layout.");
const enabled = booleanProp("Allow interaction (default true). `false` greys it out.");
const required = booleanProp("The user must fill it before the Footer is enabled (default false).");
const name = (since = "2.1"): PropSpec => ({
  kind: "string",
  description: "Static, unique name on the screen; the key of ${form.<name>} and of payloads.",
  required: true,
  since,
});
const helper = stringProp("Small grey text under the field.", { maxChars: 80 });
const initValue = (kind: PropKind, since = "4.0"): PropSpec => ({
  kind,
  dynamic: true,
  since,
  outsideFormOnly: true,
  description: "Pre-filled value (outside a Form only; inside a Form use Form.init-values).",
});
const errorMessage = (since = "4.0", maxChars?: number): PropSpec =>
  stringProp("Error shown under the field when the screen renders (outside a Form only).", {
    since,
    outsideFormOnly: true,
    maxChars,
  });
const labelVariant = enumProp(["large"], "Prominent label that may wrap over several lines.", {
  since: "7.0",
});
const mediaSize = enumProp(["regular", "large"], "Size of the item images (static only).", { since: "5.0" });

const textProps = (maxChars: number, body: boolean): Record<string, PropSpec> => ({
  text: body
    ? {
        kind: "text",
        dynamic: true,
        required: true,
        maxChars,
        description: "The text. With markdown:true (5.1+) it may be an array of paragraphs.",
      }
    : stringProp("The text.", { required: true, maxChars }),
  visible,
  ...(body
    ? {
        "font-weight": enumProp(
          ["bold", "italic", "bold_italic", "normal"],
          "Font weight (default normal).",
          {
            dynamic: true,
          },
        ),
        strikethrough: booleanProp("Strike the text through."),
        markdown: {
          kind: "boolean",
          since: "5.1",
          description: "Enable the limited Markdown subset (static).",
        } as PropSpec,
      }
    : {}),
});

const MIME_TYPES = [
  "application/gzip",
  "application/msword",
  "application/pdf",
  "application/vnd.ms-excel",
  "application/vnd.ms-powerpoint",
  "application/vnd.oasis.opendocument.presentation",
  "application/vnd.oasis.opendocument.spreadsheet",
  "application/vnd.oasis.opendocument.text",
  "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "application/x-7z-compressed",
  "application/zip",
  "image/avif",
  "image/gif",
  "image/heic",
  "image/heif",
  "image/jpeg",
  "image/png",
  "image/tiff",
  "image/webp",
  "text/plain",
  "video/mp4",
  "video/mpeg",
] as const;

const listProps = (since: string): Record<string, PropSpec> => ({
  name: name(),
  "data-source": {
    kind: "data-source",
    dynamic: true,
    required: true,
    description: "Items {id, title, …} or a ${data.…} array binding.",
  },
  label: stringProp("Label above the list (required from 4.0).", { required: "4.0", maxChars: 30 }),
  description: stringProp("Secondary text under the label.", { since: "4.0", maxChars: 300 }),
  required,
  enabled,
  visible,
  "media-size": mediaSize,
  "on-select-action": actionProp("Runs when an item is selected: data_exchange; update_data from 6.0."),
  "on-unselect-action": actionProp("Runs when an item is deselected: update_data.", { since: "6.0" }),
  "error-message": errorMessage(since === "2.1" ? "4.0" : since),
});

export const COMPONENT_SPECS: Readonly<Record<string, ComponentSpec>> = specTable({
  TextHeading: {
    since: "2.1",
    description: "Large bold section title.",
    props: textProps(80, false),
    containers: ALL,
  },
  TextSubheading: {
    since: "2.1",
    description: "Smaller bold subtitle.",
    props: textProps(80, false),
    containers: ALL,
  },
  TextBody: { since: "2.1", description: "Body text.", props: textProps(4096, true), containers: ALL },
  TextCaption: {
    since: "2.1",
    description: "Small secondary text.",
    props: textProps(409, true),
    containers: ALL,
  },
  RichText: {
    since: "5.1",
    description: "Markdown document; alone on its screen (with a Footer from 6.3).",
    props: {
      text: {
        kind: "text",
        dynamic: true,
        required: true,
        description: "Markdown string, array of static strings, or one binding.",
      },
      visible,
    },
    containers: { top: "5.1" },
  },
  TextInput: {
    since: "2.1",
    description: "Single-line text field.",
    input: true,
    props: {
      name: name(),
      label: stringProp("Field label.", { required: true, maxChars: 20 }),
      "label-variant": labelVariant,
      "input-type": enumProp(
        ["text", "number", "email", "password", "passcode", "phone"],
        "Keyboard and built-in validation (default text).",
      ),
      pattern: stringProp(
        "Regular expression the value must match (with input-type text, number, password or passcode; needs helper-text).",
        { since: "6.2" },
      ),
      required,
      "min-chars": numberProp("Minimum number of characters."),
      "max-chars": numberProp("Maximum number of characters (default 80)."),
      "helper-text": helper,
      enabled,
      visible,
      "init-value": initValue("string"),
      "error-message": errorMessage("4.0", 30),
    },
    containers: INPUT,
  },
  TextArea: {
    since: "2.1",
    description: "Multi-line text field.",
    input: true,
    props: {
      name: name(),
      label: stringProp("Field label.", { required: true, maxChars: 20 }),
      "label-variant": labelVariant,
      required,
      "max-length": integerProp("Maximum number of characters (default 600)."),
      "helper-text": helper,
      enabled,
      visible,
      "init-value": initValue("string"),
      "error-message": errorMessage(),
    },
    containers: INPUT,
  },
  CheckboxGroup: {
    since: "2.1",
    description: "Multiple choice; value is an array of item ids.",
    input: true,
    props: {
      ...listProps("2.1"),
      "min-selected-items": integerProp("Minimum number of selections.", { minimum: 0 }),
      "max-selected-items": integerProp("Maximum number of selections (at least 2).", { minimum: 2 }),
      "init-value": initValue("string-array"),
    },
    containers: INPUT,
  },
  RadioButtonsGroup: {
    since: "2.1",
    description: "Single choice; value is the selected item id.",
    input: true,
    props: { ...listProps("2.1"), "init-value": initValue("string") },
    containers: INPUT,
  },
  Dropdown: {
    since: "2.1",
    description: "Single choice in a selection sheet; value is the selected item id.",
    input: true,
    props: {
      name: name(),
      label: stringProp("Field label.", { required: true, maxChars: 20 }),
      "data-source": {
        kind: "data-source",
        dynamic: true,
        required: true,
        description: "Items {id, title, …} (1–200) or a ${data.…} array binding.",
      },
      required,
      enabled,
      visible,
      "on-select-action": actionProp("Runs when an item is selected: data_exchange; update_data from 6.0."),
      "on-unselect-action": actionProp("Runs when the item is deselected: update_data.", { since: "6.0" }),
      "init-value": initValue("string"),
      "error-message": errorMessage(),
    },
    containers: INPUT,
  },
  ChipsSelector: {
    since: "6.3",
    description: "Multi-select chips; value is an array of item ids.",
    input: true,
    props: {
      name: name("6.3"),
      label: stringProp("Field label.", { required: true, maxChars: 80 }),
      "data-source": {
        kind: "data-source",
        dynamic: true,
        required: true,
        description: "Items {id, title, enabled} (2–20) or a binding.",
      },
      description: stringProp("Secondary text.", { maxChars: 300 }),
      "min-selected-items": integerProp("Minimum number of selections.", { minimum: 0 }),
      "max-selected-items": integerProp("Maximum number of selections.", { minimum: 1 }),
      required,
      enabled,
      visible,
      "init-value": initValue("string-array", "6.3"),
      "error-message": errorMessage("6.3"),
      "on-select-action": actionProp("data_exchange or update_data.", { since: "7.1" }),
      "on-unselect-action": actionProp("update_data.", { since: "7.1" }),
    },
    containers: { top: "6.3", form: "6.3", if: "7.1", switch: "7.1" },
  },
  DatePicker: {
    since: "2.1",
    description: "Date field; value is YYYY-MM-DD (5.0+) or a millisecond timestamp string (< 5.0).",
    input: true,
    props: {
      name: name(),
      label: stringProp("Field label.", { required: true, maxChars: 40 }),
      "helper-text": helper,
      required,
      enabled,
      visible,
      "min-date": stringProp("Earliest selectable date."),
      "max-date": stringProp("Latest selectable date."),
      "unavailable-dates": {
        kind: "string-array",
        dynamic: true,
        description: "Dates that cannot be picked.",
      },
      "on-select-action": actionProp("data_exchange only."),
      "init-value": initValue("string"),
      "error-message": errorMessage("4.0", 80),
    },
    containers: INPUT,
  },
  CalendarPicker: {
    since: "6.1",
    description: "Full calendar, single date or range.",
    input: true,
    props: {
      name: name("6.1"),
      mode: enumProp(["single", "range"], "single (default) or range.", { dynamic: true }),
      label: {
        kind: "string-or-object",
        dynamic: true,
        required: true,
        maxChars: 40,
        description: "Label; in range mode {start-date, end-date}.",
      },
      title: stringProp("Calendar sheet title (range mode only).", { maxChars: 80 }),
      description: stringProp("Description (range mode only).", { maxChars: 300 }),
      "helper-text": {
        kind: "string-or-object",
        dynamic: true,
        maxChars: 80,
        description: "Helper text; in range mode {start-date, end-date}.",
      },
      required: {
        kind: "string-or-object",
        dynamic: true,
        description: "Required; in range mode {start-date, end-date} booleans.",
      },
      enabled,
      visible,
      "min-date": stringProp("Earliest selectable date (YYYY-MM-DD)."),
      "max-date": stringProp("Latest selectable date (YYYY-MM-DD)."),
      "unavailable-dates": {
        kind: "string-array",
        dynamic: true,
        description: "Dates (YYYY-MM-DD) that cannot be picked.",
      },
      "include-days": {
        kind: "enum-array",
        dynamic: true,
        values: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
        description: "Weekdays that can be picked.",
      },
      "min-days": integerProp("Minimum days in a range (range mode only)."),
      "max-days": integerProp("Maximum days in a range (range mode only)."),
      "on-select-action": actionProp("data_exchange only."),
      "init-value": {
        kind: "string-or-object",
        dynamic: true,
        outsideFormOnly: true,
        description: "Pre-filled date or {start-date, end-date}.",
      },
      "error-message": {
        kind: "string-or-object",
        dynamic: true,
        outsideFormOnly: true,
        maxChars: 80,
        description: "Error text or {start-date, end-date}.",
      },
    },
    containers: { top: "6.1", form: "6.1", if: "6.1", switch: "6.1" },
  },
  OptIn: {
    since: "2.1",
    description: "Checkbox with a label and an optional 'Read more' link; value is a boolean.",
    input: true,
    props: {
      name: name(),
      label: stringProp("Label.", { required: true, maxChars: 120 }),
      required,
      visible,
      "on-click-action": actionProp("'Read more' action: navigate or data_exchange; open_url from 6.0."),
      "on-select-action": actionProp("update_data.", { since: "6.0" }),
      "on-unselect-action": actionProp("update_data.", { since: "6.0" }),
      "init-value": initValue("boolean"),
    },
    containers: INPUT,
  },
  EmbeddedLink: {
    since: "2.1",
    description: "A line of link text that runs an action.",
    props: {
      text: stringProp("Link text.", { required: true, maxChars: 25 }),
      "on-click-action": actionProp("navigate or data_exchange; open_url from 6.0.", { required: true }),
      visible,
    },
    containers: ALL,
  },
  Footer: {
    since: "2.1",
    description: "The bottom button. One per screen; required on terminal screens.",
    props: {
      label: stringProp("Button text.", { required: true, maxChars: 35 }),
      "on-click-action": actionProp("navigate, data_exchange or complete.", { required: true }),
      "left-caption": stringProp("Caption left of the button (needs right-caption).", { maxChars: 15 }),
      "right-caption": stringProp("Caption right of the button (needs left-caption).", { maxChars: 15 }),
      "center-caption": stringProp("Centred caption (not with left/right).", { maxChars: 15 }),
      enabled,
    },
    containers: ALL,
  },
  Image: {
    since: "2.1",
    description: "Base64 image (JPEG or PNG).",
    props: {
      src: stringProp("Base64 image data (no URL) or a binding.", { required: true }),
      width: integerProp("Width."),
      height: integerProp("Height."),
      "aspect-ratio": numberProp("Width / height (default 1)."),
      "scale-type": enumProp(["cover", "contain"], "cover or contain (default)."),
      "alt-text": stringProp("Accessibility text."),
      visible,
    },
    containers: ALL,
  },
  ImageCarousel: {
    since: "7.1",
    description: "Swipeable images (1–3).",
    props: {
      images: {
        kind: "images",
        dynamic: true,
        required: true,
        description: "Array of {src, alt-text} (1–3) or a binding.",
      },
      "aspect-ratio": enumProp(["4:3", "16:9"], "4:3 (default) or 16:9."),
      "scale-type": enumProp(["contain", "cover"], "contain (default) or cover."),
      visible,
    },
    containers: { top: "7.1", form: "7.1" },
  },
  NavigationList: {
    since: "6.2",
    description: "List of tappable rows; alone on its screen.",
    props: {
      name: name("6.2"),
      "list-items": {
        kind: "list-items",
        dynamic: true,
        required: true,
        description: "Items (1–20) or a binding.",
      },
      label: stringProp("Heading above the list.", { maxChars: 80 }),
      description: stringProp("Description.", { maxChars: 300 }),
      "media-size": enumProp(["regular", "large"], "Size of the start images (static)."),
      "on-click-action": actionProp("navigate or data_exchange, for every item (or set one per item)."),
    },
    containers: { top: "6.2", form: "6.2" },
  },
  PhotoPicker: {
    since: "4.0",
    description: "Photo upload.",
    input: true,
    props: {
      name: name("4.0"),
      label: stringProp("Label.", { required: true, maxChars: 80 }),
      description: stringProp("Description.", { maxChars: 300 }),
      "photo-source": enumProp(
        ["camera_gallery", "camera", "gallery"],
        "Where photos come from (default camera_gallery).",
      ),
      "max-file-size-kb": {
        kind: "integer",
        minimum: 1,
        maximum: 25600,
        description: "Maximum file size in KB (1–25600, static).",
      },
      "min-uploaded-photos": {
        kind: "integer",
        minimum: 0,
        maximum: 30,
        description: "Minimum photos (0–30, static); ≥ 1 makes it required.",
      },
      "max-uploaded-photos": {
        kind: "integer",
        minimum: 1,
        maximum: 30,
        description: "Maximum photos (1–30, static).",
      },
      enabled,
      visible,
      "error-message": {
        kind: "string-or-object",
        dynamic: true,
        outsideFormOnly: true,
        description: "Error text or per-file errors.",
      },
    },
    containers: { top: "4.0", form: "4.0", if: "4.0", switch: "4.0" },
  },
  DocumentPicker: {
    since: "4.0",
    description: "Document upload.",
    input: true,
    props: {
      name: name("4.0"),
      label: stringProp("Label.", { required: true, maxChars: 80 }),
      description: stringProp("Description.", { maxChars: 300 }),
      "max-file-size-kb": {
        kind: "integer",
        minimum: 1,
        maximum: 25600,
        description: "Maximum file size in KB (1–25600, static).",
      },
      "min-uploaded-documents": {
        kind: "integer",
        minimum: 0,
        maximum: 30,
        description: "Minimum documents (0–30, static).",
      },
      "max-uploaded-documents": {
        kind: "integer",
        minimum: 1,
        maximum: 30,
        description: "Maximum documents (1–30, static).",
      },
      "allowed-mime-types": {
        kind: "enum-array",
        values: MIME_TYPES,
        description: "Allowed MIME types (default all).",
      },
      enabled,
      visible,
      "error-message": {
        kind: "string-or-object",
        dynamic: true,
        outsideFormOnly: true,
        description: "Error text or per-file errors.",
      },
    },
    containers: { top: "4.0", form: "4.0", if: "4.0", switch: "4.0" },
  },
  If: {
    since: "4.0",
    description: "Renders `then` or `else` depending on `condition`.",
    props: {
      condition: {
        kind: "condition",
        required: true,
        description: "Boolean condition, e.g. ${form.age} > 18 (6.0+: boolean or backtick expression).",
      },
      then: {
        kind: "components",
        required: true,
        description: "Components when the condition is true (non-empty).",
      },
      else: { kind: "components", description: "Components when the condition is false." },
    },
    containers: { top: "4.0", form: "4.0", if: "4.0" },
  },
  Switch: {
    since: "4.0",
    description: "Renders the case matching `value`.",
    props: {
      value: stringProp("A binding (or 6.0+ expression) to switch on.", { required: true }),
      cases: { kind: "cases", required: true, description: "Case key → components (non-empty)." },
    },
    containers: { top: "4.0", form: "4.0", if: "4.0" },
  },
  Form: {
    since: "2.1",
    description: "Groups inputs; required around inputs before 4.0.",
    props: {
      name: name(),
      children: { kind: "components", required: true, description: "Components of the form." },
      "init-values": { kind: "object", dynamic: true, description: "Initial values by component name." },
      "error-messages": { kind: "object", dynamic: true, description: "Error messages by component name." },
    },
    containers: { top: "2.1" },
  },
});

/** The specs and each one's properties as lookup tables: the validator looks them up by keys from the document. */
function specTable(specs: Record<string, ComponentSpec>): Readonly<Record<string, ComponentSpec>> {
  const table: Record<string, ComponentSpec> = {};
  for (const type in specs) table[type] = { ...specs[type]!, props: lookupTable(specs[type]!.props) };
  return lookupTable(table);
}

/** Allowed action names per component and event, by version (§9.3). */
export function allowedActions(
  type: string,
  event: string,
  version: string,
  atLeast: (v: string, m: string) => boolean,
  onItem = false,
): string[] {
  const v6 = atLeast(version, "6.0");
  if (onItem) return v6 ? ["update_data"] : [];
  if (event === "on-click-action") {
    if (type === "Footer") return ["navigate", "data_exchange", "complete"];
    if (type === "EmbeddedLink" || type === "OptIn")
      return v6 ? ["navigate", "data_exchange", "open_url"] : ["navigate", "data_exchange"];
    if (type === "NavigationList") return ["navigate", "data_exchange"];
    return [];
  }
  if (event === "on-select-action") {
    if (type === "DatePicker" || type === "CalendarPicker") return ["data_exchange"];
    if (type === "OptIn") return ["update_data"];
    if (type === "ChipsSelector") return ["data_exchange", "update_data"];
    return v6 ? ["data_exchange", "update_data"] : ["data_exchange"];
  }
  if (event === "on-unselect-action") return ["update_data"];
  return [];
}
