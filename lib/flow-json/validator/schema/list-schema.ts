import { childPath, type JsonPath } from "../../json/path";
import { hasPlainItems, type ComponentInfo, type ValidationContext } from "../context";
import { checkActionSchema } from "./action-schema";
import { checkClosedObject, isDynamicFor, objectShape, typeName, type ObjectShape } from "./schema-helpers";

// C3, C14 (+ A1/A2 on item actions): items of 'data-source' (§7.3) and NavigationList 'list-items' (§8.17).

const HEX_COLOR = /^#([A-Fa-f0-9]{6})$/;
const ITEM_STRING_PROPERTIES = ["id", "title", "description", "metadata", "image", "alt-text"] as const;
const ITEM_EVENTS = ["on-select-action", "on-unselect-action"] as const;

const NAVIGATION_ITEM_SHAPE = objectShape({
  id: true,
  "main-content": true,
  start: false,
  end: false,
  badge: false,
  tags: false,
  "on-click-action": false,
  enabled: false,
});
const MAIN_CONTENT_SHAPE = objectShape({ title: true, description: false, metadata: false });
const START_SHAPE = objectShape({ image: true, "alt-text": false });
const END_SHAPE = objectShape({ title: false, description: false, metadata: false });

/** data-source item shapes by version: for ChipsSelector, and for the other lists. */
const itemShapes = new Map<string, { chips: ObjectShape; others: ObjectShape }>();

/** data-source item keys (true = required) by component kind and version (§7.3), built once per pair. */
function dataSourceItemShape(context: ValidationContext, isChips: boolean): ObjectShape {
  let shapes = itemShapes.get(context.version);
  if (!shapes) {
    shapes = { chips: buildItemShape(context, true), others: buildItemShape(context, false) };
    itemShapes.set(context.version, shapes);
  }
  return isChips ? shapes.chips : shapes.others;
}

function buildItemShape(context: ValidationContext, isChips: boolean): ObjectShape {
  const keys: Record<string, boolean> = { id: true, title: true, enabled: false };
  if (!isChips) Object.assign(keys, { description: false, metadata: false });
  if (!isChips && context.at("5.0")) Object.assign(keys, { image: false, "alt-text": false, color: false });
  if (context.at("6.0")) Object.assign(keys, { "on-select-action": false, "on-unselect-action": false });
  return objectShape(keys);
}

/** C3: 'data-source' is a binding or a non-empty array of closed item objects. */
export function checkDataSource(
  context: ValidationContext,
  component: ComponentInfo,
  value: unknown,
  path: JsonPath,
): void {
  const { report } = context;
  if (typeof value === "string" && isDynamicFor(value, context)) return;
  if (!Array.isArray(value)) {
    report.error(
      "C3",
      typeof value === "string" ? "PATTERN_MISMATCH" : "INVALID_PROPERTY_TYPE",
      path,
      "Property 'data-source' should be an array of items or have dynamic data format of the form ${data.your_value}.",
    );
    return;
  }
  if (value.length === 0) {
    report.error("C3", "MIN_ITEMS_REQUIRED", path, "Property 'data-source' should have at least '1' items.");
  }
  const shape = dataSourceItemShape(context, component.type === "ChipsSelector");
  const description = `a '${component.type}' data-source item`;
  // Items of plain strings (most) cannot have wrong types, colours or actions.
  const itemsNeedChecks = !hasPlainItems(component);
  // One path for all items, whose last segment is set to each index (the Reporter copies it on a finding).
  const itemPath = childPath(path, 0);
  for (let index = 0; index < value.length; index++) {
    const item: unknown = value[index];
    itemPath[path.length] = index;
    if (checkClosedObject(report, item, itemPath, description, shape) && itemsNeedChecks) {
      for (const key of ITEM_STRING_PROPERTIES) {
        const property = item[key];
        if (property !== undefined && typeof property !== "string") {
          report.error(
            "C3",
            "INVALID_PROPERTY_TYPE",
            [...itemPath, key],
            `Expected property '${key}' to be of type 'string' but found '${typeName(property)}'.`,
          );
        }
      }
      if (typeof item.color === "string" && !HEX_COLOR.test(item.color)) {
        report.error(
          "C3",
          "PATTERN_MISMATCH",
          [...itemPath, "color"],
          "Property 'color' should be a 6-digit hex colour such as '#1A2B3C'.",
        );
      }
      for (const event of ITEM_EVENTS) {
        if (item[event] !== undefined && shape.keys[event] !== undefined) {
          checkActionSchema(context, component, event, item[event], [...itemPath, event], true);
        }
      }
    }
  }
}

/** C3, C14: NavigationList 'list-items' is a binding or a non-empty array of closed item objects. */
export function checkListItems(
  context: ValidationContext,
  component: ComponentInfo,
  value: unknown,
  path: JsonPath,
): void {
  const { report } = context;
  if (typeof value === "string" && isDynamicFor(value, context)) return;
  if (!Array.isArray(value)) {
    report.error(
      "C3",
      "INVALID_PROPERTY_TYPE",
      path,
      "Property 'list-items' should be an array of items or a ${data.…} binding.",
    );
    return;
  }
  if (value.length === 0) {
    report.error("C14", "MIN_ITEMS_REQUIRED", path, "Property 'list-items' should have at least '1' items.");
  }
  for (let index = 0; index < value.length; index++) {
    const item: unknown = value[index];
    const itemPath = [...path, index];
    if (!checkClosedObject(report, item, itemPath, "a NavigationList item", NAVIGATION_ITEM_SHAPE)) {
      continue;
    }
    if (item["main-content"] !== undefined) {
      checkClosedObject(
        report,
        item["main-content"],
        [...itemPath, "main-content"],
        "'main-content'",
        MAIN_CONTENT_SHAPE,
      );
    }
    if (item.start !== undefined) {
      checkClosedObject(report, item.start, [...itemPath, "start"], "'start'", START_SHAPE);
    }
    if (item.end !== undefined) {
      checkClosedObject(report, item.end, [...itemPath, "end"], "'end'", END_SHAPE);
    }
    const tags = item.tags;
    if (tags !== undefined && (!Array.isArray(tags) || tags.length === 0 || tags.length > 3)) {
      report.error(
        "C14",
        Array.isArray(tags) && tags.length > 3 ? "MAX_ITEMS_REQUIRED" : "MIN_ITEMS_REQUIRED",
        [...itemPath, "tags"],
        "Property 'tags' should have between '1' and '3' items.",
      );
    }
    if (item["on-click-action"] !== undefined) {
      checkActionSchema(
        context,
        component,
        "on-click-action",
        item["on-click-action"],
        [...itemPath, "on-click-action"],
        false,
      );
    }
  }
}
