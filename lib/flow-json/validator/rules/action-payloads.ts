import type { JsonPath } from "../../json/path";
import { isBacktickExpression, parseSharedBinding } from "../../expressions/binding";
import { isObj, type ValidationContext, type Obj, type ScreenInfo } from "../context";
import { checkBinding } from "./binding-check";
import { checkExpression } from "./expression-check";
import { walkReferenceStrings, type ReferenceStringVisitor } from "./string-walk";
import { dataFieldType, staticValueType, type ValueType } from "./value-types";

// Action payloads (§8.x actions, §10): bindings and expressions in payloads (A6, A9), complete only on terminal
// screens (A5), file pickers in payloads (A7), navigate payload vs the next screen's data model (A4) and
// update_data keys vs this screen's data model (A8).

const PAYLOAD_CODE = "INVALID_ON_CLICK_ACTION_PAYLOAD";
const PICKER_TYPES = new Set(["PhotoPicker", "DocumentPicker"]);
const MAX_PAYLOAD_FILES = 10;
const MAX_PAYLOAD_KB = 102400;

export function checkActionPayload(
  context: ValidationContext,
  screen: ScreenInfo,
  action: Obj,
  path: JsonPath,
): void {
  const payload = isObj(action.payload) ? action.payload : undefined;
  const payloadPath = [...path, "payload"];
  const valueTypes = payload ? checkPayloadValues(context, screen, action, payload, payloadPath) : undefined;
  if (action.name === "complete" && !screen.terminal) {
    context.report.error(
      "A5",
      "INVALID_COMPLETE_ACTION",
      [...path, "name"],
      "On-click-action 'complete' can only be configured on a terminal screen; use 'navigate' here or make the screen terminal.",
    );
  }
  if (action.name === "complete" && payload && context.at("4.0")) {
    checkCompletePickers(context, screen, payload, payloadPath);
  }
  if (action.name === "navigate" && isObj(action.next) && typeof action.next.name === "string") {
    const target = context.screenById.get(action.next.name);
    if (target && target !== screen) {
      checkNavigatePayload(context, screen, target, payload, valueTypes, path, payloadPath);
    }
    return;
  }
  if (action.name === "update_data" && payload && valueTypes) {
    checkUpdateDataPayload(context, screen, payload, valueTypes, payloadPath);
  }
}

/** The picker type when `value` is a ${form.x} binding to a PhotoPicker or DocumentPicker, else null. */
function pickerTypeOf(context: ValidationContext, screen: ScreenInfo, value: unknown): string | null {
  const binding = typeof value === "string" ? parseSharedBinding(value) : null;
  if (!binding || binding.scope !== "form") return null;
  const owner = binding.screen !== undefined ? context.screenById.get(binding.screen) : screen;
  const component = owner?.names.get(binding.path[0]!);
  return component && PICKER_TYPES.has(component.type) ? component.type : null;
}

/**
 * A6, A9: checks the bindings and (7.2+ complete / data_exchange) expressions in one payload value, and works out
 * the value's type. One instance serves all values of a payload, so the walk allocates no closure per value.
 */
class PayloadStringChecker implements ReferenceStringVisitor {
  /** The type of the value being walked: its literal type, or that of the binding / expression it is. */
  valueType: ValueType = "unknown";

  constructor(
    private readonly context: ValidationContext,
    private readonly screen: ScreenInfo,
    /** Path length of a top-level payload value: a string at this depth is the whole value. */
    private readonly topLevelDepth: number,
    private readonly expressionsChecked: boolean,
  ) {}

  visit(text: string, stringPath: JsonPath): void {
    const { context, screen } = this;
    const isWholeValue = stringPath.length === this.topLevelDepth;
    const binding = text.startsWith("${") ? parseSharedBinding(text) : null;
    if (binding) {
      const bindingType = checkBinding(context, screen, binding, stringPath, PAYLOAD_CODE);
      if (isWholeValue) this.valueType = bindingType ?? "unknown";
    } else if (isBacktickExpression(text) && context.at("6.0")) {
      if (this.expressionsChecked) {
        const source = text.slice(1, -1);
        const expressionType = checkExpression(
          context,
          screen,
          source,
          stringPath,
          PAYLOAD_CODE,
          "unknown",
          false,
        );
        if (isWholeValue) this.valueType = expressionType ?? "unknown";
      } else if (isWholeValue) {
        this.valueType = "unknown";
      }
    }
  }
}

