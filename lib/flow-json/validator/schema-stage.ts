import type { JsonPath } from "../json/path";
import { isBacktickExpression, parseBinding } from "../expressions/binding";
import { atLeast } from "../versions";
import { COMPONENT_SPECS, allowedActions, type PropSpec } from "./component-specs";
import { isObj, type ComponentInfo, type Ctx, type Obj } from "./context";

// Stage 4 of Meta's pipeline (§11.1): structure, types, enums, required and unknown keys, placement by
// container and version. If this stage reports errors, validation stops (Meta returns only schema errors).

const TOP_KEYS = new Set(["version", "screens", "routing_model", "data_api_version", "data_channel_uri"]);
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
const NON_BLANK = /^(\r?\n?)*(?!\s*$).+(\r?\n?)*/;
const CASE_KEY = /^[a-zA-Z][a-zA-Z0-9-_]*$/;
const COLOR = /^#([A-Fa-f0-9]{6})$/;

const typeName = (v: unknown): string => (v === null ? "null" : Array.isArray(v) ? "array" : typeof v);

/** Whether a string is an accepted dynamic value for a non-string property in this version (§7.1 patterns). */
export function isDynamicFor(value: string, version: string): boolean {
  if (!atLeast(version, "4.0")) return /^\$\{data\..+\}$/.test(value);
  if (atLeast(version, "6.0") && isBacktickExpression(value)) return true;
  return parseBinding(value) !== null;
}

export function runSchemaStage(ctx: Ctx): void {
  const { flow, report, version } = ctx;
  for (const key of Object.keys(flow)) {
    if (key === "data_channel_uri" && atLeast(version, "3.0"))
      report.error(
        "T4",
        "INVALID_PROPERTY_KEY",
        [key],
        `Property 'data_channel_uri' is no longer supported in Flow JSON as of version '3.0'; configure the endpoint URI through the Flows API or Builder instead.`,
        "key",
      );
    else if (!TOP_KEYS.has(key))
      report.error(
        "T4",
        "INVALID_PROPERTY_KEY",
        [key],
        `Property '${key}' is not allowed; top-level keys are version, screens, routing_model and data_api_version.`,
        "key",
      );
  }
  if (
    flow.data_channel_uri !== undefined &&
    !atLeast(version, "3.0") &&
    (typeof flow.data_channel_uri !== "string" || !/^https?:\/\/\S+$/.test(flow.data_channel_uri))
  )
    report.error(
      "T4",
      "INVALID_PROPERTY_VALUE_FORMAT",
      ["data_channel_uri"],
      "Property 'data_channel_uri' should be in 'uri' format.",
    );
  if (flow.data_api_version !== undefined && typeof flow.data_api_version !== "string")
    report.error(
      "T3",
      "INVALID_PROPERTY_TYPE",
      ["data_api_version"],
      `Expected property 'data_api_version' to be of type 'string' but found '${typeName(flow.data_api_version)}'.`,
    );
  if (flow.routing_model !== undefined) {
    if (!isObj(flow.routing_model))
      report.error(
        "R1",
        "INVALID_PROPERTY_TYPE",
        ["routing_model"],
        `Expected property 'routing_model' to be of type 'object' but found '${typeName(flow.routing_model)}'.`,
      );
    else
      for (const [k, v] of Object.entries(flow.routing_model))
        if (!Array.isArray(v) || v.some((x) => typeof x !== "string"))
          report.error(
            "R1",
            "INVALID_PROPERTY_TYPE",
            ["routing_model", k],
            `Expected property '${k}' of routing_model to be an array of screen ids.`,
          );
  }
  if (flow.screens === undefined) {
    report.error(
      "T5",
      "MISSING_REQUIRED_PROPERTY",
      [],
      "Required property 'screens' is missing; a Flow needs at least one screen.",
    );
    return;
  }
  if (!Array.isArray(flow.screens)) {
    report.error(
      "T5",
      "INVALID_PROPERTY_TYPE",
      ["screens"],
      `Expected property 'screens' to be of type 'array' but found '${typeName(flow.screens)}'.`,
    );
    return;
  }
  if (flow.screens.length === 0)
    report.error(
      "T5",
      "MIN_ITEMS_REQUIRED",
      ["screens"],
      "Property 'screens' should have at least '1' items.",
    );
  if (flow.screens.length > 100)
    report.error(
      "T5",
      "MAX_SCREENS_NUMBER",
      ["screens"],
      `Maximum number of screens allowed per Flow is 100 but found ${flow.screens.length}.`,
    );
  flow.screens.forEach((s, i) => {
    if (!isObj(s))
      report.error(
        "S6",
        "INVALID_PROPERTY_TYPE",
        ["screens", i],
        `Expected screen to be of type 'object' but found '${typeName(s)}'.`,
      );
  });
  for (const screen of ctx.screens) {
    checkScreen(ctx, screen.screen, screen.path);
    for (const info of screen.components) checkComponent(ctx, info);
  }
}

