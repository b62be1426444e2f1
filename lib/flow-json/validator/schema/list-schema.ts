import type { JsonPath, PathSegment } from "../../json/path";
import { atLeast } from "../../versions";
import type { ComponentInfo, ValidationContext } from "../context";
import { checkActionSchema } from "./action-schema";
import { checkClosedObject, isDynamicFor, typeName } from "./schema-helpers";

// C3, C14 (+ A1/A2 on item actions): items of 'data-source' (§7.3) and NavigationList 'list-items' (§8.17).

const HEX_COLOR = /^#([A-Fa-f0-9]{6})$/;
const ITEM_STRING_PROPERTIES = ["id", "title", "description", "metadata", "image", "alt-text"] as const;

const NAVIGATION_ITEM_PROPERTIES = {
  id: true,
  "main-content": true,
  start: false,
  end: false,
  badge: false,
  tags: false,
  "on-click-action": false,
  enabled: false,
};
const MAIN_CONTENT_PROPERTIES = { title: true, description: false, metadata: false };
const START_PROPERTIES = { image: true, "alt-text": false };
const END_PROPERTIES = { title: false, description: false, metadata: false };

const itemPropertiesCache = new Map<string, Record<string, boolean>>();

/** data-source item keys (true = required) by component kind and version (§7.3), built once per pair. */
function dataSourceItemProperties(isChips: boolean, version: string): Record<string, boolean> {
  const cacheKey = `${isChips}@${version}`;
  let properties = itemPropertiesCache.get(cacheKey);
  if (!properties) {
    properties = { id: true, title: true, enabled: false };
    if (!isChips) Object.assign(properties, { description: false, metadata: false });
    if (!isChips && atLeast(version, "5.0")) {
      Object.assign(properties, { image: false, "alt-text": false, color: false });
    }
    if (atLeast(version, "6.0")) {
      Object.assign(properties, { "on-select-action": false, "on-unselect-action": false });
    }
    itemPropertiesCache.set(cacheKey, properties);
  }
  return properties;
}

/** C3: 'data-source' is a binding or a non-empty array of closed item objects. */
export function checkDataSource(
  context: ValidationContext,
  component: ComponentInfo,
  value: unknown,
  path: JsonPath,
): void {
  const { report, version } = context;
  if (typeof value === "string" && isDynamicFor(value, version)) return;
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
  const properties = dataSourceItemProperties(component.type === "ChipsSelector", version);
  const description = `a '${component.type}' data-source item`;
  // One mutable path for all items: the Reporter copies it only when there is a finding.
  const itemPath: PathSegment[] = path.slice();
  for (let index = 0; index < value.length; index++) {
    const item: unknown = value[index];
    itemPath.push(index);
    if (checkClosedObject(report, item, itemPath, description, properties)) {
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
      for (const event of ["on-select-action", "on-unselect-action"]) {
        if (item[event] !== undefined && properties[event] !== undefined) {
          checkActionSchema(context, component, event, item[event], [...itemPath, event], true);
        }
      }
    }
    itemPath.pop();
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
  if (typeof value === "string" && isDynamicFor(value, context.version)) return;
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
    if (!checkClosedObject(report, item, itemPath, "a NavigationList item", NAVIGATION_ITEM_PROPERTIES)) {
      continue;
    }
    if (item["main-content"] !== undefined) {
      checkClosedObject(
        report,
        item["main-content"],
        [...itemPath, "main-content"],
        "'main-content'",
        MAIN_CONTENT_PROPERTIES,
      );
    }
    if (item.start !== undefined) {
      checkClosedObject(report, item.start, [...itemPath, "start"], "'start'", START_PROPERTIES);
    }
    if (item.end !== undefined) {
      checkClosedObject(report, item.end, [...itemPath, "end"], "'end'", END_PROPERTIES);
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
