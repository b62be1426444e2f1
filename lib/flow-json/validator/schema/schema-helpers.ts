import type { JsonPath } from "../../json/path";
import { isBacktickExpression, parseSharedBinding } from "../../expressions/binding";
import { isObj, type Obj, type Reporter, type ValidationContext } from "../context";
import { lookupTable } from "../lookup-table";

// Small helpers shared by the schema-stage checks.

/** The JSON type name Meta prints in INVALID_PROPERTY_TYPE messages. */
export function typeName(value: unknown): string {
  if (value === null) return "null";
  return Array.isArray(value) ? "array" : typeof value;
}

/** Whether a string is an accepted dynamic value for a non-string property in this version (§7.1 patterns). */
export function isDynamicFor(value: string, context: ValidationContext): boolean {
  if (!context.at("4.0")) return /^\$\{data\..+\}$/.test(value);
  if (context.at("6.0") && isBacktickExpression(value)) return true;
  return parseSharedBinding(value) !== null;
}

/** The properties of a closed object: the allowed keys (true for required ones), and the required keys. */
export type ObjectShape = {
  readonly keys: Readonly<Record<string, boolean>>;
  readonly required: readonly string[];
};

/** `keys` maps each allowed key to whether it is required. Shapes are built once, not per checked object. */
export function objectShape(keys: Record<string, boolean>): ObjectShape {
  return { keys: lookupTable(keys), required: Object.keys(keys).filter((key) => keys[key]) };
}

/**
 * C1, C2, C3: an object with a closed set of properties. Returns whether the value is an object (so callers can
 * go on checking its properties).
 */
export function checkClosedObject(
  report: Reporter,
  value: unknown,
  path: JsonPath,
  description: string,
  shape: ObjectShape,
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
    if (shape.keys[key] === undefined) {
      report.error(
        "C1",
        "INVALID_PROPERTY_KEY",
        [...path, key],
        `Property '${key}' is not allowed in ${description}; allowed are ${Object.keys(shape.keys).join(", ")}.`,
        "key",
      );
    }
  }
  for (const key of shape.required) {
    if (value[key] === undefined) {
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