function checkScreen(ctx: Ctx, s: Obj, path: JsonPath): void {
  const { report, version } = ctx;
  for (const key of Object.keys(s)) {
    if (!SCREEN_KEYS.has(key) || (key === "sensitive" && !atLeast(version, "5.1")))
      report.error(
        "S1",
        "INVALID_PROPERTY_KEY",
        [...path, key],
        key === "sensitive"
          ? "Property 'sensitive' is not allowed before Flow JSON version 5.1."
          : `Property '${key}' is not allowed in a screen; allowed are id, title, terminal, success, refresh_on_back, data, layout${atLeast(version, "5.1") ? ", sensitive" : ""}.`,
        "key",
      );
  }
  if (s.id === undefined)
    report.error("S2", "MISSING_REQUIRED_PROPERTY", path, "Required property 'id' is missing in the screen.");
  else if (typeof s.id !== "string")
    report.error(
      "S2",
      "INVALID_PROPERTY_TYPE",
      [...path, "id"],
      `Expected property 'id' to be of type 'string' but found '${typeName(s.id)}'.`,
    );
  else if (s.id.length === 0)
    report.error(
      "S2",
      "MIN_CHARS_REQUIRED",
      [...path, "id"],
      "Property 'id' should have at least '1' characters.",
    );
  else if (!(atLeast(version, "7.0") ? /^(?!_+$)[a-zA-Z_]+$/ : /^[a-zA-Z,_]+$/).test(s.id))
    report.error(
      "S2",
      "PATTERN_MISMATCH",
      [...path, "id"],
      "Property 'id' should only consist of alphabets and underscores (no digits, hyphens or spaces).",
    );
  if (s.title === undefined)
    report.error(
      "S5",
      "MISSING_REQUIRED_PROPERTY",
      path,
      "Required property 'title' is missing in the screen.",
    );
  else if (typeof s.title !== "string")
    report.error(
      "S5",
      "INVALID_PROPERTY_TYPE",
      [...path, "title"],
      `Expected property 'title' to be of type 'string' but found '${typeName(s.title)}'.`,
    );
  else if (atLeast(version, "5.0") && !NON_BLANK.test(s.title))
    report.error(
      "S5",
      "PATTERN_MISMATCH",
      [...path, "title"],
      "Property 'title' should not be blank or an empty string.",
    );
  for (const key of ["terminal", "success", "refresh_on_back"])
    if (s[key] !== undefined && typeof s[key] !== "boolean")
      report.error(
        "S1",
        "INVALID_PROPERTY_TYPE",
        [...path, key],
        `Expected property '${key}' to be of type 'boolean' but found '${typeName(s[key])}'.`,
      );
  if (s.success !== undefined && s.terminal !== true)
    report.error(
      "S10",
      "NOT_KEYWORD_SCHEMA_VALIDATION_FAILED",
      [...path, "success"],
      "Property 'success' can only be specified on a terminal screen; remove it or set 'terminal' to true.",
      "key",
    );
  if (s.data !== undefined && !isObj(s.data))
    report.error(
      "D1",
      "INVALID_PROPERTY_TYPE",
      [...path, "data"],
      `Expected property 'data' to be of type 'object' but found '${typeName(s.data)}'.`,
    );
  if (s.sensitive !== undefined && atLeast(version, "5.1")) {
    if (!Array.isArray(s.sensitive) || s.sensitive.some((x) => typeof x !== "string"))
      report.error(
        "S13",
        "INVALID_PROPERTY_TYPE",
        [...path, "sensitive"],
        "Expected property 'sensitive' to be an array of component names.",
      );
    else if (s.sensitive.length === 0)
      report.error(
        "S13",
        "MIN_ITEMS_REQUIRED",
        [...path, "sensitive"],
        "Property 'sensitive' should have at least '1' items.",
      );
  }
  const layout = s.layout;
  if (layout === undefined)
    report.error(
      "S6",
      "MISSING_REQUIRED_PROPERTY",
      path,
      "Required property 'layout' is missing in the screen.",
    );
  else if (!isObj(layout))
    report.error(
      "S6",
      "INVALID_PROPERTY_TYPE",
      [...path, "layout"],
      `Expected property 'layout' to be of type 'object' but found '${typeName(layout)}'.`,
    );
  else {
    for (const key of Object.keys(layout))
      if (key !== "type" && key !== "children")
        report.error(
          "S6",
          "INVALID_PROPERTY_KEY",
          [...path, "layout", key],
          `Property '${key}' is not allowed in the layout; allowed are type and children.`,
          "key",
        );
    if (layout.type !== "SingleColumnLayout")
      report.error(
        "S6",
        layout.type === undefined ? "MISSING_REQUIRED_PROPERTY" : "INVALID_PROPERTY_VALUE",
        layout.type === undefined ? [...path, "layout"] : [...path, "layout", "type"],
        layout.type === undefined
          ? "Required property 'type' is missing in the layout; use 'SingleColumnLayout'."
          : "Invalid value found for property 'type'. Expected 'SingleColumnLayout'.",
      );
    if (!Array.isArray(layout.children))
      report.error(
        "S6",
        layout.children === undefined ? "MISSING_REQUIRED_PROPERTY" : "INVALID_PROPERTY_TYPE",
        layout.children === undefined ? [...path, "layout"] : [...path, "layout", "children"],
        "Property 'children' of the layout must be an array of components.",
      );
  }
}

