import { isObject } from "./flow-model";
import { dateRules, isDaySelectable, toDayNumber } from "./dates";
import type { FieldValue, JsonObject } from "./types";

// Client-side field checks as the WhatsApp client runs them (§8, §14 "Inputs").

export type FieldProblem = { code: "required" | "invalid"; message: string };

export const MESSAGES = {
  required: "This field is required",
  email: "Enter a valid email address",
  phone: "Enter a valid phone number",
  number: "Enter a valid number",
  passcode: "Only digits are allowed",
  minChars: (n: number) => `Enter at least ${n} characters`,
  maxChars: (n: number) => `Enter no more than ${n} characters`,
  pattern: "Invalid format",
  minSelected: (n: number) => `Select at least ${n} ${n === 1 ? "option" : "options"}`,
  maxSelected: (n: number) => `Select up to ${n} ${n === 1 ? "option" : "options"}`,
  dateUnavailable: "This date is not available",
  minDays: (n: number) => `Select a range of at least ${n} days`,
  maxDays: (n: number) => `Select a range of at most ${n} days`,
  minFiles: (n: number) => `Add at least ${n} ${n === 1 ? "file" : "files"}`,
  maxFiles: (n: number) => `Add no more than ${n} files`,
} as const;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[\d\s\-().]+$/;
const NUMBER = /^-?\d+(\.\d+)?$/;
const DIGITS = /^\d+$/;

export function isEmptyValue(value: FieldValue): boolean {
  if (value === undefined || value === "" || value === false) return true;
  if (Array.isArray(value)) return value.length === 0;
  if (isObject(value)) return !value["start-date"] && !value["end-date"];
  return false;
}

function toInt(value: unknown): number | null {
  const n = typeof value === "string" ? Number(value) : value;
  return typeof n === "number" && Number.isFinite(n) ? Math.trunc(n) : null;
}

/** The problem with one field's value, or null when it is acceptable. `props` are resolved. */
export function checkField(type: string, props: JsonObject, value: FieldValue): FieldProblem | null {
  switch (type) {
    case "TextInput":
      return checkTextInput(props, value);
    case "TextArea":
      return checkText(props, value, toInt(props["max-length"]) ?? 600, null);
    case "CheckboxGroup":
    case "ChipsSelector":
      return checkSelection(props, value);
    case "RadioButtonsGroup":
    case "Dropdown":
      return requiredProblem(props, value);
    case "DatePicker":
      return checkDate(props, value);
    case "CalendarPicker":
      return props.mode === "range" ? checkDateRange(props, value) : checkDate(props, value);
    case "OptIn":
      return props.required === true && value !== true
        ? { code: "required", message: MESSAGES.required }
        : null;
    case "PhotoPicker":
    case "DocumentPicker":
      return checkMedia(type, props, value);
    default:
      return null;
  }
}

function requiredProblem(props: JsonObject, value: FieldValue): FieldProblem | null {
  return props.required === true && isEmptyValue(value)
    ? { code: "required", message: MESSAGES.required }
    : null;
}

function checkTextInput(props: JsonObject, value: FieldValue): FieldProblem | null {
  const base = checkText(props, value, toInt(props["max-chars"]) ?? 80, toInt(props["min-chars"]));
  if (base || typeof value !== "string" || value === "") return base;
  const invalid = (message: string): FieldProblem => ({ code: "invalid", message });
  switch (props["input-type"]) {
    case "email":
      if (!EMAIL.test(value)) return invalid(MESSAGES.email);
      break;
    case "phone":
      if (!PHONE.test(value) || value.replace(/\D/g, "").length < 5) return invalid(MESSAGES.phone);
      break;
    case "number":
      if (!NUMBER.test(value)) return invalid(MESSAGES.number);
      break;
    case "passcode":
      if (!DIGITS.test(value)) return invalid(MESSAGES.passcode);
      break;
  }
  if (typeof props.pattern === "string") {
    const helper = typeof props["helper-text"] === "string" ? props["helper-text"] : MESSAGES.pattern;
    const regex = compilePattern(props.pattern);
    if (regex && !regex.test(value)) return invalid(helper);
  }
  return null;
}

