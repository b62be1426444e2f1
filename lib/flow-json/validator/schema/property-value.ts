import { childPath, type JsonPath } from "../../json/path";
import type { ComponentSpec, PropSpec } from "../component-specs";
import { isObj, type ComponentInfo, type ValidationContext, type Reporter } from "../context";
import { checkActionSchema } from "./action-schema";
import { checkDataSource, checkListItems } from "./list-schema";
import { checkClosedObject, isDynamicFor, objectShape, typeName } from "./schema-helpers";

// The properties of one component: known keys (C1, P4), and each value against its PropSpec kind (§8): C3 types,
// C4 blank texts, C7/C8 ranges, C8 enum arrays, C15 images, E1 dynamic formats, P11 empty If branches, P12 Switch
// cases, P16 names. No closures here: this runs for every property of every component, and the helpers it
// calls per value live in this module (a call into another module costs more where modules are linked at run
// time, as under tsx).

const CASE_KEY = /^[a-zA-Z][a-zA-Z0-9-_]*$/;
const IMAGE_SHAPE = objectShape({ src: true, "alt-text": true });

/** Meta's "not blank" pattern for titles and texts (6.0+ for component texts). */
const NON_BLANK = /^(\r?\n?)*(?!\s*$).+(\r?\n?)*/;

/**
 * Whether a text passes Meta's "not blank" pattern. A text that starts with a visible ASCII character always
 * does, so the pattern only runs for the rare others (it is checked for every text of every component).
 */
export function isNotBlank(text: string): boolean {
  const first = text.charCodeAt(0);
  return (first > 32 && first < 127) || NON_BLANK.test(text);
}

/** The properties a component of this spec may have in this version (for messages). */
function availableProperties(context: ValidationContext, spec: ComponentSpec): string[] {
  return Object.keys(spec.props).filter((key) => {
    const since = spec.props[key]!.since;
    return since === undefined || context.at(since);
  });
}

/** C1, P4: every key is a known property of the type in this version and container; then its value. */
export function checkProperties(
  context: ValidationContext,
  component: ComponentInfo,
  spec: ComponentSpec,
): void {
  const { report } = context;
  const { node, path, type } = component;
  // One path for all properties of the component, whose last segment is set to each key in turn (the Reporter
  // copies it only on a finding). Setting a slot, unlike push and pop, never grows the array.
  const propertyPath = childPath(path, "type");
  for (const key in node) {
    if (key === "type") continue;
    const propertySpec = spec.props[key];
    if (!propertySpec) {
      report.error(
        "C1",
        "INVALID_PROPERTY_KEY",
        [...path, key],
        `Property '${key}' is not allowed in '${type}' component; allowed are ${availableProperties(context, spec).join(", ")}.`,
        "key",
      );
      continue;
    }
    if (propertySpec.since && !context.at(propertySpec.since)) {
      report.error(
        "C1",
        "INVALID_PROPERTY_KEY",
        [...path, key],
        `Property '${key}' is not allowed in '${type}' component before Flow JSON version ${propertySpec.since}.`,
        "key",
      );
      continue;
    }
    if (propertySpec.outsideFormOnly && component.inForm) {
      report.error(
        "P4",
        "INVALID_PROPERTY_KEY",
        [...path, key],
        `Property '${key}' is not allowed in '${type}' component inside a Form; use the Form's '${key === "init-value" ? "init-values" : "error-messages"}' instead.`,
        "key",
      );
      continue;
    }
    if (propertySpec.outsideFormOnly && !context.at("4.0")) {
      report.error(
        "P4",
        "INVALID_PROPERTY_KEY",
        [...path, key],
        `Property '${key}' is not allowed in '${type}' component before Flow JSON version 4.0.`,
        "key",
      );
      continue;
    }
    propertyPath[path.length] = key;
    checkPropertyValue(context, component, key, node[key], propertySpec, propertyPath);
  }
}

function reportWrongType(
  report: Reporter,
  path: JsonPath,
  key: string,
  expected: string,
  value: unknown,
): void {
  report.error(
    "C3",
    "INVALID_PROPERTY_TYPE",
    path,
    `Expected property '${key}' to be of type '${expected}' but found '${typeName(value)}'.`,
  );
}

/** A binding or expression where the property accepts one. */
function isAcceptedDynamic(value: unknown, spec: PropSpec, context: ValidationContext): boolean {
  return typeof value === "string" && spec.dynamic === true && isDynamicFor(value, context);
}