function checkComponent(ctx: Ctx, info: ComponentInfo): void {
  const { report, version } = ctx;
  const { c, path, type } = info;
  if (c.type === undefined) {
    report.error(
      "C2",
      "MISSING_REQUIRED_TYPE_PROPERTY",
      path,
      "Required property 'type' is missing in the component.",
    );
    return;
  }
  const spec = COMPONENT_SPECS[type];
  if (!spec) {
    report.error(
      "P1",
      "INVALID_PROPERTY_VALUE",
      [...path, "type"],
      `Invalid value found for property 'type'. '${String(c.type)}' is not a Flow JSON component.`,
    );
    return;
  }
  if (!atLeast(version, spec.since)) {
    report.error(
      "P1",
      "UNAVAILABLE_FLOW_JSON_VERSION",
      [...path, "type"],
      `The component is not supported in Flow JSON version ${version}: ${type} is available from version ${spec.since}.`,
    );
    return;
  }
  const allowedFrom = spec.containers[info.container];
  const where = {
    top: "directly in the layout",
    form: "inside a Form",
    if: "inside an If",
    switch: "inside a Switch",
  }[info.container];
  if (allowedFrom === undefined) {
    report.error(
      "P1",
      "INVALID_PROPERTY_VALUE",
      [...path, "type"],
      `Invalid value found for property 'type': ${type} is not allowed ${where}.`,
    );
  } else if (!atLeast(version, allowedFrom)) {
    if (info.container === "top" && spec.input)
      report.error(
        "P2",
        "KEYWORD_ONE_OF",
        [...path, "type"],
        `Property '${type}' must be defined inside parent property 'Form' (Form is optional only from Flow JSON 4.0).`,
      );
    else
      report.error(
        "P1",
        "INVALID_PROPERTY_VALUE",
        [...path, "type"],
        `Invalid value found for property 'type': ${type} is allowed ${where} only from Flow JSON version ${allowedFrom}.`,
      );
  }
  // One mutable path for the whole component: values push their key, and the Reporter copies it only on a finding.
  const at: (string | number)[] = path.slice();
  for (const key in c) {
    if (key === "type") continue;
    const value = c[key];
    const p = spec.props[key];
    if (!p) {
      report.error(
        "C1",
        "INVALID_PROPERTY_KEY",
        [...path, key],
        `Property '${key}' is not allowed in '${type}' component.`,
        "key",
      );
      continue;
    }
    if (p.since && !atLeast(version, p.since)) {
      report.error(
        "C1",
        "INVALID_PROPERTY_KEY",
        [...path, key],
        `Property '${key}' is not allowed in '${type}' component before Flow JSON version ${p.since}.`,
        "key",
      );
      continue;
    }
    if (p.outsideFormOnly && info.inForm) {
      report.error(
        "P4",
        "INVALID_PROPERTY_KEY",
        [...path, key],
        `Property '${key}' is not allowed in '${type}' component inside a Form; use the Form's '${key === "init-value" ? "init-values" : "error-messages"}' instead.`,
        "key",
      );
      continue;
    }
    if (p.outsideFormOnly && !atLeast(version, "4.0")) {
      report.error(
        "P4",
        "INVALID_PROPERTY_KEY",
        [...path, key],
        `Property '${key}' is not allowed in '${type}' component before Flow JSON version 4.0.`,
        "key",
      );
      continue;
    }
    at.push(key);
    checkValue(ctx, info, key, value, p, at);
    at.pop();
  }
  for (const key of requiredProps(type, spec.props, version))
    if (c[key] === undefined)
      report.error(
        "C2",
        "MISSING_REQUIRED_PROPERTY",
        path,
        `Required property '${key}' is missing in '${type}' component.`,
      );
  if (type === "Footer") {
    const l = c["left-caption"] !== undefined,
      r = c["right-caption"] !== undefined,
      m = c["center-caption"] !== undefined;
    if (m && (l || r))
      report.error(
        "C5",
        "NOT_KEYWORD_SCHEMA_VALIDATION_FAILED",
        [...path, "center-caption"],
        "Properties 'center-caption' and [left-caption, right-caption] must be present exclusively at Footer.",
        "key",
      );
    else if (l !== r)
      report.error(
        "C5",
        "INVALID_DEPENDENCIES",
        [...path, l ? "left-caption" : "right-caption"],
        `Footer should have property ${l ? "right-caption" : "left-caption"} when property ${l ? "left-caption" : "right-caption"} is present.`,
        "key",
      );
  }
  if (
    type === "TextInput" &&
    c.pattern !== undefined &&
    c["input-type"] !== undefined &&
    !["text", "number", "password", "passcode"].includes(String(c["input-type"]))
  )
    report.error(
      "C13",
      "INVALID_DEPENDENCIES",
      [...path, "pattern"],
      "Property 'pattern' is only allowed with input-type text, number, password or passcode.",
      "key",
    );
}

