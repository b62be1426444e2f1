import type { JsonPath } from "../../json/path";
import { atLeast } from "../../versions";
import { isObj, type ValidationContext, type Obj, type Reporter } from "../context";
import { isNotBlank } from "./property-value";
import { typeName } from "./schema-helpers";

// Schema checks of one screen object (§4): keys (S1), id (S2), title (S5), flags (S1, S10), data (D1),
// sensitive (S13) and layout (S6).

const SCREEN_KEYS = new Set([
  "id",
  "title",
  "terminal",
  "success",
  "refresh_on_back",
  "data",
  "layout",
  "sensitive",
]);
const BOOLEAN_FLAGS = ["terminal", "success", "refresh_on_back"];
/** 7.0 forbids ids made only of underscores; earlier versions also accepted commas. */
const SCREEN_ID_FROM_7 = /^(?!_+$)[a-zA-Z_]+$/;
const SCREEN_ID_BEFORE_7 = /^[a-zA-Z,_]+$/;

export function checkScreenSchema(context: ValidationContext, screen: Obj, path: JsonPath): void {
  const { report, version } = context;
  checkScreenKeys(report, version, screen, path);
  checkScreenId(report, version, screen, path);
  checkScreenTitle(report, version, screen, path);
  checkScreenFlags(report, screen, path);
  if (screen.data !== undefined && !isObj(screen.data)) {
    // D1: the data model is an object of field schemas.
    report.error(
      "D1",
      "INVALID_PROPERTY_TYPE",
      [...path, "data"],
      `Expected property 'data' to be of type 'object' but found '${typeName(screen.data)}'.`,
    );
  }
  if (screen.sensitive !== undefined && atLeast(version, "5.1"))
    checkSensitive(report, screen.sensitive, path);
  checkLayout(report, screen.layout, path);
}

/** S1: only the documented screen keys ('sensitive' from 5.1). */
function checkScreenKeys(report: Reporter, version: string, screen: Obj, path: JsonPath): void {
  const sensitiveAllowed = atLeast(version, "5.1");
  for (const key in screen) {
    if (SCREEN_KEYS.has(key) && (key !== "sensitive" || sensitiveAllowed)) continue;
    report.error(
      "S1",
      "INVALID_PROPERTY_KEY",
      [...path, key],
      key === "sensitive"
        ? "Property 'sensitive' is not allowed before Flow JSON version 5.1."
        : `Property '${key}' is not allowed in a screen; allowed are id, title, terminal, success, refresh_on_back, data, layout${sensitiveAllowed ? ", sensitive" : ""}.`,
      "key",
    );
  }
}

/** S2: a non-empty id of letters and underscores. */
function checkScreenId(report: Reporter, version: string, screen: Obj, path: JsonPath): void {
  const id = screen.id;
  if (id === undefined) {
    report.error(
      "S2",
      "MISSING_REQUIRED_PROPERTY",
      path,
      "Required property 'id' is missing in the screen; add an id of letters and underscores, such as 'WELCOME'.",
    );
  } else if (typeof id !== "string") {
    report.error(
      "S2",
      "INVALID_PROPERTY_TYPE",
      [...path, "id"],
      `Expected property 'id' to be of type 'string' but found '${typeName(id)}'.`,
    );
  } else if (id.length === 0) {
    report.error(
      "S2",
      "MIN_CHARS_REQUIRED",
      [...path, "id"],
      "Property 'id' should have at least '1' characters.",
    );
  } else if (!(atLeast(version, "7.0") ? SCREEN_ID_FROM_7 : SCREEN_ID_BEFORE_7).test(id)) {
    report.error(
      "S2",
      "PATTERN_MISMATCH",
      [...path, "id"],
      "Property 'id' should only consist of alphabets and underscores (no digits, hyphens or spaces).",
    );
  }
}