/** A7: PhotoPicker and DocumentPicker values nested inside a payload value (they must be top-level values). */
class NestedPickerFinder implements ReferenceStringVisitor {
  constructor(
    private readonly context: ValidationContext,
    private readonly screen: ScreenInfo,
    private readonly topLevelDepth: number,
  ) {}

  visit(text: string, stringPath: JsonPath): void {
    if (stringPath.length > this.topLevelDepth && pickerTypeOf(this.context, this.screen, text)) {
      this.context.report.error(
        "A7",
        PAYLOAD_CODE,
        stringPath,
        'The value of a PhotoPicker or DocumentPicker cannot be nested in a complete or data_exchange payload; put it at the top level, such as "photos": "${form.photos}".',
      );
    }
  }
}

/** A6, A9: the bindings and expressions of each payload value; A7: pickers only top-level. Returns the types. */
function checkPayloadValues(
  context: ValidationContext,
  screen: ScreenInfo,
  action: Obj,
  payload: Obj,
  payloadPath: JsonPath,
): Map<string, ValueType> {
  const valueTypes = new Map<string, ValueType>();
  const topLevelDepth = payloadPath.length + 1;
  const expressionsChecked =
    context.at("7.2") && (action.name === "complete" || action.name === "data_exchange");
  const checker = new PayloadStringChecker(context, screen, topLevelDepth, expressionsChecked);
  let nestedPickers: NestedPickerFinder | undefined;
  for (const key in payload) {
    const value = payload[key];
    const valuePath = [...payloadPath, key];
    checker.valueType = staticValueType(value);
    walkReferenceStrings(value, valuePath, checker);
    valueTypes.set(key, checker.valueType);
    // Only objects and arrays hold nested values; navigate payloads are checked for pickers separately.
    if (action.name !== "navigate" && typeof value === "object" && value !== null) {
      nestedPickers ??= new NestedPickerFinder(context, screen, topLevelDepth);
      walkReferenceStrings(value, valuePath, nestedPickers);
    }
  }
  return valueTypes;
}

/** A7: the pickers of a complete payload: one picker only before 5.0, at most 10 files and 100 MB in all. */
function checkCompletePickers(
  context: ValidationContext,
  screen: ScreenInfo,
  payload: Obj,
  payloadPath: JsonPath,
): void {
  let files = 0;
  let kilobytes = 0;
  let pickers = 0;
  for (const key in payload) {
    const value = payload[key];
    const pickerType = pickerTypeOf(context, screen, value);
    if (!pickerType) continue;
    pickers++;
    const picker = screen.names.get(parseSharedBinding(value as string)!.path[0]!)?.node ?? {};
    const maxKey = pickerType === "PhotoPicker" ? "max-uploaded-photos" : "max-uploaded-documents";
    // Meta's defaults when the limits are not set: 30 files of 25 MB.
    const maxFiles = Number(picker[maxKey] ?? 30);
    files += maxFiles;
    kilobytes += maxFiles * Number(picker["max-file-size-kb"] ?? 25600);
  }
  const { report } = context;
  // Before 5.0 a complete payload could carry one picker only (§8.18).
  if (!context.at("5.0") && pickers > 1) {
    report.error(
      "A7",
      PAYLOAD_CODE,
      payloadPath,
      "Complete action payload can contain either a single PhotoPicker or a single DocumentPicker component before Flow JSON 5.0; send one picker, or upgrade the version.",
    );
  } else if (files > MAX_PAYLOAD_FILES) {
    report.error(
      "A7",
      PAYLOAD_CODE,
      payloadPath,
      "The PhotoPicker and DocumentPicker values in a complete payload may upload at most 10 files together (a picker without 'max-uploaded-photos' or 'max-uploaded-documents' counts as 30); lower those limits or send fewer pickers.",
    );
  } else if (kilobytes > MAX_PAYLOAD_KB) {
    report.error(
      "A7",
      PAYLOAD_CODE,
      payloadPath,
      "The PhotoPicker and DocumentPicker values in a complete payload may upload at most 102400 KB together (files × 'max-file-size-kb'); lower those limits or send fewer pickers.",
    );
  }
}

