import type { JsonPath } from "../../json/path";
import { isBacktickExpression, parseBinding } from "../../expressions/binding";
import { atLeast } from "../../versions";
import { isObj, type Obj, type Reporter } from "../context";

// Small helpers shared by the schema-stage checks.

/** Meta's "not blank" pattern for titles and texts (6.0+ for component texts). */
export const NON_BLANK = /^(\r?\n?)*(?!\s*$).+(\r?\n?)*/;

/** The JSON type name Meta prints in INVALID_PROPERTY_TYPE messages. */
export function typeName(value: unknown): string {
  if (value === null) return "null";
  return Array.isArray(value) ? "array" : typeof value;
}

/** Whether a string is an accepted dynamic value for a non-string property in this version (§7.1 patterns). */
export function isDynamicFor(value: string, version: string): boolean {
  if (!atLeast(version, "4.0")) return /^\$\{data\..+\}$/.test(value);
  if (atLeast(version, "6.0") && isBacktickExpression(value)) return true;
  return parseBinding(value) !== null;
}

/**
 * C1, C2, C3: an object with a closed set of properties; `properties` maps each allowed key to whether it is
 * required. Returns whether the value is an object (so callers can go on checking its properties).
 */
export function checkClosedObject(
  report: Reporter,
  value: unknown,
  path: JsonPath,
  description: string,
  properties: Record<string, boolean>,
): value is Obj {
  if (!isObj(value)) {
    report.error(
      "C3",
      "INVALID_PROPERTY_TYPE",
      path,
      `Expected ${description} to be of type 'object' but found '${typeName(value)}'.`,
    );
    return false;
  }
  for (const key in value) {
    if (!(key in properties)) {
      report.error(
        "C1",
        "INVALID_PROPERTY_KEY",
        [...path, key],
        `Property '${key}' is not allowed in ${description}; allowed are ${Object.keys(properties).join(", ")}.`,
        "key",
      );
    }
  }
  for (const key in properties) {
    if (properties[key] && value[key] === undefined) {
      report.error(
        "C2",
        "MISSING_REQUIRED_PROPERTY",
        path,
        `Required property '${key}' is missing in ${description}.`,
      );
    }
  }
  return true;
}
