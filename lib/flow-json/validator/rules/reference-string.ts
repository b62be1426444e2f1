import type { JsonPath } from "../../json/path";
import { isBacktickExpression, parseSharedBinding } from "../../expressions/binding";
import type { ValidationContext, ScreenInfo } from "../context";
import { checkBinding, PROPERTY_CODE } from "./binding-check";
import { checkExpression } from "./expression-check";
import type { ValueType } from "./value-types";

// One string value that may reference data (D5, E1, E3, E5): a binding, an expression, or interpolation.

/**
 * A string that may reference data: a whole-string binding (D5 type match, E1 form values before 4.0), a 6.0+
 * backtick expression (E3), or interpolation, which Flow JSON does not support (E5). Returns the string's type.
 */
export function checkReferenceString(
  context: ValidationContext,
  screen: ScreenInfo,
  value: string,
  path: JsonPath,
  code: string,
  expected: ValueType,
): ValueType | null {
  const { report } = context;
  if (value.startsWith("${")) {
    const binding = parseSharedBinding(value);
    if (binding) {
      // ≤ 3.1 component properties only take ${data.…} (§7.1, §10.1); ${form.…} is for action payloads there.
      if (
        binding.scope === "form" &&
        binding.screen === undefined &&
        !context.at("4.0") &&
        code === PROPERTY_CODE
      ) {
        report.error(
          "E1",
          "PATTERN_MISMATCH",
          path,
          `Property should have dynamic data format of the form \${data.your_value} in Flow JSON ${context.version}; '${value}' (a form value) can only be used in action payloads before version 4.0.`,
        );
        return null;
      }
      const actual = checkBinding(context, screen, binding, path, code);
      if (actual && actual !== "unknown" && expected !== "unknown" && actual !== expected) {
        report.error(
          "D5",
          PROPERTY_CODE,
          path,
          `Dynamic data '${value}' is declared as '${actual}' but this property needs a '${expected}'; bind a field of type '${expected}'.`,
        );
      }
      return actual;
    }
  }
  if (isBacktickExpression(value) && context.at("6.0")) {
    return checkExpression(context, screen, value.slice(1, -1), path, code, expected, false);
  }
  if (value.includes("${")) {
    report.error(
      "E5",
      "INVALID_TEXT_DYNAMIC_DATA",
      path,
      context.at("6.0")
        ? "String interpolation is not supported: use a whole-string binding such as '${data.name}', or a backtick expression such as \"`'Hello ' ${data.name}`\"."
        : "String interpolation is not supported: the value must be exactly one binding such as '${data.name}'.",
    );
  }
  return "string";
}