/** S5: a title string, not blank from 5.0. */
function checkScreenTitle(report: Reporter, version: string, screen: Obj, path: JsonPath): void {
  const title = screen.title;
  if (title === undefined) {
    report.error(
      "S5",
      "MISSING_REQUIRED_PROPERTY",
      path,
      "Required property 'title' is missing in the screen; add the title shown at the top of the screen.",
    );
  } else if (typeof title !== "string") {
    report.error(
      "S5",
      "INVALID_PROPERTY_TYPE",
      [...path, "title"],
      `Expected property 'title' to be of type 'string' but found '${typeName(title)}'.`,
    );
  } else if (atLeast(version, "5.0") && !isNotBlank(title)) {
    report.error(
      "S5",
      "PATTERN_MISMATCH",
      [...path, "title"],
      "Property 'title' should not be blank or an empty string.",
    );
  }
}

/** S1: boolean flags; S10: 'success' only on a terminal screen. */
function checkScreenFlags(report: Reporter, screen: Obj, path: JsonPath): void {
  for (const key of BOOLEAN_FLAGS) {
    if (screen[key] !== undefined && typeof screen[key] !== "boolean") {
      report.error(
        "S1",
        "INVALID_PROPERTY_TYPE",
        [...path, key],
        `Expected property '${key}' to be of type 'boolean' but found '${typeName(screen[key])}'.`,
      );
    }
  }
  if (screen.success !== undefined && screen.terminal !== true) {
    report.error(
      "S10",
      "NOT_KEYWORD_SCHEMA_VALIDATION_FAILED",
      [...path, "success"],
      "Property 'success' can only be specified on a terminal screen; remove it or set 'terminal' to true.",
      "key",
    );
  }
}

/** S13: 'sensitive' is a non-empty array of component names. */
function checkSensitive(report: Reporter, sensitive: unknown, path: JsonPath): void {
  if (!Array.isArray(sensitive) || sensitive.some((name) => typeof name !== "string")) {
    report.error(
      "S13",
      "INVALID_PROPERTY_TYPE",
      [...path, "sensitive"],
      "Expected property 'sensitive' to be an array of component names.",
    );
  } else if (sensitive.length === 0) {
    report.error(
      "S13",
      "MIN_ITEMS_REQUIRED",
      [...path, "sensitive"],
      "Property 'sensitive' should have at least '1' items.",
    );
  }
}

/** S6: layout is {type: "SingleColumnLayout", children: [...]} and nothing else. */
function checkLayout(report: Reporter, layout: unknown, path: JsonPath): void {
  if (layout === undefined) {
    report.error(
      "S6",
      "MISSING_REQUIRED_PROPERTY",
      path,
      'Required property \'layout\' is missing in the screen; add {"type": "SingleColumnLayout", "children": […]}.',
    );
    return;
  }
  if (!isObj(layout)) {
    report.error(
      "S6",
      "INVALID_PROPERTY_TYPE",
      [...path, "layout"],
      `Expected property 'layout' to be of type 'object' but found '${typeName(layout)}'.`,
    );
    return;
  }
  for (const key in layout) {
    if (key !== "type" && key !== "children") {
      report.error(
        "S6",
        "INVALID_PROPERTY_KEY",
        [...path, "layout", key],
        `Property '${key}' is not allowed in the layout; allowed are type and children.`,
        "key",
      );
    }
  }
  if (layout.type === undefined) {
    report.error(
      "S6",
      "MISSING_REQUIRED_PROPERTY",
      [...path, "layout"],
      "Required property 'type' is missing in the layout; use 'SingleColumnLayout'.",
    );
  } else if (layout.type !== "SingleColumnLayout") {
    report.error(
      "S6",
      "INVALID_PROPERTY_VALUE",
      [...path, "layout", "type"],
      "Invalid value found for property 'type' of the layout; use 'SingleColumnLayout'.",
    );
  }
  if (!Array.isArray(layout.children)) {
    const missing = layout.children === undefined;
    report.error(
      "S6",
      missing ? "MISSING_REQUIRED_PROPERTY" : "INVALID_PROPERTY_TYPE",
      missing ? [...path, "layout"] : [...path, "layout", "children"],
      "Property 'children' of the layout must be an array of components.",
    );
  }
}
