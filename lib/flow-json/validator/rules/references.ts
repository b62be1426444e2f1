import { childPath, type JsonPath, type PathSegment } from "../../json/path";
import { isBacktickExpression, parseSharedBinding } from "../../expressions/binding";
import type { PropKind } from "../component-specs";
import {
  hasPlainItems,
  isObj,
  mayReference,
  type ComponentInfo,
  type ValidationContext,
  type ScreenInfo,
} from "../context";
import { checkActionPayload } from "./action-payloads";
import { PROPERTY_CODE } from "./binding-check";
import { checkExpression } from "./expression-check";
import { checkReferenceString } from "./reference-string";
import { walkReferenceStrings, type ReferenceStringVisitor } from "./string-walk";
import { expectedTypeOfKind } from "./value-types";

// Bindings and expressions in component properties and action payloads (D5, D6, E1–E5, C18, A4–A9), §9–§10.
// This file walks the component properties; the checks live in binding-check, reference-string,
// expression-check and action-payloads.

/** Keys that never hold references, or whose values are checked elsewhere (children, actions). */
const SKIPPED_KEYS = new Set([
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

/** Item properties a list-bound array must declare (D6, §5.2). */
const LIST_ITEM_PROPERTIES: Partial<Record<PropKind, string[]>> = {
  "data-source": ["id", "title"],
  "list-items": ["id", "main-content"],
  images: ["src", "alt-text"],
};

/**
 * Checks each reference string of one property value. One instance per screen, updated per property, so the
 * walk allocates no callback per value.
 */
class PropertyStringChecker implements ReferenceStringVisitor {
  screen!: ScreenInfo;
  kind: PropKind | undefined;
  /** Path length of the property itself: a string at this depth is the whole value. */
  wholeValueDepth = 0;

  constructor(private readonly context: ValidationContext) {}

  visit(text: string, path: JsonPath): void {
    const expected = path.length === this.wholeValueDepth ? expectedTypeOfKind(this.kind) : "unknown";
    checkReferenceString(this.context, this.screen, text, path, PROPERTY_CODE, expected);
  }
}

/**
 * Whether a component property needs the checks below: a string that may reference data, a structure that may
 * hold one, or an If condition (checked even without bindings).
 */
function needsReferenceCheck(component: ComponentInfo, key: string, value: unknown): boolean {
  if (SKIPPED_KEYS.has(key)) return false;
  if (typeof value === "string")
    return mayReference(value) || (key === "condition" && component.type === "If");
  if (typeof value !== "object" || value === null) return false;
  // Items of plain strings reference nothing.
  return !(component.spec?.props[key]?.kind === "data-source" && hasPlainItems(component));
}

export function checkReferences(context: ValidationContext): void {
  const stringChecker = new PropertyStringChecker(context);
  for (const screen of context.screens) {
    stringChecker.screen = screen;
    for (const component of screen.components) {
      checkComponentProperties(context, screen, component, stringChecker);
      for (const action of component.actions) checkActionPayload(context, screen, action.action, action.path);
    }
  }
}

function checkComponentProperties(
  context: ValidationContext,
  screen: ScreenInfo,
  component: ComponentInfo,
  stringChecker: PropertyStringChecker,
): void {
  const { node, type, spec } = component;
  // The component's path plus one segment set to each checked key in turn; made when the first property needs
  // checking (most need none).
  let path: PathSegment[] | undefined;
  stringChecker.wholeValueDepth = component.path.length + 1;
  for (const key in node) {
    const value = node[key];
    if (!needsReferenceCheck(component, key, value)) continue;
    const kind = spec?.props[key]?.kind;
    path ??= childPath(component.path, key);
    path[component.path.length] = key;
    if (key === "condition" && type === "If") {
      checkCondition(context, screen, value, path);
    } else if (type === "RichText" && key === "text") {
      checkRichText(context, screen, value, path);
    } else {
      stringChecker.kind = kind;
      walkReferenceStrings(value, path, stringChecker);
      if (typeof value === "string" && kind !== undefined && LIST_ITEM_PROPERTIES[kind]) {
        checkListSchema(context, screen, value, kind, path);
      }
    }
  }
}

/** E4: an If condition is a boolean expression (a backtick expression from 6.0 is checked as E3). */
function checkCondition(
  context: ValidationContext,
  screen: ScreenInfo,
  value: unknown,
  path: JsonPath,
): void {
  if (typeof value !== "string") return;
  if (isBacktickExpression(value) && context.at("6.0")) {
    checkExpression(context, screen, value.slice(1, -1), path, PROPERTY_CODE, "boolean", false);
  } else {
    checkExpression(context, screen, value, path, PROPERTY_CODE, "boolean", true);
  }
}

/** C18: RichText text is static markdown or exactly one binding/expression, never interpolated. */
function checkRichText(context: ValidationContext, screen: ScreenInfo, value: unknown, path: JsonPath): void {
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      const item: unknown = value[index];
      if (typeof item === "string" && item.includes("${")) {
        context.report.error(
          "C18",
          "INVALID_TEXT_DYNAMIC_DATA",
          [...path, index],
          `Every item of the 'text' array of RichText on screen '${screen.id}' must be a static string; remove the \${…} binding, or bind the whole 'text' to one \${data.…} value.`,
        );
      }
    }
    return;
  }
  if (typeof value !== "string") return;
  const isInterpolated =
    value.includes("${") && !parseSharedBinding(value) && !(isBacktickExpression(value) && context.at("6.0"));
  if (isInterpolated) {
    context.report.error(
      "C18",
      "INVALID_TEXT_DYNAMIC_DATA",
      path,
      'String interpolation is not supported by the RichText component; use a static text (such as "# Title") or one binding for the whole text (such as "${data.title}").',
    );
  } else {
    checkReferenceString(context, screen, value, path, PROPERTY_CODE, "unknown");
  }
}

/** D6: `data-source: "${data.x}"` needs x declared as an array of objects with the item properties the component reads. */
function checkListSchema(
  context: ValidationContext,
  screen: ScreenInfo,
  text: string,
  kind: PropKind,
  path: JsonPath,
): void {
  const binding = parseSharedBinding(text);
  if (!binding || binding.scope !== "data") return;
  const owner = binding.screen !== undefined ? context.screenById.get(binding.screen) : screen;
  let field: unknown = owner?.data?.[binding.path[0]!];
  for (let depth = 1; depth < binding.path.length; depth++) {
    field = isObj(field) && isObj(field.properties) ? field.properties[binding.path[depth]!] : undefined;
  }
  // Undeclared or not an array: reported by D5.
  if (!isObj(field) || field.type !== "array") return;
  const items = field.items;
  const declared = isObj(items) && isObj(items.properties) ? items.properties : undefined;
  const required = LIST_ITEM_PROPERTIES[kind]!;
  const missing = required.filter((key) => !declared || declared[key] === undefined);
  if (missing.length) {
    context.report.error(
      "D6",
      "INVALID_SCREEN_DYNAMIC_DATA",
      path,
      `The data model of '${text}' has no schema for ${missing.join(", ")}; declare 'items' as an object whose 'properties' include ${required.join(" and ")}.`,
    );
  }
}
