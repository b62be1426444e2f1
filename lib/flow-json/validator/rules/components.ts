import { COMPONENT_SPECS, type ComponentSpec } from "../component-specs";
import { isObj, type ComponentInfo, type ValidationContext, type Obj } from "../context";
import { checkDates } from "./dates";
import { isDynamicString } from "./dynamic-string";
import { checkFormValues } from "./form-values";
import { checkImageSizes } from "./image-sizes";

// Component semantics beyond the schema (C6, C9–C12, C14–C17) and documented limits (L1–L5). Each function
// checks one family; checkComponents calls them in the order the findings are reported.

const MIN_MAX_PAIRS: [string, string][] = [
  ["min-chars", "max-chars"],
  ["min-selected-items", "max-selected-items"],
  ["min-uploaded-photos", "max-uploaded-photos"],
  ["min-uploaded-documents", "max-uploaded-documents"],
  ["min-days", "max-days"],
];
/** The pairs each component type has: after the schema stage a component holds no other properties. */
const MIN_MAX_PAIRS_BY_SPEC = new Map<ComponentSpec, [string, string][]>(
  Object.values(COMPONENT_SPECS).map((spec) => [
    spec,
    MIN_MAX_PAIRS.filter(([minKey]) => spec.props[minKey] !== undefined),
  ]),
);
/** [min, max] options the WhatsApp client renders per selection component. */
const OPTION_LIMITS: Record<string, [number, number]> = {
  CheckboxGroup: [1, 20],
  RadioButtonsGroup: [1, 20],
  Dropdown: [1, 200],
  ChipsSelector: [2, 20],
};
const ITEM_EVENTS = ["on-select-action", "on-unselect-action"];
const BASE64 = /^[A-Za-z0-9+/\r\n]+={0,2}$/;

export function checkComponents(context: ValidationContext): void {
  for (const screen of context.screens) {
    for (const component of screen.components) {
      const { node, type, path } = component;
      checkImageSizes(context, component);
      checkMinNotAboveMax(context, component);
      if (Array.isArray(node["data-source"])) checkDataSourceItems(context, component, node["data-source"]);
      if (type === "NavigationList" && Array.isArray(node["list-items"])) {
        checkNavigationListItems(context, component, node["list-items"]);
      }
      if (type === "ImageCarousel") checkCarouselSize(context, component);
      if (type === "Image") checkImageSource(context, component);
      if (type === "Form") checkFormValues(context, screen, node, path);
      if (type === "DatePicker" || type === "CalendarPicker") checkDates(context, component);
      checkFieldHints(context, component);
      checkTextLengths(context, component);
    }
  }
}

/** C6: min ≤ max for each min/max pair. */
function checkMinNotAboveMax(context: ValidationContext, component: ComponentInfo): void {
  const { node, type, path, spec } = component;
  const pairs = spec && MIN_MAX_PAIRS_BY_SPEC.get(spec);
  if (!pairs) return;
  for (const [minKey, maxKey] of pairs) {
    const min = node[minKey];
    const max = node[maxKey];
    if (typeof min === "number" && typeof max === "number" && min > max) {
      context.report.error(
        "C6",
        minKey === "min-days" ? "INVALID_MIN_MAX_DAYS" : "MIN_VALUE_GREATER_THAN_MAX",
        [...path, minKey],
        `'${minKey}' cannot be greater than '${maxKey}' for ${type} '${String(node.name ?? "")}'.`,
      );
    }
  }
}

/** C9: images or colours, actions on one level; C10: unique non-empty ids; L2: option counts. */
function checkDataSourceItems(context: ValidationContext, component: ComponentInfo, items: unknown[]): void {
  const { report } = context;
  const { node, type, path } = component;
  let hasImage = false;
  let hasColor = false;
  const seenIds = new SeenIds();
  for (let index = 0; index < items.length; index++) {
    const item = items[index];
    if (!isObj(item)) continue;
    if (item.image !== undefined) hasImage = true;
    if (item.color !== undefined) hasColor = true;
    const id = item.id;
    if (seenIds.add(id) || id === "") {
      report.warn(
        "C10",
        "PORTAL_DUPLICATE_ITEM_ID",
        [...path, "data-source", index, "id"],
        `Item id '${String(id)}' is empty or repeated; the WhatsApp client fails to render lists with duplicate or empty ids.`,
      );
    }
  }
  if (context.at("5.0") && hasImage && hasColor) {
    report.error(
      "C9",
      "DATA_SOURCE_ITEMS_HAVE_BOTH_IMAGE_AND_COLOR",
      [...path, "data-source"],
      `Data source can only have either only image attributes or only color attributes for all items for ${type} '${String(node.name)}'.`,
    );
  }
  for (const event of ITEM_EVENTS) {
    if (node[event] !== undefined && items.some((item) => isObj(item) && item[event] !== undefined)) {
      report.error(
        "C9",
        "INVALID_PROPERTY_VALUE",
        [...path, event],
        `The '${event}' property cannot be used at both the component and data-source levels; set it on the component or on the items, not both.`,
        "key",
      );
    }
  }
  const [min, max] = OPTION_LIMITS[type] ?? [1, Infinity];
  // A Dropdown with images renders at most 100 options.
  const cap = type === "Dropdown" && hasImage ? 100 : max;
  if (items.length > cap || items.length < min) {
    report.error(
      "L2",
      "PORTAL_TOO_MANY_OPTIONS",
      [...path, "data-source"],
      `${type} supports ${min}–${cap} options but has ${items.length}; the client does not render it otherwise.`,
    );
  }
}

/**
 * The ids seen so far in a list. Most lists are short: looking through a few ids costs less than filling a Set
 * for each list, which is used only beyond that.
 */
