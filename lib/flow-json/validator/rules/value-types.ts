import { isObj, type Obj, type ScreenInfo } from "../context";

// The value types the reference checks compare: what a binding, an expression or a payload value holds.

export type ValueType = "string" | "number" | "boolean" | "array" | "object" | "unknown";

/** The type of the value an input component puts in ${form.<name>} (§10.1). */
export function formValueType(screen: ScreenInfo, name: string): ValueType {
  const component = screen.names.get(name);
  if (!component) return "unknown";
  switch (component.type) {
    case "CheckboxGroup":
    case "ChipsSelector":
    case "PhotoPicker":
    case "DocumentPicker":
      return "array";
    case "OptIn":
      return "boolean";
    case "CalendarPicker":
      return component.node.mode === "range" ? "object" : "string";
    case "TextInput":
      return component.node["input-type"] === "number" ? "number" : "string";
    default:
      return "string";
  }
}

/**
 * The declared type of a field path in a screen data model: null when the field is not declared, "unknown"
 * when it cannot be told (below an array, or a nested property without a schema).
 */
export function dataFieldType(model: Obj | undefined, fieldPath: readonly string[]): ValueType | null {
  let schema: unknown = model?.[fieldPath[0]!];
  for (let depth = 1; depth < fieldPath.length; depth++) {
    if (!isObj(schema)) return null;
    if (schema.type === "array") return null;
    schema = isObj(schema.properties) ? schema.properties[fieldPath[depth]!] : undefined;
    if (schema === undefined) return "unknown";
  }
  if (!isObj(schema)) return null;
  const declared = schema.type;
  if (declared === "integer") return "number";
  if (
    declared === "string" ||
    declared === "number" ||
    declared === "boolean" ||
    declared === "array" ||
    declared === "object"
  ) {
    return declared;
  }
  return "unknown";
}

/** The type a property of this kind expects when the whole value is one binding or expression. */
export function expectedTypeOfKind(kind: string | undefined): ValueType {
  if (kind === "boolean") return "boolean";
  if (kind === "number" || kind === "integer") return "number";
  if (kind === "data-source" || kind === "list-items" || kind === "images" || kind === "string-array") {
    return "array";
  }
  return "unknown";
}

/** The type of a literal JSON value in an action payload. */
export function staticValueType(value: unknown): ValueType {
  if (Array.isArray(value)) return "array";
  return value === null ? "unknown" : (typeof value as ValueType);
}
