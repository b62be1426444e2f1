import { isObj, type ComponentInfo, type ValidationContext, type Obj } from "../context";

// DatePicker / CalendarPicker dates (C11, §8.9–§8.10) and CalendarPicker mode-dependent properties (C12).

const YMD = /^(\d{4})-(\d{2})-(\d{2})$/;
const MILLIS = /^\d{1,15}$/;
const RANGE_PROPS = ["label", "helper-text", "required", "init-value", "error-message"] as const;
const RANGE_ONLY = ["title", "description", "min-days", "max-days"] as const;

/** A static value (not a binding or a backtick expression): only those can be checked here. */
const isStatic = (value: unknown): value is string =>
  typeof value === "string" && !value.startsWith("${") && !value.startsWith("`");

/** Day number of a calendar date "YYYY-MM-DD", or NaN when it is not a real date (2025-02-30). */
function dayOf(text: string): number {
  const match = YMD.exec(text);
  if (!match) return NaN;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const time = Date.UTC(year, month - 1, day);
  // Date.UTC rolls invalid days over (February 30 → March 2): a real date reads back unchanged.
  const back = new Date(time);
  return back.getUTCFullYear() === year && back.getUTCMonth() === month - 1 && back.getUTCDate() === day
    ? time / 86400000
    : NaN;
}

export function checkDates(context: ValidationContext, info: ComponentInfo): void {
  const { node, type, path } = info;
  if (type !== "DatePicker" && type !== "CalendarPicker") return;
  const { report } = context;
  const name = typeof node.name === "string" ? node.name : type;
  // DatePicker before 5.0 takes millisecond timestamps as strings (§8.9); everything else takes YYYY-MM-DD.
  const millis = type === "DatePicker" && !context.at("5.0");
  const format = millis ? 'a timestamp in milliseconds such as "1710958020000"' : 'the format "YYYY-MM-DD"';
  const parse = (text: string): number => (millis ? (MILLIS.test(text) ? Number(text) : NaN) : dayOf(text));
  const reportFormat = (valuePath: (string | number)[], value: string) =>
    report.error(
      "C11",
      "INVALID_PROPERTY_VALUE_FORMAT",
      valuePath,
      `The date field must be in ${format}, but '${value}' of ${type} '${name}' is not${millis ? "" : " (relative values such as 'today' are not supported)"}.`,
    );

  const min = isStatic(node["min-date"]) ? parse(node["min-date"]) : NaN;
  const max = isStatic(node["max-date"]) ? parse(node["max-date"]) : NaN;
  for (const key of ["min-date", "max-date"] as const)
    if (isStatic(node[key]) && Number.isNaN(parse(node[key]))) reportFormat([...path, key], node[key]);
  if (!Number.isNaN(min) && !Number.isNaN(max) && min > max)
    report.error(
      "C11",
      "INVALID_DATE_RANGE",
      [...path, "min-date"],
      `'min-date' (${String(node["min-date"])}) cannot be later than 'max-date' (${String(node["max-date"])}) for ${type} '${name}'.`,
    );
  const checkInRange = (valuePath: (string | number)[], key: string, value: string) => {
    const date = parse(value);
    if (Number.isNaN(date)) return reportFormat(valuePath, value);
    if ((!Number.isNaN(min) && date < min) || (!Number.isNaN(max) && date > max))
      report.error(
        "C11",
        "INVALID_DATE_RANGE",
        valuePath,
        `The value of property '${key}' of component '${name}' must be in the range of [${String(node["min-date"] ?? "…")}, ${String(node["max-date"] ?? "…")}], but it is '${value}'.`,
      );
  };
  const unavailable = node["unavailable-dates"];
  if (Array.isArray(unavailable))
    unavailable.forEach(
      (date, index) =>
        isStatic(date) && checkInRange([...path, "unavailable-dates", index], "unavailable-dates", date),
    );

  const range = type === "CalendarPicker" && node.mode === "range";
  const init = node["init-value"];
  if (isStatic(init)) {
    if (type === "CalendarPicker" && !range && Number.isNaN(parse(init)))
      report.error(
        "C11",
        "INVALID_DATE_SINGLE_INIT_VALUE_FORMAT",
        [...path, "init-value"],
        `The 'init-value' of CalendarPicker '${name}' must be a date in the format "YYYY-MM-DD", not '${init}'.`,
      );
    else if (!range) checkInRange([...path, "init-value"], "init-value", init);
  } else if (range && isObj(init))
    for (const k of ["start-date", "end-date"])
      if (isStatic(init[k])) checkInRange([...path, "init-value", k], "init-value", init[k] as string);

  if (type === "CalendarPicker") checkMode(context, info, name, range);
}

/** C12: range mode needs {start-date, end-date} objects; single mode rejects range-only properties. */
function checkMode(
  context: ValidationContext,
  { node: node, path }: ComponentInfo,
  name: string,
  range: boolean,
): void {
  const { report } = context;
  if (typeof node.mode === "string" && node.mode.startsWith("${")) return; // decided at run time
  if (range) {
    for (const key of RANGE_PROPS) {
      const value = node[key];
      if (
        value === undefined ||
        (typeof value === "string" && (value.startsWith("${") || value.startsWith("`")))
      )
        continue;
      if (!isObj(value)) {
        report.error(
          "C12",
          "INVALID_PROPERTY_TYPE",
          [...path, key],
          `The property '${key}' of component '${name}' must be of type '{"start-date": <value>, "end-date": <value>}' when the 'mode' is set to 'range'.`,
        );
        continue;
      }
      for (const k of ["start-date", "end-date"])
        if ((value as Obj)[k] === undefined)
          report.error(
            "C12",
            "MISSING_CALENDAR_PICKER_RANGE_MODE_PROP",
            [...path, key],
            `The property '${k}' of '${key}' in component '${name}' must be present when the mode is set to 'range'.`,
          );
      for (const k of Object.keys(value))
        if (k !== "start-date" && k !== "end-date")
          report.error(
            "C12",
            "UNEXPECTED_CALENDAR_PICKER_RANGE_MODE_PROP",
            [...path, key, k],
            `The property '${key}' of component '${name}' only expects properties 'start-date' and 'end-date' when the mode is set to 'range', not '${k}'.`,
            "key",
          );
    }
  } else {
    for (const key of RANGE_ONLY)
      if (node[key] !== undefined)
        report.error(
          "C12",
          "INVALID_PROPERTY_NAME_FOR_CONDITION",
          [...path, key],
          `Cannot set property '${key}' when 'mode' is 'single' for component '${name}'; it is only allowed in range mode.`,
          "key",
        );
    for (const key of RANGE_PROPS)
      if (isObj(node[key]))
        report.error(
          "C12",
          "INVALID_PROPERTY_VALUE_FOR_CONDITION",
          [...path, key],
          `Cannot set property '${key}' to an object when 'mode' is 'single' for component '${name}'; use a ${key === "required" ? "boolean" : "string"}.`,
        );
  }
}