class SeenIds {
  private readonly few: unknown[] = [];
  private many: Set<unknown> | undefined;

  /** Adds `id`; returns whether it was already there. */
  add(id: unknown): boolean {
    const seen = this.many ? this.many.has(id) : this.few.includes(id);
    if (seen) return true;
    if (this.many) this.many.add(id);
    else if (this.few.push(id) > 16) this.many = new Set(this.few);
    return false;
  }
}

/** C14: one badge, on-click-action on the list or on every item, 'end' add-ons; L2: at most 20 items. */
function checkNavigationListItems(
  context: ValidationContext,
  component: ComponentInfo,
  listItems: unknown[],
): void {
  const { report } = context;
  const { node, path } = component;
  const items = listItems.filter(isObj);
  if (items.filter((item) => item.badge !== undefined).length > 1) {
    report.error(
      "C14",
      "MAX_ITEMS_REQUIRED",
      [...path, "list-items"],
      "Property 'list-items' should have at most '1' badge item.",
    );
  }
  const itemsWithAction = items.filter((item) => item["on-click-action"] !== undefined).length;
  if (node["on-click-action"] !== undefined && itemsWithAction > 0) {
    report.error(
      "C14",
      "DUPLICATE_PROPETY_FOR_CONDITION",
      [...path, "on-click-action"],
      "For the 'NavigationList' component, 'on-click-action' can only be defined at either root level or within the 'list-items', but not both.",
      "key",
    );
  } else if (node["on-click-action"] === undefined && itemsWithAction < items.length) {
    report.error(
      "C14",
      "MISSING_REQUIRED_PROPERTY",
      path,
      "Required property 'on-click-action' is missing; set it on the NavigationList or on every item.",
    );
  }
  items.forEach((item, index) => {
    if (isObj(item.end)) checkEndAddOn(context, node, item.end, [...path, "list-items", index, "end"], path);
  });
  if (items.length > 20) {
    report.error(
      "L2",
      "PORTAL_TOO_MANY_OPTIONS",
      [...path, "list-items"],
      `NavigationList supports 1–20 items but has ${items.length}; the client does not render it otherwise.`,
    );
  }
}

/** C14: an 'end' add-on has 1–2 texts and rules out large media. */
function checkEndAddOn(
  context: ValidationContext,
  list: Obj,
  end: Obj,
  endPath: ComponentInfo["path"],
  listPath: ComponentInfo["path"],
): void {
  const textCount = Object.keys(end).length;
  if (textCount < 1 || textCount > 2) {
    context.report.error(
      "C14",
      "DUPLICATE_PROPETY_FOR_CONDITION",
      endPath,
      "For the 'NavigationList' component, 'end' add-on should have at least 1 and at most 2 of 'title', 'metadata' or 'description'.",
    );
  }
  if (list["media-size"] === "large") {
    context.report.error(
      "C14",
      "INVALID_PROPERTY_VALUE_FOR_CONDITION",
      [...listPath, "media-size"],
      "Cannot set property 'media-size' to 'large' when 'end' add-on is present for component 'NavigationList'; use 'regular' or remove the 'end' add-ons.",
    );
  }
}

/** C15: an ImageCarousel shows at most 3 images. */
function checkCarouselSize(context: ValidationContext, component: ComponentInfo): void {
  const images = component.node.images;
  if (Array.isArray(images) && images.length > 3) {
    context.report.error(
      "C15",
      "PORTAL_TOO_MANY_OPTIONS",
      [...component.path, "images"],
      `ImageCarousel supports 1–3 images but has ${images.length}; remove the extra images.`,
    );
  }
}

/** C16: an Image source is base64 (or a binding / expression). */
function checkImageSource(context: ValidationContext, component: ComponentInfo): void {
  const source = component.node.src;
  if (typeof source === "string" && !isDynamicString(source) && !BASE64.test(source)) {
    context.report.error(
      "C16",
      "INVALID_PROPERTY_VALUE",
      [...component.path, "src"],
      "Image source is not in a valid base64 format; embed the image as base64 (URLs are not supported).",
    );
  }
}

/** L4: a pattern needs a helper text; L5: a hidden or disabled field cannot be required. */
function checkFieldHints(context: ValidationContext, component: ComponentInfo): void {
  const { report } = context;
  const { node, type, path } = component;
  if (type === "TextInput" && node.pattern !== undefined && node["helper-text"] === undefined) {
    report.warn(
      "L4",
      "PORTAL_PATTERN_NEEDS_HELPER",
      [...path, "pattern"],
      "TextInput with 'pattern' should have 'helper-text': it is the message shown when the value does not match.",
      "key",
    );
  }
  if (node.required === true && (node.visible === false || node.enabled === false)) {
    report.warn(
      "L5",
      "PORTAL_SOFT_VALIDATION",
      [...path, "required"],
      `${type} is required but ${node.visible === false ? "hidden" : "disabled"}, so the client does not enforce it; remove 'required' or show the field.`,
      "key",
    );
  }
}

/** L1: static texts within the documented client character limits. */
function checkTextLengths(context: ValidationContext, component: ComponentInfo): void {
  const { node, type, path, spec } = component;
  if (!spec) return;
  for (const key in node) {
    const value = node[key];
    const maxChars = spec.props[key]?.maxChars;
    if (
      maxChars !== undefined &&
      typeof value === "string" &&
      value.length > maxChars &&
      !isDynamicString(value)
    ) {
      context.report.warn(
        "L1",
        "PORTAL_TEXT_TOO_LONG",
        [...path, key],
        `${type} '${key}' has ${value.length} characters but WhatsApp shows at most ${maxChars}; shorten it.`,
      );
    }
  }
}