const patternCache = new Map<string, RegExp | null>();

/** The author's regex, or null when it does not compile (the validator reports it). */
export function compilePattern(pattern: string): RegExp | null {
  if (!patternCache.has(pattern)) {
    try {
      patternCache.set(pattern, new RegExp(pattern, "u"));
    } catch {
      try {
        patternCache.set(pattern, new RegExp(pattern));
      } catch {
        patternCache.set(pattern, null);
      }
    }
  }
  return patternCache.get(pattern) ?? null;
}

function checkText(
  props: JsonObject,
  value: FieldValue,
  max: number,
  min: number | null,
): FieldProblem | null {
  const required = requiredProblem(props, value);
  if (required || typeof value !== "string" || value === "") return required;
  if (min !== null && value.length < min) return { code: "invalid", message: MESSAGES.minChars(min) };
  if (value.length > max) return { code: "invalid", message: MESSAGES.maxChars(max) };
  return null;
}

function checkSelection(props: JsonObject, value: FieldValue): FieldProblem | null {
  const required = requiredProblem(props, value);
  if (required) return required;
  const count = Array.isArray(value) ? value.length : 0;
  const min = toInt(props["min-selected-items"]);
  const max = toInt(props["max-selected-items"]);
  // An untouched optional group is not held to its minimum.
  if (min !== null && count > 0 && count < min)
    return { code: "invalid", message: MESSAGES.minSelected(min) };
  if (max !== null && count > max) return { code: "invalid", message: MESSAGES.maxSelected(max) };
  return null;
}

function checkDate(props: JsonObject, value: FieldValue): FieldProblem | null {
  const required = requiredProblem(props, value);
  if (required || typeof value !== "string" || value === "") return required;
  const day = toDayNumber(value);
  if (day === null || !isDaySelectable(day, dateRules(props))) {
    return { code: "invalid", message: MESSAGES.dateUnavailable };
  }
  return null;
}

function checkDateRange(props: JsonObject, value: FieldValue): FieldProblem | null {
  const range = isObject(value) ? value : {};
  const required = isObject(props.required)
    ? props.required
    : { "start-date": props.required, "end-date": props.required };
  for (const key of ["start-date", "end-date"] as const) {
    if (required[key] === true && !range[key]) return { code: "required", message: MESSAGES.required };
  }
  const rules = dateRules(props);
  const start = toDayNumber(range["start-date"]);
  const end = toDayNumber(range["end-date"]);
  for (const [raw, day] of [
    [range["start-date"], start],
    [range["end-date"], end],
  ] as const) {
    if (raw && (day === null || !isDaySelectable(day, rules)))
      return { code: "invalid", message: MESSAGES.dateUnavailable };
  }
  if (start !== null && end !== null) {
    const days = end - start;
    const minDays = toInt(props["min-days"]);
    const maxDays = toInt(props["max-days"]);
    if (days < 0) return { code: "invalid", message: MESSAGES.dateUnavailable };
    if (minDays !== null && days < minDays) return { code: "invalid", message: MESSAGES.minDays(minDays) };
    if (maxDays !== null && days > maxDays) return { code: "invalid", message: MESSAGES.maxDays(maxDays) };
  }
  return null;
}

export function pickerLimits(
  type: string,
  props: JsonObject,
): { min: number; max: number; maxSizeKb: number } {
  const noun = type === "PhotoPicker" ? "photos" : "documents";
  return {
    min: toInt(props[`min-uploaded-${noun}`]) ?? 0,
    max: toInt(props[`max-uploaded-${noun}`]) ?? 30,
    maxSizeKb: toInt(props["max-file-size-kb"]) ?? 25_600,
  };
}

function checkMedia(type: string, props: JsonObject, value: FieldValue): FieldProblem | null {
  const count = Array.isArray(value) ? value.length : 0;
  const { min, max } = pickerLimits(type, props);
  if (count < min) return { code: count === 0 ? "required" : "invalid", message: MESSAGES.minFiles(min) };
  if (count > max) return { code: "invalid", message: MESSAGES.maxFiles(max) };
  return null;
}
