import type { JsonPath } from "../../json/path";
import { atLeast } from "../../versions";
import type { PropSpec } from "../component-specs";
import { isObj, type ComponentInfo, type ValidationContext, type Reporter } from "../context";
import { checkActionSchema } from "./action-schema";
import { checkDataSource, checkListItems } from "./list-schema";
import { checkClosedObject, isDynamicFor, NON_BLANK, typeName } from "./schema-helpers";

// The value of one component property against its PropSpec kind (§8): C3 types, C4 blank texts, C7/C8 ranges,
// C8 enum arrays, C15 images, E1 dynamic formats, P11 empty If branches, P12 Switch cases, P16 names.
// No closures here: this runs for every property of every component.

const CASE_KEY = /^[a-zA-Z][a-zA-Z0-9-_]*$/;
const IMAGE_PROPERTIES = { src: true, "alt-text": true };

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
function isAcceptedDynamic(value: unknown, spec: PropSpec, version: string): boolean {
  return typeof value === "string" && spec.dynamic === true && isDynamicFor(value, version);
}

export function checkPropertyValue(
  context: ValidationContext,
  component: ComponentInfo,
  key: string,
  value: unknown,
  spec: PropSpec,
  path: JsonPath,
): void {
  const { report, version } = context;
  switch (spec.kind) {
    case "string":
      return checkStringValue(report, version, key, value, path);
    case "boolean":
    case "number":
    case "integer":
      return checkScalarValue(report, version, key, value, spec, path);
    case "enum":
      if (typeof value === "string" && spec.values?.includes(value)) return;
      if (isAcceptedDynamic(value, spec, version)) return;
      report.error("C3", "INVALID_ENUM_VALUE", path, `Value should be one of: [${spec.values?.join(", ")}].`);
      return;
    case "enum-array":
      return checkEnumArray(report, version, key, value, spec, path);
    case "string-array":
      if (isAcceptedDynamic(value, spec, version)) return;
      if (!Array.isArray(value) || value.some((item) => typeof item !== "string")) {
        reportWrongType(report, path, key, "array of strings", value);
      }
      return;
    case "text":
      return checkTextValue(report, version, component, key, value, path);
    case "action":
      return checkActionSchema(context, component, key, value, path, false);
    case "components":
      if (!Array.isArray(value)) return reportWrongType(report, path, key, "array", value);
      if (key === "then" && value.length === 0) {
        report.error(
          "P11",
          "INVALID_PROPERTY_VALUE",
          path,
          "Expected array to contain at least one component.",
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
      return checkImages(report, version, key, value, spec, path);
    case "object":
      if (!isObj(value) && !isAcceptedDynamic(value, spec, version)) {
        reportWrongType(report, path, key, "object", value);
      }
      return;
    case "string-or-object":
      if (typeof value === "string" || typeof value === "boolean" || isObj(value)) return;
      return reportWrongType(report, path, key, "string or object", value);
    case "condition": {
      const booleanAllowed = atLeast(version, "6.0");
      if (typeof value === "string" || (booleanAllowed && typeof value === "boolean")) return;
      return reportWrongType(report, path, key, booleanAllowed ? "string or boolean" : "string", value);
    }
    case "any":
      return;
  }
}

/** C3, C4, P16: plain strings; from 6.0 not blank, and a component 'name' must be static and non-empty. */
function checkStringValue(
  report: Reporter,
  version: string,
  key: string,
  value: unknown,
  path: JsonPath,
): void {
  if (typeof value !== "string") return reportWrongType(report, path, key, "string", value);
  const from6 = atLeast(version, "6.0");
  if (from6 && !NON_BLANK.test(value)) {
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
  report: Reporter,
  version: string,
  key: string,
  value: unknown,
  spec: PropSpec,
  path: JsonPath,
): void {
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
    if (isAcceptedDynamic(value, spec, version)) return;
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
  report: Reporter,
  version: string,
  key: string,
  value: unknown,
  spec: PropSpec,
  path: JsonPath,
): void {
  if (isAcceptedDynamic(value, spec, version)) return;
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
        `Value should be one of: [${spec.values?.join(", ")}].`,
      );
    }
  }
}

/** C3, C4: display texts; arrays of strings in RichText, and everywhere from 5.1. */
function checkTextValue(
  report: Reporter,
  version: string,
  component: ComponentInfo,
  key: string,
  value: unknown,
  path: JsonPath,
): void {
  if (typeof value === "string") {
    if (atLeast(version, "6.0") && !NON_BLANK.test(value)) {
      report.error(
        "C4",
        "PATTERN_MISMATCH",
        path,
        `Property '${key}' should not be blank or an empty string.`,
      );
    }
    return;
  }
  const arrayAllowed = component.type === "RichText" || atLeast(version, "5.1");
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
      "The 'cases' property of a Switch component cannot be empty.",
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
  report: Reporter,
  version: string,
  key: string,
  value: unknown,
  spec: PropSpec,
  path: JsonPath,
): void {
  if (isAcceptedDynamic(value, spec, version)) return;
  if (!Array.isArray(value)) return reportWrongType(report, path, key, "array", value);
  if (value.length === 0) {
    report.error("C15", "MIN_ITEMS_REQUIRED", path, "Property 'images' should have at least '1' items.");
  }
  for (let index = 0; index < value.length; index++) {
    checkClosedObject(report, value[index], [...path, index], "image", IMAGE_PROPERTIES);
  }
}
