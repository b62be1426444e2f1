import type { JsonPath } from "../../json/path";
import type { ExprNode } from "../../expressions/ast";
import { formatBinding, isBacktickExpression, parseBinding, type Binding } from "../../expressions/binding";
import { parseExpressionCached } from "../../expressions/dynamic-value";
import { ExpressionError } from "../../expressions/ast";
import { COMPONENT_SPECS } from "../component-specs";
import { actionsOf, isObj, type Ctx, type Obj, type ScreenInfo } from "../context";

// Bindings and expressions in component properties and action payloads (D5, E1–E5, A4–A9), §9–§10.

type VType = "string" | "number" | "boolean" | "array" | "object" | "unknown";
const SKIP = new Set([
  "type",
  "name",
  "then",
  "else",
  "cases",
  "children",
  "on-click-action",
  "on-select-action",
  "on-unselect-action",
]);
const PICKERS = new Set(["PhotoPicker", "DocumentPicker"]);

function formValueType(ctx: Ctx, s: ScreenInfo, name: string): VType {
  const c = s.names.get(name);
  if (!c) return "unknown";
  switch (c.type) {
    case "CheckboxGroup":
    case "ChipsSelector":
    case "PhotoPicker":
    case "DocumentPicker":
      return "array";
    case "OptIn":
      return "boolean";
    case "CalendarPicker":
      return c.c.mode === "range" ? "object" : "string";
    case "TextInput":
      return c.c["input-type"] === "number" ? "number" : "string";
    default:
      return "string";
  }
}

function dataFieldType(model: Obj | undefined, path: string[]): VType | null {
  let schema: unknown = model?.[path[0]!];
  for (const key of path.slice(1)) {
    if (!isObj(schema)) return null;
    if (schema.type === "array") return null;
    schema = isObj(schema.properties) ? schema.properties[key] : undefined;
    if (schema === undefined) return "unknown";
  }
  if (!isObj(schema)) return null;
  const t = schema.type;
  return t === "integer"
    ? "number"
    : t === "string" || t === "number" || t === "boolean" || t === "array" || t === "object"
      ? t
      : "unknown";
}

export function checkReferences(ctx: Ctx): void {
  for (const s of ctx.screens) {
    for (const info of s.components) {
      const props = COMPONENT_SPECS[info.type]?.props;
      const path: (string | number)[] = info.path.slice();
      const depth = path.length + 1;
      for (const key in info.c) {
        if (SKIP.has(key)) continue;
        const value = info.c[key];
        // Plain strings without "${" or backticks need no reference checks: the common case costs one scan.
        if (typeof value === "string" && !mayReference(value) && !(key === "condition" && info.type === "If"))
          continue;
        if (typeof value !== "string" && typeof value !== "object") continue;
        const kind = props?.[key]?.kind;
        path.push(key);
        if (info.type === "If" && key === "condition") checkCondition(ctx, s, value, path);
        else if (info.type === "RichText" && key === "text") checkRichText(ctx, s, value, path);
        else {
          walkStrings(value, path, (str, p) =>
            checkString(ctx, s, str, p, "INVALID_SCREEN_DYNAMIC_DATA", expectedOf(kind, p.length === depth)),
          );
          if (
            typeof value === "string" &&
            (kind === "data-source" || kind === "list-items" || kind === "images")
          )
            checkListSchema(ctx, s, value, kind, path);
        }
        path.pop();
      }
      for (const a of actionsOf(info)) checkAction(ctx, s, a.action, a.path);
    }
  }
}

function expectedOf(kind: string | undefined, whole: boolean): VType {
  if (!whole) return "unknown";
  if (kind === "boolean") return "boolean";
  if (kind === "number" || kind === "integer") return "number";
  if (kind === "data-source" || kind === "list-items" || kind === "images" || kind === "string-array")
    return "array";
  return "unknown";
}

const mayReference = (s: string): boolean => s.includes("${") || s.charCodeAt(0) === 96;