/** A7: no pickers in a navigate payload; A4: the payload keys and types match the next screen's data model. */
function checkNavigatePayload(
  context: ValidationContext,
  screen: ScreenInfo,
  target: ScreenInfo,
  payload: Obj | undefined,
  valueTypes: Map<string, ValueType> | undefined,
  path: JsonPath,
  payloadPath: JsonPath,
): void {
  const { report } = context;
  if (payload) {
    for (const key in payload) {
      const pickerType = pickerTypeOf(context, screen, payload[key]);
      if (pickerType) {
        report.error(
          "A7",
          PAYLOAD_CODE,
          [...payloadPath, key],
          `The value of ${pickerType} component is not allowed in the payload of navigate action; use a global reference \${screen.${screen.id}.form.<name>} on the next screen instead.`,
        );
      }
    }
  }
  const modelKeys = target.data ? Object.keys(target.data).filter((key) => key !== "required") : [];
  if (!payload) {
    if (modelKeys.length) {
      report.error(
        "A4",
        "MISSING_NAVIGATION_ACTION_PAYLOAD",
        path,
        "Property 'payload' is required when the next screen's data model is not empty; add a payload with a value for each of its fields.",
      );
    }
    return;
  }
  const payloadKeys = Object.keys(payload);
  if (payloadKeys.length && !target.data) {
    report.error(
      "A4",
      "INVALID_NAVIGATE_ACTION_PAYLOAD",
      payloadPath,
      `No data model is defined in the next screen '${target.id}'; declare the fields in its 'data' or send an empty payload.`,
    );
    return;
  }
  const extra = payloadKeys.filter((key) => !modelKeys.includes(key));
  if (extra.length) {
    report.error(
      "A4",
      "INVALID_NAVIGATE_ACTION_PAYLOAD",
      payloadPath,
      `Following fields are missing in the next screen's data model: [${extra.join(", ")}]; declare them in the 'data' of screen '${target.id}'.`,
    );
  }
  const missing = modelKeys.filter((key) => !payloadKeys.includes(key));
  if (missing.length) {
    report.error(
      "A4",
      "INVALID_NAVIGATE_ACTION_PAYLOAD",
      payloadPath,
      `Following fields are expected in the next screen's data model but missing in payload: [${missing.join(", ")}]; add them to the payload.`,
    );
  }
  for (const key of payloadKeys) {
    const wanted = dataFieldType(target.data, [key]);
    const actual = valueTypes?.get(key) ?? "unknown";
    if (wanted && wanted !== "unknown" && actual !== "unknown" && actual !== wanted) {
      report.error(
        "A4",
        "INVALID_NAVIGATE_ACTION_PAYLOAD",
        [...payloadPath, key],
        `Payload value '${key}' on screen '${screen.id}' does not match the data model of screen '${target.id}': it must be of type '${wanted}' but is '${actual}'.`,
      );
    }
  }
}

/** A8: update_data keys exist in this screen's data model, are not set to themselves, and match its types. */
function checkUpdateDataPayload(
  context: ValidationContext,
  screen: ScreenInfo,
  payload: Obj,
  valueTypes: Map<string, ValueType>,
  payloadPath: JsonPath,
): void {
  const { report } = context;
  for (const key in payload) {
    const wanted = dataFieldType(screen.data, [key]);
    if (wanted === null) {
      report.error(
        "A8",
        "INVALID_UPDATE_DATA_ACTION_PAYLOAD",
        [...payloadPath, key],
        `The following property (${key}) does not exist in the screen data model; declare it in the 'data' of screen '${screen.id}'.`,
        "key",
      );
    } else if (payload[key] === `\${data.${key}}`) {
      report.error(
        "A8",
        "INVALID_UPDATE_DATA_ACTION_PAYLOAD",
        [...payloadPath, key],
        `update_data cannot set '${key}' to its own value; give it a new value or remove it from the payload.`,
      );
    } else {
      const actual = valueTypes.get(key) ?? "unknown";
      if (wanted !== "unknown" && actual !== "unknown" && actual !== wanted) {
        report.error(
          "A8",
          "INVALID_UPDATE_DATA_ACTION_PAYLOAD",
          [...payloadPath, key],
          `The value of '${key}' must be of type '${wanted}' as declared in the screen data model, but got '${actual}'.`,
        );
      }
    }
  }
}
