import type { JsonPath } from "../../json/path";
import { formatBinding, type Binding } from "../../expressions/binding";
import { isInput, type ValidationContext, type ScreenInfo } from "../context";
import { dataFieldType, formValueType, type ValueType } from "./value-types";

// One "${…}" binding: D5 (data fields), A6 (form values), E1/E2 (global references to other screens).

/** The error code component properties use; action payloads pass INVALID_ON_CLICK_ACTION_PAYLOAD. */
export const PROPERTY_CODE = "INVALID_SCREEN_DYNAMIC_DATA";

/** Checks one binding on `screen`; returns its type, or null when it is invalid and already reported. */
export function checkBinding(
  context: ValidationContext,
  screen: ScreenInfo,
  binding: Binding,
  path: JsonPath,
  code: string,
): ValueType | null {
  if (binding.screen !== undefined) return checkGlobalBinding(context, screen, binding, path);
  const { report } = context;
  const field = binding.path[0]!;
  if (binding.scope === "data") {
    // D5: ${data.x} needs x in this screen's data model.
    const declared = dataFieldType(screen.data, binding.path);
    if (declared === null) {
      report.error(
        "D5",
        code,
        path,
        `Missing dynamic data '${formatBinding(binding)}' in the screen data model; declare '${field}' in the 'data' of screen '${screen.id}'.`,
      );
    }
    return declared;
  }
  // A6: ${form.x} needs an input component named x on this screen.
  const component = screen.names.get(field);
  if (!component || component.type === "Form" || !isInput(component)) {
    report.error(
      "A6",
      code === PROPERTY_CODE ? PROPERTY_CODE : "INVALID_ON_CLICK_ACTION_PAYLOAD",
      path,
      component?.type === "Form"
        ? `Value of 'Form' component cannot be used in form binding; reference an input component such as '\${form.<input name>}'.`
        : `Missing Form component ${formatBinding(binding)} for screen '${screen.id}'; reference the name of an input component on this screen.`,
    );
    return null;
  }
  return formValueType(screen, field);
}

/** E1, E2: ${screen.S.data.x} / ${screen.S.form.x} (4.0+) must name another screen and what it declares. */
function checkGlobalBinding(
  context: ValidationContext,
  screen: ScreenInfo,
  binding: Binding,
  path: JsonPath,
): ValueType | null {
  const { report } = context;
  const raw = formatBinding(binding);
  if (!context.at("4.0")) {
    report.error(
      "E1",
      "PATTERN_MISMATCH",
      path,
      `Global dynamic data '${raw}' needs Flow JSON 4.0 or later; use \${data.your_value} instead.`,
    );
    return null;
  }
  const target = context.screenById.get(binding.screen!);
  if (!target) {
    report.error(
      "E2",
      PROPERTY_CODE,
      path,
      `The screen id '${binding.screen}' referenced in the dynamic binding expression '${raw}' does not exist; reference one of the Flow's screen ids.`,
    );
    return null;
  }
  if (target === screen) {
    report.error(
      "E2",
      PROPERTY_CODE,
      path,
      `Global dynamic data '${raw}' refers to its own screen '${screen.id}'; use the local form \${${binding.scope}.<property>} instead.`,
    );
    return null;
  }
  if (binding.scope === "data") {
    const declared = dataFieldType(target.data, binding.path);
    if (declared === null) {
      report.error(
        "E2",
        PROPERTY_CODE,
        path,
        `Global dynamic data '${raw}' used on screen '${screen.id}' does not exist on screen '${binding.screen}'; declare the field in the 'data' of screen '${binding.screen}'.`,
      );
    }
    return declared;
  }
  if (!target.names.has(binding.path[0]!)) {
    report.error(
      "E2",
      PROPERTY_CODE,
      path,
      `Form data '${raw}' used on screen '${screen.id}' does not exist on screen '${binding.screen}'; reference the name of an input component of that screen.`,
    );
    return null;
  }
  return formValueType(target, binding.path[0]!);
}