/** Calls fn for every string that may hold a reference. `path` is a mutable stack (push/pop, no copies). */
function walkStrings(v: unknown, path: (string | number)[], fn: (s: string, p: JsonPath) => void): void {
  if (typeof v === "string") {
    if (mayReference(v)) fn(v, path);
  } else if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const x: unknown = v[i];
      if (x === null || (typeof x !== "string" && typeof x !== "object")) continue;
      path.push(i);
      walkStrings(x, path, fn);
      path.pop();
    }
  } else if (isObj(v))
    for (const k in v) {
      if (k.startsWith("on-")) continue;
      const x = v[k];
      if (x === null || (typeof x !== "string" && typeof x !== "object")) continue;
      path.push(k);
      walkStrings(x, path, fn);
      path.pop();
    }
}

/** Checks one binding; returns its type (null when it is invalid and already reported). */
function checkBinding(ctx: Ctx, s: ScreenInfo, b: Binding, path: JsonPath, code: string): VType | null {
  const { report } = ctx;
  const raw = formatBinding(b);
  if (b.screen !== undefined) {
    if (!ctx.at("4.0")) {
      report.error(
        "E1",
        "PATTERN_MISMATCH",
        path,
        `Global dynamic data '${raw}' needs Flow JSON 4.0 or later; use \${data.your_value} instead.`,
      );
      return null;
    }
    const target = ctx.screenById.get(b.screen);
    if (!target) {
      report.error(
        "E2",
        "INVALID_SCREEN_DYNAMIC_DATA",
        path,
        `The screen id '${b.screen}' referenced in the dynamic binding expression '${raw}' does not exist.`,
      );
      return null;
    }
    if (target === s) {
      report.error(
        "E2",
        "INVALID_SCREEN_DYNAMIC_DATA",
        path,
        `Global dynamic data '${raw}' used on screen '${s.id}' is invalid since screen '${s.id}' represents current screen. Convert expression to local referencing of the form \${${b.scope}.<property>}.`,
      );
      return null;
    }
    if (b.scope === "data") {
      const t = dataFieldType(target.data, b.path);
      if (t === null)
        report.error(
          "E2",
          "INVALID_SCREEN_DYNAMIC_DATA",
          path,
          `Global dynamic data '${raw}' does not exist on screen '${b.screen}' but is used on screen '${s.id}'.`,
        );
      return t;
    }
    if (!target.names.has(b.path[0]!)) {
      report.error(
        "E2",
        "INVALID_SCREEN_DYNAMIC_DATA",
        path,
        `Form data '${raw}' from screen '${b.screen}' does not exist, but is used on screen '${s.id}'.`,
      );
      return null;
    }
    return formValueType(ctx, target, b.path[0]!);
  }
  if (b.scope === "data") {
    const t = dataFieldType(s.data, b.path);
    if (t === null)
      report.error(
        "D5",
        code,
        path,
        `Missing dynamic data '${raw}' in the screen data model; declare '${b.path[0]}' in the 'data' of screen '${s.id}'.`,
      );
    return t;
  }
  const c = s.names.get(b.path[0]!);
  if (!c || c.type === "Form" || !COMPONENT_SPECS[c.type]?.input) {
    report.error(
      "A6",
      code === "INVALID_SCREEN_DYNAMIC_DATA"
        ? "INVALID_SCREEN_DYNAMIC_DATA"
        : "INVALID_ON_CLICK_ACTION_PAYLOAD",
      path,
      c?.type === "Form"
        ? `Value of 'Form' component cannot be used in form binding; reference an input component such as '\${form.<input name>}'.`
        : `Missing Form component ${raw} for screen '${s.id}'; reference the name of an input component on this screen.`,
    );
    return null;
  }
  return formValueType(ctx, s, b.path[0]!);
}

/** Item properties a list-bound array must declare (D6, §5.2). */
const LIST_ITEM_PROPS: Record<string, string[]> = {
  "data-source": ["id", "title"],
  "list-items": ["id", "main-content"],
  images: ["src", "alt-text"],
};