const requiredCache = new Map<string, Map<string, string[]>>();
function requiredProps(type: string, props: Record<string, PropSpec>, version: string): string[] {
  let byType = requiredCache.get(version);
  if (!byType) requiredCache.set(version, (byType = new Map()));
  let list = byType.get(type);
  if (!list) {
    list = Object.keys(props).filter(
      (key) =>
        props[key]!.required === true ||
        (typeof props[key]!.required === "string" && atLeast(version, props[key]!.required as string)),
    );
    byType.set(type, list);
  }
  return list;
}

function checkValue(
  ctx: Ctx,
  info: ComponentInfo,
  key: string,
  value: unknown,
  p: PropSpec,
  path: JsonPath,
): void {
  const { report, version } = ctx;
  const v6 = atLeast(version, "6.0");
  const typeErr = (expected: string) =>
    report.error(
      "C3",
      "INVALID_PROPERTY_TYPE",
      path,
      `Expected property '${key}' to be of type '${expected}' but found '${typeName(value)}'.`,
    );
  const dyn = (v: unknown): boolean =>
    typeof v === "string" && p.dynamic === true && isDynamicFor(v, version);
  switch (p.kind) {
    case "string":
      if (typeof value !== "string") return typeErr("string");
      if (v6 && !NON_BLANK.test(value))
        return report.error(
          "C4",
          "PATTERN_MISMATCH",
          path,
          `Property '${key}' should not be blank or an empty string.`,
        );
      if (key === "name" && v6) {
        if (value.includes("${"))
          report.error(
            "P16",
            "PATTERN_MISMATCH",
            path,
            `Property 'name' should not be dynamic data format; use a static name such as 'first_name'.`,
          );
        else if (value.includes("`"))
          report.error(
            "P16",
            "PATTERN_MISMATCH",
            path,
            "Property 'name' should not be enclosed in backticks; use a static name such as 'first_name'.",
          );
      }
      if (key === "name" && value.length === 0)
        report.error(
          "P16",
          "MIN_CHARS_REQUIRED",
          path,
          "Property 'name' should have at least '1' characters.",
        );
      return;
    case "boolean":
    case "number":
    case "integer": {
      const ok =
        p.kind === "boolean"
          ? typeof value === "boolean"
          : p.kind === "number"
            ? typeof value === "number"
            : Number.isInteger(value);
      if (ok) {
        const n = value as number;
        if (p.minimum !== undefined && n < p.minimum)
          report.error(
            "C7",
            "MINIMUM_VALUE_REQUIRED",
            path,
            `The minimum value allowed for property '${key}' is ${p.minimum}.`,
          );
        if (p.maximum !== undefined && n > p.maximum)
          report.error(
            "C8",
            "MAXIMUM_VALUE_REQUIRED",
            path,
            `The maximum value allowed for property '${key}' is ${p.maximum}.`,
          );
        return;
      }
      if (typeof value === "string" && p.dynamic) {
        if (dyn(value)) return;
        return report.error(
          "E1",
          "PATTERN_MISMATCH",
          path,
          `Property '${key}' should be of type '${p.kind}' or have dynamic data format of the form \${screen.data.your_value} or \${data.your_value}.`,
        );
      }
      return typeErr(p.kind);
    }
    case "enum":
      if (typeof value === "string" && p.values?.includes(value)) return;
      if (dyn(value)) return;
      return report.error(
        "C3",
        "INVALID_ENUM_VALUE",
        path,
        `Value should be one of: [${p.values?.join(", ")}].`,
      );
    case "enum-array":
      if (dyn(value)) return;
      if (!Array.isArray(value)) return typeErr("array");
      if (value.length === 0)
        return report.error(
          "C3",
          "MIN_ITEMS_REQUIRED",
          path,
          `Property '${key}' should have at least '1' items.`,
        );
      value.forEach((v, i) => {
        if (typeof v !== "string" || !p.values?.includes(v))
          report.error(
            "C8",
            "INVALID_ENUM_VALUE",
            [...path, i],
            `Value should be one of: [${p.values?.join(", ")}].`,
          );
      });
      return;
    case "string-array":
      if (dyn(value)) return;
      if (!Array.isArray(value) || value.some((v) => typeof v !== "string"))
        return typeErr("array of strings");
      return;
    case "text": {
      if (typeof value === "string") {
        if (v6 && !NON_BLANK.test(value))
          report.error(
            "C4",
            "PATTERN_MISMATCH",
            path,
            `Property '${key}' should not be blank or an empty string.`,
          );
        return;
      }
      const arrayOk = info.type === "RichText" || atLeast(version, "5.1");
      if (Array.isArray(value) && arrayOk) {
        value.forEach((v, i) => {
          if (typeof v !== "string")
            report.error(
              "C3",
              "INVALID_PROPERTY_TYPE",
              [...path, i],
              `Expected every item of '${key}' to be of type 'string' but found '${typeName(v)}'.`,
            );
        });
        return;
      }
      return typeErr(arrayOk ? "string or array of strings" : "string");
    }
    case "action":
      return checkAction(ctx, info, key, value, path, false);
    case "components":
      if (!Array.isArray(value)) return typeErr("array");
      if (key === "then" && value.length === 0)
        report.error(
          "P11",
          "INVALID_PROPERTY_VALUE",
          path,
          "Expected array to contain at least one component.",
        );
      return;
    case "cases":
      if (!isObj(value)) return typeErr("object");
      if (Object.keys(value).length === 0)
        return report.error(
          "P12",
          "EMPTY_SWITCH_CASES",
          path,
          "The 'cases' property of a Switch component cannot be empty.",
        );
      for (const [k, v] of Object.entries(value)) {
        if (!CASE_KEY.test(k))
          report.error(
            "P12",
            "PATTERN_MISMATCH",
            [...path, k],
            `Property '${k}' should match the pattern '^[a-zA-Z][a-zA-Z0-9-_]*$' (case keys start with a letter).`,
            "key",
          );
        if (!Array.isArray(v))
          report.error(
            "P12",
            "INVALID_PROPERTY_TYPE",
            [...path, k],
            `Expected case '${k}' to be an array of components.`,
          );
      }
      return;
    case "data-source":
      return checkDataSource(ctx, info, value, path);
    case "list-items":
      return checkListItems(ctx, info, value, path);
    case "images":
      if (dyn(value)) return;
      if (!Array.isArray(value)) return typeErr("array");
      if (value.length === 0)
        report.error("C15", "MIN_ITEMS_REQUIRED", path, "Property 'images' should have at least '1' items.");
      value.forEach((img, i) =>
        checkClosed(ctx, img, [...path, i], "image", { src: true, "alt-text": true }),
      );
      return;
    case "object":
      if (!isObj(value) && !dyn(value)) return typeErr("object");
      return;
    case "string-or-object":
      if (typeof value === "string" || typeof value === "boolean" || isObj(value)) return;
      return typeErr("string or object");
    case "condition":
      if (typeof value === "string" || (v6 && typeof value === "boolean")) return;
      return typeErr(v6 ? "string or boolean" : "string");
    case "any":
      return;
  }
}