function checkPropertyValue(
  context: ValidationContext,
  component: ComponentInfo,
  key: string,
  value: unknown,
  spec: PropSpec,
  path: JsonPath,
): void {
  const { report } = context;
  switch (spec.kind) {
    case "string":
      return checkStringValue(context, key, value, path);
    case "boolean":
    case "number":
    case "integer":
      return checkScalarValue(context, key, value, spec, path);
    case "enum":
      if (typeof value === "string" && spec.values?.includes(value)) return;
      if (isAcceptedDynamic(value, spec, context)) return;
      report.error(
        "C3",
        "INVALID_ENUM_VALUE",
        path,
        `Property '${key}' must be one of: [${spec.values?.join(", ")}], not ${JSON.stringify(value)}.`,
      );
      return;
    case "enum-array":
      return checkEnumArray(context, key, value, spec, path);
    case "string-array":
      if (isAcceptedDynamic(value, spec, context)) return;
      if (!Array.isArray(value) || value.some((item) => typeof item !== "string")) {
        reportWrongType(report, path, key, "array of strings", value);
      }
      return;
    case "text":
      return checkTextValue(context, component, key, value, path);
    case "action":
      return checkActionSchema(context, component, key, value, path, false);
    case "components":
      if (!Array.isArray(value)) return reportWrongType(report, path, key, "array", value);
      if (key === "then" && value.length === 0) {
        report.error(
          "P11",
          "INVALID_PROPERTY_VALUE",
          path,
          "Expected the 'then' branch of the If to contain at least one component; add one.",
        );
      }
      return;
    case "cases":
      return checkSwitchCases(report, key, value, path);
    case "data-source":
      return checkDataSource(context, component, value, path);
    case "list-items":
      return checkListItems(context, component, value, path);
    case "images":
      return checkImages(context, key, value, spec, path);
    case "object":
      if (!isObj(value) && !isAcceptedDynamic(value, spec, context)) {
        reportWrongType(report, path, key, "object", value);
      }
      return;
    case "string-or-object":
      if (typeof value === "string" || typeof value === "boolean" || isObj(value)) return;
      return reportWrongType(report, path, key, "string or object", value);
    case "condition": {
      const booleanAllowed = context.at("6.0");
      if (typeof value === "string" || (booleanAllowed && typeof value === "boolean")) return;
      return reportWrongType(report, path, key, booleanAllowed ? "string or boolean" : "string", value);
    }
    case "any":
      return;
  }
}

/** C3, C4, P16: plain strings; from 6.0 not blank, and a component 'name' must be static and non-empty. */
function checkStringValue(context: ValidationContext, key: string, value: unknown, path: JsonPath): void {
  const { report } = context;
  if (typeof value !== "string") return reportWrongType(report, path, key, "string", value);
  const from6 = context.at("6.0");
  if (from6 && !isNotBlank(value)) {
    report.error("C4", "PATTERN_MISMATCH", path, `Property '${key}' should not be blank or an empty string.`);
    return;
  }
  if (key !== "name") return;
  if (from6) {
    if (value.includes("${")) {
      report.error(
        "P16",
        "PATTERN_MISMATCH",
        path,
        `Property 'name' should not be dynamic data format; use a static name such as 'first_name'.`,
      );
    } else if (value.includes("`")) {
      report.error(
        "P16",
        "PATTERN_MISMATCH",
        path,
        "Property 'name' should not be enclosed in backticks; use a static name such as 'first_name'.",
      );
    }
  }
  if (value.length === 0) {
    report.error("P16", "MIN_CHARS_REQUIRED", path, "Property 'name' should have at least '1' characters.");
  }
}

/** C3, C7, C8, E1: booleans and numbers, their minimum/maximum, or a binding where one is accepted. */
function checkScalarValue(
  context: ValidationContext,
  key: string,
  value: unknown,
  spec: PropSpec,
  path: JsonPath,
): void {
  const { report } = context;
  const hasKind =
    spec.kind === "boolean"
      ? typeof value === "boolean"
      : spec.kind === "number"
        ? typeof value === "number"
        : Number.isInteger(value);
  if (hasKind) {
    const number = value as number;
    if (spec.minimum !== undefined && number < spec.minimum) {
      report.error(
        "C7",
        "MINIMUM_VALUE_REQUIRED",
        path,
        `The minimum value allowed for property '${key}' is ${spec.minimum}.`,
      );
    }
    if (spec.maximum !== undefined && number > spec.maximum) {
      report.error(
        "C8",
        "MAXIMUM_VALUE_REQUIRED",
        path,
        `The maximum value allowed for property '${key}' is ${spec.maximum}.`,
      );
    }
    return;
  }
  if (typeof value === "string" && spec.dynamic) {
    if (isAcceptedDynamic(value, spec, context)) return;
    report.error(
      "E1",
      "PATTERN_MISMATCH",
      path,
      `Property '${key}' should be of type '${spec.kind}' or have dynamic data format of the form \${screen.data.your_value} or \${data.your_value}.`,
    );
    return;
  }
  reportWrongType(report, path, key, spec.kind, value);
}