/** D6: `data-source: "${data.x}"` needs x declared as an array of objects with the item properties the component reads. */
function checkListSchema(ctx: Ctx, s: ScreenInfo, str: string, kind: string, path: JsonPath): void {
  const b = parseBinding(str);
  if (!b || b.scope !== "data") return;
  const owner = b.screen !== undefined ? ctx.screenById.get(b.screen) : s;
  let field: unknown = owner?.data?.[b.path[0]!];
  for (const k of b.path.slice(1))
    field = isObj(field) && isObj(field.properties) ? field.properties[k] : undefined;
  if (!isObj(field) || field.type !== "array") return; // undeclared or wrong type: reported by D5
  const items = field.items;
  const props = isObj(items) && isObj(items.properties) ? items.properties : undefined;
  const missing = LIST_ITEM_PROPS[kind]!.filter((k) => !props || props[k] === undefined);
  if (missing.length)
    ctx.report.error(
      "D6",
      "INVALID_SCREEN_DYNAMIC_DATA",
      path,
      `Data model schema is invalid for '${str}'. Missing schema for ${missing.join(", ")}: declare 'items' as an object whose 'properties' include ${LIST_ITEM_PROPS[kind]!.join(" and ")}.`,
    );
}

function checkString(
  ctx: Ctx,
  s: ScreenInfo,
  str: string,
  path: JsonPath,
  code: string,
  expected: VType,
): VType | null {
  if (str.startsWith("${")) {
    const b = parseBinding(str);
    // ≤ 3.1 component properties only take ${data.…} (§7.1, §10.1); ${form.…} is for action payloads there.
    if (
      b &&
      b.scope === "form" &&
      b.screen === undefined &&
      !ctx.at("4.0") &&
      code === "INVALID_SCREEN_DYNAMIC_DATA"
    ) {
      ctx.report.error(
        "E1",
        "PATTERN_MISMATCH",
        path,
        `Property should have dynamic data format of the form \${data.your_value} in Flow JSON ${ctx.version}; '${str}' (a form value) can only be used in action payloads before version 4.0.`,
      );
      return null;
    }
    if (b) {
      const t = checkBinding(ctx, s, b, path, code);
      if (t && t !== "unknown" && expected !== "unknown" && t !== expected)
        ctx.report.error(
          "D5",
          "INVALID_SCREEN_DYNAMIC_DATA",
          path,
          `Found invalid dynamic data. Expected '${str}' to be of type '${expected}' but it is declared as '${t}'.`,
        );
      return t;
    }
  }
  if (isBacktickExpression(str) && ctx.at("6.0"))
    return checkExpression(ctx, s, str.slice(1, -1), path, code, expected, false);
  if (str.includes("${"))
    ctx.report.error(
      "E5",
      "INVALID_TEXT_DYNAMIC_DATA",
      path,
      ctx.at("6.0")
        ? "String interpolation is not supported: use a whole-string binding such as '${data.name}', or a backtick expression such as \"`'Hello ' ${data.name}`\"."
        : "String interpolation is not supported: the value must be exactly one binding such as '${data.name}'.",
    );
  return "string";
}