/** Closed object with required (true) / optional (false) string properties. */
function checkClosed(
  ctx: Ctx,
  v: unknown,
  path: JsonPath,
  what: string,
  props: Record<string, boolean>,
): v is Obj {
  if (!isObj(v)) {
    ctx.report.error(
      "C3",
      "INVALID_PROPERTY_TYPE",
      path,
      `Expected ${what} to be of type 'object' but found '${typeName(v)}'.`,
    );
    return false;
  }
  for (const k in v)
    if (!(k in props))
      ctx.report.error(
        "C1",
        "INVALID_PROPERTY_KEY",
        [...path, k],
        `Property '${k}' is not allowed in ${what}; allowed are ${Object.keys(props).join(", ")}.`,
        "key",
      );
  for (const k in props)
    if (props[k] && v[k] === undefined)
      ctx.report.error(
        "C2",
        "MISSING_REQUIRED_PROPERTY",
        path,
        `Required property '${k}' is missing in ${what}.`,
      );
  return true;
}

function checkDataSource(ctx: Ctx, info: ComponentInfo, value: unknown, path: JsonPath): void {
  const { version } = ctx;
  if (typeof value === "string" && isDynamicFor(value, version)) return;
  if (!Array.isArray(value)) {
    ctx.report.error(
      "C3",
      typeof value === "string" ? "PATTERN_MISMATCH" : "INVALID_PROPERTY_TYPE",
      path,
      "Property 'data-source' should be an array of items or have dynamic data format of the form ${data.your_value}.",
    );
    return;
  }
  if (value.length === 0)
    ctx.report.error(
      "C3",
      "MIN_ITEMS_REQUIRED",
      path,
      "Property 'data-source' should have at least '1' items.",
    );
  const props = itemProps(info.type === "ChipsSelector", version);
  const what = `a '${info.type}' data-source item`;
  const at = path.slice();
  for (let i = 0; i < value.length; i++) {
    const item: unknown = value[i];
    at.push(i);
    if (checkClosed(ctx, item, at, what, props)) {
      for (const k of ITEM_STRINGS)
        if (item[k] !== undefined && typeof item[k] !== "string")
          ctx.report.error(
            "C3",
            "INVALID_PROPERTY_TYPE",
            [...at, k],
            `Expected property '${k}' to be of type 'string' but found '${typeName(item[k])}'.`,
          );
      if (typeof item.color === "string" && !COLOR.test(item.color))
        ctx.report.error(
          "C3",
          "PATTERN_MISMATCH",
          [...at, "color"],
          "Property 'color' should be a 6-digit hex colour such as '#1A2B3C'.",
        );
      if (item["on-select-action"] !== undefined && props["on-select-action"] !== undefined)
        checkAction(
          ctx,
          info,
          "on-select-action",
          item["on-select-action"],
          [...at, "on-select-action"],
          true,
        );
      if (item["on-unselect-action"] !== undefined && props["on-unselect-action"] !== undefined)
        checkAction(
          ctx,
          info,
          "on-unselect-action",
          item["on-unselect-action"],
          [...at, "on-unselect-action"],
          true,
        );
    }
    at.pop();
  }
}

