import { dateRules, datePickerValue, dayNumberToIso, isDaySelectable, toDayNumber } from "./dates";
import { asArray, isObject, versionNumber } from "./flow-model";
import { previewReducer } from "./reducer";
import { resolveScreen, type FieldInfo } from "./resolve-screen";
import { createPreviewSession } from "./start";
import { checkField, pickerLimits } from "./validation";
import type { FieldValue, PreviewEvent, PreviewOptions, PreviewState } from "./types";

// A generic tester: valid values for the fields that block the footer, and a walk to completion.

/** Events that fill every enabled field of the current screen whose value blocks the footer. */
export function fillRequiredFields(state: PreviewState): PreviewEvent[] {
  const screen = resolveScreen(state);
  if (!screen) return [];
  return Object.values(screen.fields).flatMap((field): PreviewEvent[] => {
    if (!field.enabled || !field.problem) return [];
    if (field.type === "PhotoPicker" || field.type === "DocumentPicker") {
      const { min } = pickerLimits(field.type, field.props);
      const mime =
        field.type === "PhotoPicker"
          ? "image/jpeg"
          : ((asArray(field.props["allowed-mime-types"])[0] as string | undefined) ?? "application/pdf");
      const files = Array.from({ length: Math.max(min, 1) }, (_, i) => ({
        fileName: `file-${i + 1}.${mime.split("/")[1] ?? "bin"}`,
        mimeType: mime,
        sizeBytes: 1024,
      }));
      return [{ type: "files-picked", name: field.name, files }];
    }
    const value = validValue(field, state.version);
    return value === undefined ? [] : [{ type: "field-changed", name: field.name, value }];
  });
}

/** A value that passes the field's own checks, or undefined when none was found. */
export function validValue(field: FieldInfo, version: string): FieldValue {
  const candidates = candidateValues(field, version);
  return candidates.find((value) => checkField(field.type, field.props, value) === null);
}

const TEXT_CANDIDATES: Record<string, string[]> = {
  email: ["tester@example.com"],
  phone: ["+15551234567"],
  number: ["42", "1"],
  passcode: ["1234", "123456"],
  password: ["Secret123"],
  text: ["Test value", "Test"],
};

function candidateValues(field: FieldInfo, version: string): FieldValue[] {
  const props = field.props;
  const enabledIds = asArray(props["data-source"]).flatMap((item) =>
    isObject(item) && typeof item.id === "string" && item.enabled !== false ? [item.id] : [],
  );
  switch (field.type) {
    case "TextInput": {
      const inputType = typeof props["input-type"] === "string" ? props["input-type"] : "text";
      const helper = typeof props["helper-text"] === "string" ? props["helper-text"] : "";
      // Authors often put an example of the pattern in the helper text ("E.g. 1993-08-04").
      const hints = [helper, ...helper.split(/[\s,:;]+/)].filter(Boolean);
      const base = [...(TEXT_CANDIDATES[inputType] ?? TEXT_CANDIDATES.text ?? []), ...hints];
      const min = Number(props["min-chars"]) || 0;
      const pad = inputType === "number" || inputType === "passcode" || inputType === "phone" ? "1" : "x";
      return [...base, ...base.map((value) => value.padEnd(min, pad))];
    }
    case "TextArea":
      return ["Test text"];
    case "CheckboxGroup":
    case "ChipsSelector": {
      const min = Math.max(Number(props["min-selected-items"]) || 1, 1);
      return [enabledIds.slice(0, min), enabledIds.slice(0, 1)];
    }
    case "RadioButtonsGroup":
    case "Dropdown":
      return enabledIds.slice(0, 1);
    case "OptIn":
      return [true];
    case "DatePicker":
    case "CalendarPicker": {
      const rules = dateRules(props);
      const start = firstSelectableDay(rules.min ?? toDayNumber("2026-01-15") ?? 0, rules);
      if (start === null) return [];
      if (field.type === "CalendarPicker" && props.mode === "range") {
        const minDays = Number(props["min-days"]) || 1;
        const end = firstSelectableDay(start + minDays, rules);
        return end === null ? [] : [{ "start-date": dayNumberToIso(start), "end-date": dayNumberToIso(end) }];
      }
      const legacy = field.type === "DatePicker" && versionNumber(version) < 500;
      return [datePickerValue(start, legacy)];
    }
    default:
      return [];
  }
}

function firstSelectableDay(from: number, rules: ReturnType<typeof dateRules>): number | null {
  for (let day = from; day < from + 3660; day++) if (isDaySelectable(day, rules)) return day;
  return null;
}

export type WalkResult = { state: PreviewState; completed: boolean; trail: string[] };

/**
 * Runs a Flow the way a patient tester would: fill what blocks the footer, press it, answer every
 * endpoint request with the suggested response, tap the first item of a NavigationList.
 */
export function walkToCompletion(
  flow: unknown,
  options: PreviewOptions & { maxSteps?: number } = {},
): WalkResult {
  let state = createPreviewSession(flow, options);
  const trail: string[] = [];
  for (let step = 0; step < (options.maxSteps ?? 60); step++) {
    if (state.status === "completed") return { state, completed: true, trail };
    if (state.status === "awaiting-endpoint" && state.pending) {
      state = previewReducer(state, {
        type: "endpoint-responded",
        response: state.pending.suggestedResponse,
      });
      continue;
    }
    if (state.status !== "running") break;
    const screen = resolveScreen(state);
    if (!screen) break;
    trail.push(screen.id);
    for (let round = 0; round < 3; round++) {
      const events = fillRequiredFields(state);
      if (events.length === 0) break;
      for (const event of events) state = previewReducer(state, event);
    }
    if (state.status !== "running") continue;
    const list = screen.nodes.find((node) => node.kind === "component" && node.type === "NavigationList");
    const refreshed = resolveScreen(state);
    if (refreshed?.footer) {
      state = previewReducer(state, { type: "footer-pressed" });
    } else if (list?.kind === "component") {
      const item = asArray(list.props["list-items"]).find(isObject);
      const action = (isObject(item) && item["on-click-action"]) || list.raw["on-click-action"];
      state = previewReducer(state, { type: "action-triggered", action, source: list.path });
    } else {
      state = previewReducer(state, { type: "back" });
    }
  }
  return { state, completed: state.status === "completed", trail };
}