function checkExpression(
  ctx: Ctx,
  s: ScreenInfo,
  src: string,
  path: JsonPath,
  code: string,
  expected: VType,
  condition: boolean,
): VType | null {
  const ast = parseExpressionCached(src);
  const rule = condition ? "E4" : "E3";
  if (ast instanceof ExpressionError) {
    ctx.report.error(
      rule,
      "INVALID_PROPERTY_VALUE",
      path,
      `${ast.message.replace(/\.$/, "")} at column ${ast.column}.`,
    );
    return null;
  }
  const errors: string[] = [];
  let sawBinding = false;
  const typeOf = (n: ExprNode): VType => {
    switch (n.kind) {
      case "literal":
        return typeof n.value as VType;
      case "binding": {
        sawBinding = true;
        return checkBinding(ctx, s, n.binding, path, code) ?? "unknown";
      }
      case "compound": {
        for (const p of n.parts) {
          const t = typeOf(p);
          if (t === "array" || t === "object")
            errors.push(`Operand '${src.slice(p.start, p.end)}' with type '${t}' is not supported.`);
        }
        if (condition)
          errors.push(
            `Missing operator between '${src.slice(n.parts[0]!.start, n.parts[0]!.end)}' and '${src.slice(n.parts[1]!.start, n.parts[1]!.end)}'.`,
          );
        return "string";
      }
      case "unary": {
        const t = typeOf(n.argument);
        const want = n.op === "!" ? "boolean" : "number";
        if (t !== "unknown" && t !== want)
          errors.push(
            `Operand '${src.slice(n.argument.start, n.argument.end)}' with type '${t}' is not supported.`,
          );
        return want;
      }
      case "binary": {
        const a = typeOf(n.left),
          b = typeOf(n.right);
        const text = (x: ExprNode) => src.slice(x.start, x.end);
        const need = (t: VType, want: VType, x: ExprNode) => {
          if (t !== "unknown" && t !== want)
            errors.push(`Operand '${text(x)}' with type '${t}' is not supported.`);
        };
        if (condition && "+-*/%".includes(n.op)) errors.push(`Invalid operator '${n.op}'.`);
        if (condition && n.left.kind === "literal" && n.right.kind === "literal")
          errors.push(
            `An operator cannot not have literals on both sides. Found invalid syntax at column ${n.left.start + 1}.`,
          );
        switch (n.op) {
          case "==":
          case "!=":
            if (a !== "unknown" && b !== "unknown" && a !== b)
              errors.push(
                `Type mismatch in an equality operation between '${text(n.left)}' and '${text(n.right)}' at column ${n.left.start + 1}.`,
              );
            return "boolean";
          case "<":
          case "<=":
          case ">":
          case ">=":
            need(a, "number", n.left);
            need(b, "number", n.right);
            return "boolean";
          case "&&":
          case "||":
            need(a, "boolean", n.left);
            need(b, "boolean", n.right);
            return "boolean";
          default:
            need(a, "number", n.left);
            need(b, "number", n.right);
            return "number";
        }
      }
    }
  };
  const t = typeOf(ast);
  if (condition) {
    if (!sawBinding)
      errors.push(
        ast.kind === "literal"
          ? "The only operand is a literal value. Expected single operand to be a boolean."
          : "Expected property 'condition' to contain at least one dynamic operand.",
      );
    else if (t !== "boolean" && t !== "unknown") errors.push("Expected single operand to be a boolean.");
  } else if (expected !== "unknown" && t !== "unknown" && t !== expected)
    errors.push(`The expression evaluates to '${t}' but the property expects '${expected}'.`);
  if (errors.length) ctx.report.error(rule, "INVALID_PROPERTY_VALUE", path, errors[0]!);
  return t;
}

function checkCondition(ctx: Ctx, s: ScreenInfo, value: unknown, path: JsonPath): void {
  if (typeof value !== "string") return;
  if (isBacktickExpression(value) && ctx.at("6.0"))
    checkExpression(ctx, s, value.slice(1, -1), path, "INVALID_SCREEN_DYNAMIC_DATA", "boolean", false);
  else checkExpression(ctx, s, value, path, "INVALID_SCREEN_DYNAMIC_DATA", "boolean", true);
}

function checkRichText(ctx: Ctx, s: ScreenInfo, value: unknown, path: JsonPath): void {
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      if (typeof item === "string" && item.includes("${"))
        ctx.report.error(
          "C18",
          "INVALID_TEXT_DYNAMIC_DATA",
          [...path, i],
          `Every item of the array in the 'text' property of RichText on the screen '${s.id}' should be a static string. Please remove dynamic binding - \${…} from the item of the array.`,
        );
    });
  } else if (
    typeof value === "string" &&
    value.includes("${") &&
    !parseBinding(value) &&
    !(isBacktickExpression(value) && ctx.at("6.0"))
  ) {
    ctx.report.error(
      "C18",
      "INVALID_TEXT_DYNAMIC_DATA",
      path,
      'String interpolation is not supported by RichText component. Either use static value (e.g. "# Title") or dynamic only (e.g. "${data.title}").',
    );
  } else if (typeof value === "string")
    checkString(ctx, s, value, path, "INVALID_SCREEN_DYNAMIC_DATA", "unknown");
}