const ITEM_STRINGS = ["id", "title", "description", "metadata", "image", "alt-text"] as const;
const itemPropsCache = new Map<string, Record<string, boolean>>();
/** data-source item keys (true = required) by component kind and version (§7.3). */
function itemProps(chips: boolean, version: string): Record<string, boolean> {
  const k = `${chips}@${version}`;
  let props = itemPropsCache.get(k);
  if (!props) {
    props = { id: true, title: true, enabled: false };
    if (!chips) Object.assign(props, { description: false, metadata: false });
    if (!chips && atLeast(version, "5.0"))
      Object.assign(props, { image: false, "alt-text": false, color: false });
    if (atLeast(version, "6.0"))
      Object.assign(props, { "on-select-action": false, "on-unselect-action": false });
    itemPropsCache.set(k, props);
  }
  return props;
}

function checkListItems(ctx: Ctx, info: ComponentInfo, value: unknown, path: JsonPath): void {
  if (typeof value === "string" && isDynamicFor(value, ctx.version)) return;
  if (!Array.isArray(value)) {
    ctx.report.error(
      "C3",
      "INVALID_PROPERTY_TYPE",
      path,
      "Property 'list-items' should be an array of items or a ${data.…} binding.",
    );
    return;
  }
  if (value.length === 0)
    ctx.report.error(
      "C14",
      "MIN_ITEMS_REQUIRED",
      path,
      "Property 'list-items' should have at least '1' items.",
    );
  value.forEach((item, i) => {
    const p = [...path, i];
    if (
      !checkClosed(ctx, item, p, "a NavigationList item", {
        id: true,
        "main-content": true,
        start: false,
        end: false,
        badge: false,
        tags: false,
        "on-click-action": false,
        enabled: false,
      })
    )
      return;
    if (item["main-content"] !== undefined)
      checkClosed(ctx, item["main-content"], [...p, "main-content"], "'main-content'", {
        title: true,
        description: false,
        metadata: false,
      });
    if (item.start !== undefined)
      checkClosed(ctx, item.start, [...p, "start"], "'start'", { image: true, "alt-text": false });
    if (item.end !== undefined)
      checkClosed(ctx, item.end, [...p, "end"], "'end'", {
        title: false,
        description: false,
        metadata: false,
      });
    if (
      item.tags !== undefined &&
      (!Array.isArray(item.tags) || item.tags.length === 0 || item.tags.length > 3)
    )
      ctx.report.error(
        "C14",
        Array.isArray(item.tags) && item.tags.length > 3 ? "MAX_ITEMS_REQUIRED" : "MIN_ITEMS_REQUIRED",
        [...p, "tags"],
        "Property 'tags' should have between '1' and '3' items.",
      );
    if (item["on-click-action"] !== undefined)
      checkAction(ctx, info, "on-click-action", item["on-click-action"], [...p, "on-click-action"], false);
  });
}