/** C3, C8: a non-empty array of allowed values. */
function checkEnumArray(
  context: ValidationContext,
  key: string,
  value: unknown,
  spec: PropSpec,
  path: JsonPath,
): void {
  const { report } = context;
  if (isAcceptedDynamic(value, spec, context)) return;
  if (!Array.isArray(value)) return reportWrongType(report, path, key, "array", value);
  if (value.length === 0) {
    report.error("C3", "MIN_ITEMS_REQUIRED", path, `Property '${key}' should have at least '1' items.`);
    return;
  }
  for (let index = 0; index < value.length; index++) {
    const item: unknown = value[index];
    if (typeof item !== "string" || !spec.values?.includes(item)) {
      report.error(
        "C8",
        "INVALID_ENUM_VALUE",
        [...path, index],
        `Every item of '${key}' must be one of: [${spec.values?.join(", ")}], not ${JSON.stringify(item)}.`,
      );
    }
  }
}

/** C3, C4: display texts; arrays of strings in RichText, and everywhere from 5.1. */
function checkTextValue(
  context: ValidationContext,
  component: ComponentInfo,
  key: string,
  value: unknown,
  path: JsonPath,
): void {
  const { report } = context;
  if (typeof value === "string") {
    if (context.at("6.0") && !isNotBlank(value)) {
      report.error(
        "C4",
        "PATTERN_MISMATCH",
        path,
        `Property '${key}' should not be blank or an empty string.`,
      );
    }
    return;
  }
  const arrayAllowed = component.type === "RichText" || context.at("5.1");
  if (!Array.isArray(value) || !arrayAllowed) {
    return reportWrongType(report, path, key, arrayAllowed ? "string or array of strings" : "string", value);
  }
  for (let index = 0; index < value.length; index++) {
    const item: unknown = value[index];
    if (typeof item !== "string") {
      report.error(
        "C3",
        "INVALID_PROPERTY_TYPE",
        [...path, index],
        `Expected every item of '${key}' to be of type 'string' but found '${typeName(item)}'.`,
      );
    }
  }
}

/** P12: Switch 'cases' is a non-empty object of component arrays with letter-first keys. */
function checkSwitchCases(report: Reporter, key: string, value: unknown, path: JsonPath): void {
  if (!isObj(value)) return reportWrongType(report, path, key, "object", value);
  if (Object.keys(value).length === 0) {
    report.error(
      "P12",
      "EMPTY_SWITCH_CASES",
      path,
      "The 'cases' property of a Switch component cannot be empty; add at least one case.",
    );
    return;
  }
  for (const caseKey in value) {
    if (!CASE_KEY.test(caseKey)) {
      report.error(
        "P12",
        "PATTERN_MISMATCH",
        [...path, caseKey],
        `Property '${caseKey}' should match the pattern '^[a-zA-Z][a-zA-Z0-9-_]*$' (case keys start with a letter).`,
        "key",
      );
    }
    if (!Array.isArray(value[caseKey])) {
      report.error(
        "P12",
        "INVALID_PROPERTY_TYPE",
        [...path, caseKey],
        `Expected case '${caseKey}' to be an array of components.`,
      );
    }
  }
}

/** C15: ImageCarousel 'images' is a binding or a non-empty array of {src, alt-text}. */
function checkImages(
  context: ValidationContext,
  key: string,
  value: unknown,
  spec: PropSpec,
  path: JsonPath,
): void {
  const { report } = context;
  if (isAcceptedDynamic(value, spec, context)) return;
  if (!Array.isArray(value)) return reportWrongType(report, path, key, "array", value);
  if (value.length === 0) {
    report.error("C15", "MIN_ITEMS_REQUIRED", path, "Property 'images' should have at least '1' items.");
  }
  for (let index = 0; index < value.length; index++) {
    checkClosedObject(report, value[index], [...path, index], "image", IMAGE_SHAPE);
  }
}