function staticType(v: unknown): VType {
  return Array.isArray(v) ? "array" : v === null ? "unknown" : (typeof v as VType);
}

function checkAction(ctx: Ctx, s: ScreenInfo, a: Obj, path: JsonPath): void {
  const { report } = ctx;
  const payload = isObj(a.payload) ? a.payload : undefined;
  const payloadPath = [...path, "payload"];
  const code = "INVALID_ON_CLICK_ACTION_PAYLOAD";
  const pickerRef = (v: unknown): string | null => {
    const b = typeof v === "string" ? parseBinding(v) : null;
    if (!b || b.scope !== "form") return null;
    const owner = b.screen !== undefined ? ctx.screenById.get(b.screen) : s;
    const c = owner?.names.get(b.path[0]!);
    return c && PICKERS.has(c.type) ? c.type : null;
  };
  // Types of payload values, and their bindings/expressions checked (A6, A9).
  const valueTypes = new Map<string, VType>();
  if (payload)
    for (const [k, v] of Object.entries(payload)) {
      let t: VType = staticType(v);
      walkStrings(v, [...payloadPath, k], (str, p) => {
        const whole = p.length === payloadPath.length + 1;
        if (str.startsWith("${") && parseBinding(str)) {
          const bt = checkBinding(ctx, s, parseBinding(str)!, p, code);
          if (whole) t = bt ?? "unknown";
        } else if (isBacktickExpression(str) && ctx.at("6.0")) {
          if (ctx.at("7.2") && (a.name === "complete" || a.name === "data_exchange")) {
            const et = checkExpression(ctx, s, str.slice(1, -1), p, code, "unknown", false);
            if (whole) t = et ?? "unknown";
          } else if (whole) t = "unknown";
        }
      });
      valueTypes.set(k, t);
      if (a.name !== "navigate" && pickerRef(v) === null)
        walkStrings(v, [...payloadPath, k], (str, p) => {
          if (p.length > payloadPath.length + 1 && pickerRef(str))
            report.error(
              "A7",
              code,
              p,
              "The value of following components must be a top-level string in complete and data_exchange on-click-action payload: [PhotoPicker, DocumentPicker].",
            );
        });
    }
  if (a.name === "complete" && !s.terminal)
    report.error(
      "A5",
      "INVALID_COMPLETE_ACTION",
      [...path, "name"],
      "On-click-action 'complete' can only be configured on a terminal screen; use 'navigate' here or make the screen terminal.",
    );
  if (a.name === "complete" && payload && ctx.at("4.0")) {
    let files = 0,
      kb = 0,
      pickers = 0;
    for (const v of Object.values(payload)) {
      const t = pickerRef(v);
      if (!t) continue;
      pickers++;
      const c = s.names.get(parseBinding(v as string)!.path[0]!)?.c ?? {};
      const max = Number(c[t === "PhotoPicker" ? "max-uploaded-photos" : "max-uploaded-documents"] ?? 30);
      files += max;
      kb += max * Number(c["max-file-size-kb"] ?? 25600);
    }
    // Before 5.0 a complete payload could carry one picker only (§8.18).
    if (!ctx.at("5.0") && pickers > 1)
      report.error(
        "A7",
        code,
        payloadPath,
        "Complete action payload can contain either a single PhotoPicker or a single DocumentPicker component before Flow JSON 5.0; send one picker, or upgrade the version.",
      );
    else if (files > 10)
      report.error(
        "A7",
        code,
        payloadPath,
        "The aggregated maximum uploaded files of the PhotoPicker and DocumentPicker components cannot exceed 10 when using in the complete action payload. If 'max-uploaded-photos' or 'max-uploaded-documents' property is not set, the default uploaded files count is 30.",
      );
    else if (kb > 102400)
      report.error(
        "A7",
        code,
        payloadPath,
        "The aggregated maximum size of files of the PhotoPicker and DocumentPicker components cannot exceed 102400 KB when using in the complete action payload.",
      );
  }
  if (a.name === "navigate" && isObj(a.next) && typeof a.next.name === "string") {
    const target = ctx.screenById.get(a.next.name);
    if (!target || target === s) return;
    if (payload)
      for (const [k, v] of Object.entries(payload))
        if (pickerRef(v))
          report.error(
            "A7",
            code,
            [...payloadPath, k],
            `The value of ${pickerRef(v)} component is not allowed in the payload of navigate action; use a global reference \${screen.${s.id}.form.<name>} on the next screen instead.`,
          );
    const model = target.data ? Object.keys(target.data).filter((k) => k !== "required") : [];
    if (!payload) {
      if (model.length)
        report.error(
          "A4",
          "MISSING_NAVIGATION_ACTION_PAYLOAD",
          path,
          "Property 'payload' is required when the next screen's data model is not empty.",
        );
      return;
    }
    const keys = Object.keys(payload);
    if (keys.length && !target.data)
      return report.error(
        "A4",
        "INVALID_NAVIGATE_ACTION_PAYLOAD",
        payloadPath,
        `No data model is defined in the next screen '${target.id}'; declare the fields in its 'data' or send an empty payload.`,
      );
    const extra = keys.filter((k) => !model.includes(k));
    if (extra.length)
      report.error(
        "A4",
        "INVALID_NAVIGATE_ACTION_PAYLOAD",
        payloadPath,
        `Following fields are missing in the next screen's data model: [${extra.join(", ")}]; declare them in the 'data' of screen '${target.id}'.`,
      );
    const missing = model.filter((k) => !keys.includes(k));
    if (missing.length)
      report.error(
        "A4",
        "INVALID_NAVIGATE_ACTION_PAYLOAD",
        payloadPath,
        `Following fields are expected in the next screen's data model but missing in payload: [${missing.join(", ")}].`,
      );
    for (const k of keys) {
      const want = dataFieldType(target.data, [k]);
      const got = valueTypes.get(k) ?? "unknown";
      if (want && want !== "unknown" && got !== "unknown" && got !== want)
        report.error(
          "A4",
          "INVALID_NAVIGATE_ACTION_PAYLOAD",
          [...payloadPath, k],
          `Schema of payload data at '${k}' on screen '${s.id}' is not matching with schema of data model field on screen '${target.id}'. Property is expecting '${want}' but got ${got}.`,
        );
    }
  }
  if (a.name === "update_data" && payload) {
    for (const [k, v] of Object.entries(payload)) {
      const want = dataFieldType(s.data, [k]);
      if (want === null)
        report.error(
          "A8",
          "INVALID_UPDATE_DATA_ACTION_PAYLOAD",
          [...payloadPath, k],
          `The following property (${k}) does not exist in the screen data model; declare it in the 'data' of screen '${s.id}'.`,
          "key",
        );
      else if (v === `\${data.${k}}`)
        report.error(
          "A8",
          "INVALID_UPDATE_DATA_ACTION_PAYLOAD",
          [...payloadPath, k],
          "Attempting to update a key with its own value is redundant and not allowed.",
        );
      else {
        const got = valueTypes.get(k) ?? "unknown";
        if (want !== "unknown" && got !== "unknown" && got !== want)
          report.error(
            "A8",
            "INVALID_UPDATE_DATA_ACTION_PAYLOAD",
            [...payloadPath, k],
            `The value of '${k}' must be of type '${want}' as declared in the screen data model, but got '${got}'.`,
          );
      }
    }
  }
}
