import type { JsonPath } from "../../json/path";
import {
  isInput,
  isObj,
  type ComponentInfo,
  type ValidationContext,
  type Obj,
  type ScreenInfo,
} from "../context";
import { isDynamicString } from "./dynamic-string";

// C17: Form init-values / error-messages: no pickers in init-values; from 7.0 keys and value types are checked.

const PICKER_TYPES = new Set(["PhotoPicker", "DocumentPicker"]);

/** The JSON type a component's value has in Form init-values (§8.21); null = not settable there. */
function initValueType(target: ComponentInfo): string | null {
  switch (target.type) {
    case "CheckboxGroup":
    case "ChipsSelector":
      return "array";
    case "OptIn":
      return "boolean";
    case "CalendarPicker":
      return target.node.mode === "range" ? "object" : "string";
    case "TextInput":
    case "TextArea":
    case "RadioButtonsGroup":
    case "Dropdown":
    case "DatePicker":
      return "string";
    default:
      return null;
  }
}

/** The types an error message for the target may have: pickers and date ranges take an object too. */
function errorMessageTypes(target: ComponentInfo): string[] {
  const isRange = target.type === "CalendarPicker" && target.node.mode === "range";
  return PICKER_TYPES.has(target.type) || isRange ? ["string", "object"] : ["string"];
}

function jsonType(value: unknown): string {
  if (Array.isArray(value)) return "array";
  return value === null ? "null" : typeof value;
}

export function checkFormValues(
  context: ValidationContext,
  screen: ScreenInfo,
  form: Obj,
  path: JsonPath,
): void {
  const { report } = context;
  const typesChecked = context.at("7.0");
  for (const property of ["init-values", "error-messages"] as const) {
    const values = form[property];
    if (!isObj(values)) continue;
    for (const name in values) {
      const target = screen.names.get(name);
      const value = values[name];
      if (property === "init-values" && target && PICKER_TYPES.has(target.type)) {
        report.error(
          "C17",
          "NATIVE_COMPONENT_IN_FORM_INIT_VALUES",
          [...path, property, name],
          `Property 'init-values' should not contain value for components: [PhotoPicker, DocumentPicker]; remove '${name}' (a picker cannot be pre-filled).`,
          "key",
        );
        continue;
      }
      if (!typesChecked) continue;
      if (!target || target.type === "Form" || !isInput(target)) {
        report.error(
          "C17",
          "INVALID_PROPERTY_VALUE",
          [...path, property, name],
          `The property '${name}' is declared but not used in the ${property}: no input component named '${name}' is on screen '${screen.id}'.`,
          "key",
        );
        continue;
      }
      if (isDynamicString(value)) continue;
      const wanted =
        property === "init-values" ? [initValueType(target) ?? "string"] : errorMessageTypes(target);
      const actual = jsonType(value);
      const wantsStringArray = wanted[0] === "array";
      const isStringArray =
        wantsStringArray && Array.isArray(value) && value.every((item) => typeof item === "string");
      if (!wanted.includes(actual) || (wantsStringArray && !isStringArray)) {
        report.error(
          "C17",
          "INVALID_TYPE",
          [...path, property, name],
          `The value of property '${name}' of component '${target.type}' must be of type '${wantsStringArray ? "array of strings" : wanted.join("' or '")}', but found '${actual}'.`,
        );
      }
    }
  }
}