function checkAction(
  ctx: Ctx,
  info: ComponentInfo,
  event: string,
  a: unknown,
  path: JsonPath,
  onItem: boolean,
): void {
  const { report, version } = ctx;
  if (!isObj(a)) {
    report.error(
      "A2",
      "INVALID_PROPERTY_TYPE",
      path,
      `Expected property '${event}' to be of type 'object' but found '${typeName(a)}'.`,
    );
    return;
  }
  const click = event === "on-click-action";
  const keys = click
    ? ["name", "next", "payload", ...(atLeast(version, "6.0") ? ["url"] : [])]
    : ["name", "payload"];
  for (const k of Object.keys(a))
    if (!keys.includes(k))
      report.error(
        "A2",
        "INVALID_PROPERTY_KEY",
        [...path, k],
        `Property '${k}' is not allowed in '${event}'; allowed are ${keys.join(", ")}.`,
        "key",
      );
  if (a.name === undefined) {
    report.error(
      "A2",
      "MISSING_REQUIRED_PROPERTY",
      path,
      `Required property 'name' is missing in '${event}'.`,
    );
    return;
  }
  const allowed = allowedActions(info.type, event, version, atLeast, onItem);
  if (typeof a.name !== "string" || !allowed.includes(a.name)) {
    report.error(
      "A1",
      "INVALID_ENUM_VALUE",
      [...path, "name"],
      `Value should be one of: [${allowed.join(", ")}].`,
    );
    return;
  }
  if (!click && a.payload === undefined)
    report.error(
      "A2",
      "MISSING_REQUIRED_PROPERTY",
      path,
      `Required property 'payload' is missing in '${event}'.`,
    );
  if (a.payload !== undefined && !isObj(a.payload))
    report.error(
      "A2",
      "INVALID_PROPERTY_TYPE",
      [...path, "payload"],
      `Expected property 'payload' to be of type 'object' but found '${typeName(a.payload)}'.`,
    );
  if (!click) return;
  if (a.name === "navigate") {
    if (a.next === undefined)
      report.error(
        "A2",
        "MISSING_REQUIRED_PROPERTY",
        path,
        "Required property 'next' is missing; a navigate action needs next: {type: 'screen', name: '<SCREEN_ID>'}.",
      );
    else if (checkClosed(ctx, a.next, [...path, "next"], "'next'", { type: true, name: true })) {
      if (a.next.type !== undefined && a.next.type !== "screen")
        report.error(
          "A2",
          "INVALID_ENUM_VALUE",
          [...path, "next", "type"],
          "Value should be one of: [screen].",
        );
      if (a.next.name !== undefined && typeof a.next.name !== "string")
        report.error(
          "A2",
          "INVALID_PROPERTY_TYPE",
          [...path, "next", "name"],
          `Expected property 'name' to be of type 'string' but found '${typeName(a.next.name)}'.`,
        );
    }
  } else if (a.next !== undefined)
    report.error(
      "A2",
      "NOT_KEYWORD_SCHEMA_VALIDATION_FAILED",
      [...path, "next"],
      `Property 'next' cannot be specified at on-click-action '${a.name}'.`,
      "key",
    );
  if (a.name === "open_url") {
    if (a.url === undefined)
      report.error(
        "A2",
        "MISSING_REQUIRED_PROPERTY",
        path,
        "Required property 'url' is missing; an open_url action needs a URL.",
      );
    else if (
      typeof a.url !== "string" ||
      !(/^[a-z][a-z0-9+.-]*:\S+$/i.test(a.url) || isDynamicFor(a.url, version))
    )
      report.error(
        "A2",
        "INVALID_PROPERTY_VALUE_FORMAT",
        [...path, "url"],
        "Property 'url' should be in 'uri' format.",
      );
    if (a.payload !== undefined)
      report.error(
        "A2",
        "NOT_KEYWORD_SCHEMA_VALIDATION_FAILED",
        [...path, "payload"],
        "Property 'payload' cannot be specified at on-click-action 'open_url'.",
        "key",
      );
  } else if (a.url !== undefined)
    report.error(
      "A2",
      "NOT_KEYWORD_SCHEMA_VALIDATION_FAILED",
      [...path, "url"],
      `Property 'url' cannot be specified at on-click-action '${a.name}'.`,
      "key",
    );
}
