import type { JsonPath, PathSegment } from "../../json/path";
import { isBacktickExpression, parseBinding } from "../../expressions/binding";
import { COMPONENT_SPECS, type PropKind } from "../component-specs";
import { actionsOf, isObj, type ComponentInfo, type ValidationContext, type ScreenInfo } from "../context";
import { checkActionPayload } from "./action-payloads";
import { PROPERTY_CODE } from "./binding-check";
import { checkExpression } from "./expression-check";
import { checkReferenceString } from "./reference-string";
import { mayReference, walkReferenceStrings, type ReferenceStringVisitor } from "./string-walk";
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

export function checkReferences(context: ValidationContext): void {
  const stringChecker = new PropertyStringChecker(context);
  for (const screen of context.screens) {
    stringChecker.screen = screen;
    for (const component of screen.components) {
      checkComponentProperties(context, screen, component, stringChecker);
      for (const action of actionsOf(component))
        checkActionPayload(context, screen, action.action, action.path);
    }
  }
}

function checkComponentProperties(
  context: ValidationContext,
  screen: ScreenInfo,
  component: ComponentInfo,
  stringChecker: PropertyStringChecker,
): void {
  const { node, type } = component;
  const properties = COMPONENT_SPECS[type]?.props;
  const path: PathSegment[] = component.path.slice();
  stringChecker.wholeValueDepth = path.length + 1;
  for (const key in node) {
    if (SKIPPED_KEYS.has(key)) continue;
    const value = node[key];
    const isIfCondition = key === "condition" && type === "If";
    // Plain strings without "${" or backticks need no reference checks (If conditions always do).
    if (typeof value === "string" && !mayReference(value) && !isIfCondition) continue;
    if (typeof value !== "string" && typeof value !== "object") continue;
    const kind = properties?.[key]?.kind;
    path.push(key);
    if (isIfCondition) {
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
    path.pop();
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
          `Every item of the array in the 'text' property of RichText on the screen '${screen.id}' should be a static string. Please remove dynamic binding - \${…} from the item of the array.`,
        );
      }
    }
    return;
  }
  if (typeof value !== "string") return;
  const isInterpolated =
    value.includes("${") && !parseBinding(value) && !(isBacktickExpression(value) && context.at("6.0"));
  if (isInterpolated) {
    context.report.error(
      "C18",
      "INVALID_TEXT_DYNAMIC_DATA",
      path,
      'String interpolation is not supported by RichText component. Either use static value (e.g. "# Title") or dynamic only (e.g. "${data.title}").',
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
  const binding = parseBinding(text);
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
      `Data model schema is invalid for '${text}'. Missing schema for ${missing.join(", ")}: declare 'items' as an object whose 'properties' include ${required.join(" and ")}.`,
    );
  }
}
