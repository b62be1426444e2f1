import type { JsonPath } from "../../json/path";
import { isBacktickExpression, parseBinding } from "../../expressions/binding";
import { isObj, type ValidationContext, type Obj, type ScreenInfo } from "../context";
import { checkBinding } from "./binding-check";
import { checkExpression } from "./expression-check";
import { walkReferenceStrings } from "./string-walk";
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
  const binding = typeof value === "string" ? parseBinding(value) : null;
  if (!binding || binding.scope !== "form") return null;
  const owner = binding.screen !== undefined ? context.screenById.get(binding.screen) : screen;
  const component = owner?.names.get(binding.path[0]!);
  return component && PICKER_TYPES.has(component.type) ? component.type : null;
}

/**
 * A6, A9: checks the bindings and (7.2+ complete / data_exchange) expressions of each payload value; A7: pickers
 * only as top-level values outside navigate. Returns the type of each payload value.
 */
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
  for (const key in payload) {
    const value = payload[key];
    let valueType: ValueType = staticValueType(value);
    walkReferenceStrings(value, [...payloadPath, key], {
      visit(text, stringPath) {
        const isWholeValue = stringPath.length === topLevelDepth;
        const binding = text.startsWith("${") ? parseBinding(text) : null;
        if (binding) {
          const bindingType = checkBinding(context, screen, binding, stringPath, PAYLOAD_CODE);
          if (isWholeValue) valueType = bindingType ?? "unknown";
        } else if (isBacktickExpression(text) && context.at("6.0")) {
          if (expressionsChecked) {
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
            if (isWholeValue) valueType = expressionType ?? "unknown";
          } else if (isWholeValue) {
            valueType = "unknown";
          }
        }
      },
    });
    valueTypes.set(key, valueType);
    if (action.name !== "navigate" && pickerTypeOf(context, screen, value) === null) {
      walkReferenceStrings(value, [...payloadPath, key], {
        visit(text, stringPath) {
          if (stringPath.length > topLevelDepth && pickerTypeOf(context, screen, text)) {
            context.report.error(
              "A7",
              PAYLOAD_CODE,
              stringPath,
              "The value of following components must be a top-level string in complete and data_exchange on-click-action payload: [PhotoPicker, DocumentPicker].",
            );
          }
        },
      });
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
    const picker = screen.names.get(parseBinding(value as string)!.path[0]!)?.node ?? {};
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
      "The aggregated maximum uploaded files of the PhotoPicker and DocumentPicker components cannot exceed 10 when using in the complete action payload. If 'max-uploaded-photos' or 'max-uploaded-documents' property is not set, the default uploaded files count is 30.",
    );
  } else if (kilobytes > MAX_PAYLOAD_KB) {
    report.error(
      "A7",
      PAYLOAD_CODE,
      payloadPath,
      "The aggregated maximum size of files of the PhotoPicker and DocumentPicker components cannot exceed 102400 KB when using in the complete action payload.",
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
        "Property 'payload' is required when the next screen's data model is not empty.",
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
      `Following fields are expected in the next screen's data model but missing in payload: [${missing.join(", ")}].`,
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
        `Schema of payload data at '${key}' on screen '${screen.id}' is not matching with schema of data model field on screen '${target.id}'. Property is expecting '${wanted}' but got ${actual}.`,
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
        "Attempting to update a key with its own value is redundant and not allowed.",
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
