import { COMPONENT_SPECS } from "../component-specs";
import type { JsonPath } from "../../json/path";
import { isObj, type ComponentInfo, type Ctx, type ScreenInfo } from "../context";
import { checkDates } from "./dates";

// Component semantics beyond the schema (C6, C9–C12, C14, C16, C17) and documented limits (L1–L5).

const MIN_MAX: [string, string][] = [
  ["min-chars", "max-chars"],
  ["min-selected-items", "max-selected-items"],
  ["min-uploaded-photos", "max-uploaded-photos"],
  ["min-uploaded-documents", "max-uploaded-documents"],
  ["min-days", "max-days"],
];
const OPTION_LIMITS: Record<string, [number, number]> = {
  CheckboxGroup: [1, 20],
  RadioButtonsGroup: [1, 20],
  Dropdown: [1, 200],
  ChipsSelector: [2, 20],
};
const BASE64 = /^[A-Za-z0-9+/\r\n]+={0,2}$/;

export function checkComponents(ctx: Ctx): void {
  const { report } = ctx;
  for (const s of ctx.screens)
    for (const info of s.components) {
      const { c, type, path } = info;
      checkImageSizes(ctx, s, type, c, path);
      for (const [lo, hi] of MIN_MAX)
        if (typeof c[lo] === "number" && typeof c[hi] === "number" && (c[lo] as number) > (c[hi] as number))
          report.error(
            "C6",
            lo === "min-days" ? "INVALID_MIN_MAX_DAYS" : "MIN_VALUE_GREATER_THAN_MAX",
            [...path, lo],
            `'${lo}' cannot be greater than '${hi}' for ${type} '${String(c.name ?? "")}'.`,
          );
      const items = c["data-source"];
      if (Array.isArray(items)) {
        const objs = items.filter(isObj);
        if (
          ctx.at("5.0") &&
          objs.some((i) => i.image !== undefined) &&
          objs.some((i) => i.color !== undefined)
        )
          report.error(
            "C9",
            "DATA_SOURCE_ITEMS_HAVE_BOTH_IMAGE_AND_COLOR",
            [...path, "data-source"],
            `Data source can only have either only image attributes or only color attributes for all items for ${type} '${String(c.name)}'.`,
          );
        for (const ev of ["on-select-action", "on-unselect-action"])
          if (c[ev] !== undefined && objs.some((i) => i[ev] !== undefined))
            report.error(
              "C9",
              "INVALID_PROPERTY_VALUE",
              [...path, ev],
              `The '${ev}' property cannot be used at both the component and data-source levels.`,
              "key",
            );
        const ids = new Set<unknown>();
        objs.forEach((i, k) => {
          if (ids.has(i.id) || i.id === "")
            report.warn(
              "C10",
              "PORTAL_DUPLICATE_ITEM_ID",
              [...path, "data-source", k, "id"],
              `Item id '${String(i.id)}' is empty or repeated; the WhatsApp client fails to render lists with duplicate or empty ids.`,
            );
          ids.add(i.id);
        });
        const [min, max] = OPTION_LIMITS[type] ?? [1, Infinity];
        const cap = type === "Dropdown" && objs.some((i) => i.image !== undefined) ? 100 : max;
        if (items.length > cap || items.length < min)
          report.error(
            "L2",
            "PORTAL_TOO_MANY_OPTIONS",
            [...path, "data-source"],
            `${type} supports ${min}–${cap} options but has ${items.length}; the client does not render it otherwise.`,
          );
      }
      if (type === "NavigationList" && Array.isArray(c["list-items"])) {
        const list = c["list-items"].filter(isObj);
        if (list.filter((i) => i.badge !== undefined).length > 1)
          report.error(
            "C14",
            "MAX_ITEMS_REQUIRED",
            [...path, "list-items"],
            "Property 'list-items' should have at most '1' badge item.",
          );
        const withAction = list.filter((i) => i["on-click-action"] !== undefined).length;
        if (c["on-click-action"] !== undefined && withAction > 0)
          report.error(
            "C14",
            "DUPLICATE_PROPETY_FOR_CONDITION",
            [...path, "on-click-action"],
            "For the 'NavigationList' component, 'on-click-action' can only be defined at either root level or within the 'list-items', but not both.",
            "key",
          );
        else if (c["on-click-action"] === undefined && withAction < list.length)
          report.error(
            "C14",
            "MISSING_REQUIRED_PROPERTY",
            path,
            "Required property 'on-click-action' is missing; set it on the NavigationList or on every item.",
          );
        list.forEach((i, k) => {
          if (isObj(i.end)) {
            const n = Object.keys(i.end).length;
            if (n < 1 || n > 2)
              report.error(
                "C14",
                "DUPLICATE_PROPETY_FOR_CONDITION",
                [...path, "list-items", k, "end"],
                "For the 'NavigationList' component, 'end' add-on should have at least 1 and at most 2 of 'title', 'metadata' or 'description.'",
              );
            if (c["media-size"] === "large")
              report.error(
                "C14",
                "INVALID_PROPERTY_VALUE_FOR_CONDITION",
                [...path, "media-size"],
                "Cannot set property 'media-size' to 'large' when 'end' add-on is present for component 'NavigationList'.",
              );
          }
        });
        if (list.length > 20)
          report.error(
            "L2",
            "PORTAL_TOO_MANY_OPTIONS",
            [...path, "list-items"],
            `NavigationList supports 1–20 items but has ${list.length}; the client does not render it otherwise.`,
          );
      }
      if (type === "ImageCarousel" && Array.isArray(c.images) && c.images.length > 3)
        report.error(
          "C15",
          "PORTAL_TOO_MANY_OPTIONS",
          [...path, "images"],
          `ImageCarousel supports 1–3 images but has ${c.images.length}.`,
        );
      if (
        type === "Image" &&
        typeof c.src === "string" &&
        !c.src.startsWith("${") &&
        !c.src.startsWith("`") &&
        !BASE64.test(c.src)
      )
        report.error(
          "C16",
          "INVALID_PROPERTY_VALUE",
          [...path, "src"],
          "Image source is not in a valid base64 format; embed the image as base64 (URLs are not supported).",
        );
      if (type === "Form") checkFormValues(ctx, s, c, path);
      if (type === "DatePicker" || type === "CalendarPicker") checkDates(ctx, info);
      if (type === "TextInput" && c.pattern !== undefined && c["helper-text"] === undefined)
        report.warn(
          "L4",
          "PORTAL_PATTERN_NEEDS_HELPER",
          [...path, "pattern"],
          "TextInput with 'pattern' should have 'helper-text': it is the message shown when the value does not match.",
          "key",
        );
      if (c.required === true && (c.visible === false || c.enabled === false))
        report.warn(
          "L5",
          "PORTAL_SOFT_VALIDATION",
          [...path, "required"],
          `${type} is required but ${c.visible === false ? "hidden" : "disabled"}, so the client does not enforce it; remove 'required' or show the field.`,
          "key",
        );
      const props = COMPONENT_SPECS[type]?.props;
      if (props)
        for (const key in c) {
          const v = c[key];
          const p = props[key];
          if (
            p?.maxChars !== undefined &&
            typeof v === "string" &&
            v.length > p.maxChars &&
            !v.startsWith("${") &&
            !v.startsWith("`")
          )
            report.warn(
              "L1",
              "PORTAL_TEXT_TOO_LONG",
              [...path, key],
              `${type} '${key}' has ${v.length} characters but WhatsApp shows at most ${p.maxChars}; shorten it.`,
            );
        }
    }
}

const PICKERS = new Set(["PhotoPicker", "DocumentPicker"]);
const isDynamic = (v: unknown): boolean => typeof v === "string" && (v.startsWith("${") || v.startsWith("`"));

/** The JSON type a component's value has in Form init-values (§8.21); null = not settable there. */
function initValueType(target: ComponentInfo): string | null {
  switch (target.type) {
    case "CheckboxGroup":
    case "ChipsSelector":
      return "array";
    case "OptIn":
      return "boolean";
    case "CalendarPicker":
      return target.c.mode === "range" ? "object" : "string";
    case "TextInput":
    case "TextArea":
    case "RadioButtonsGroup":
    case "Dropdown":
    case "DatePicker":
      return "string";
    default:
      return null;
  }
}
const jsonType = (v: unknown): string => (Array.isArray(v) ? "array" : v === null ? "null" : typeof v);

/** C17: Form init-values / error-messages: no pickers in init-values; from 7.0 keys and value types are checked. */
function checkFormValues(ctx: Ctx, s: ScreenInfo, c: Record<string, unknown>, path: JsonPath): void {
  const { report } = ctx;
  const typed = ctx.at("7.0");
  for (const prop of ["init-values", "error-messages"] as const) {
    const values = c[prop];
    if (!isObj(values)) continue;
    for (const k of Object.keys(values)) {
      const target = s.names.get(k);
      const v = values[k];
      if (prop === "init-values" && target && PICKERS.has(target.type)) {
        report.error(
          "C17",
          "NATIVE_COMPONENT_IN_FORM_INIT_VALUES",
          [...path, prop, k],
          "Property 'init-values' should not contain value for components: [PhotoPicker, DocumentPicker].",
          "key",
        );
        continue;
      }
      if (!typed) continue;
      if (!target || target.type === "Form" || !COMPONENT_SPECS[target.type]?.input) {
        report.error(
          "C17",
          "INVALID_PROPERTY_VALUE",
          [...path, prop, k],
          `The property '${k}' is declared but not used in the ${prop}: no input component named '${k}' is on screen '${s.id}'.`,
          "key",
        );
        continue;
      }
      if (isDynamic(v)) continue;
      let want: string[];
      if (prop === "init-values") want = [initValueType(target) ?? "string"];
      else
        want =
          PICKERS.has(target.type) || (target.type === "CalendarPicker" && target.c.mode === "range")
            ? ["string", "object"]
            : ["string"];
      const got = jsonType(v);
      const okArray = want[0] === "array" && Array.isArray(v) && v.every((x) => typeof x === "string");
      if (!want.includes(got) || (want[0] === "array" && !okArray))
        report.error(
          "C17",
          "INVALID_TYPE",
          [...path, prop, k],
          `The value of property '${k}' of component '${target.type}' must be of type '${want[0] === "array" ? "array of strings" : want.join("' or '")}', but found '${got}'.`,
        );
    }
  }
}

/** Decoded size in KB of base64 text (padding and line breaks ignored). */
const base64Kb = (s: string): number => (s.replace(/[\s=]/g, "").length * 3) / 4 / 1024;

/** L3: image sizes (§7.3, §8.14, §8.16): list images are errors (the client does not render them), others warnings. */
function checkImageSizes(
  ctx: Ctx,
  s: ScreenInfo,
  type: string,
  c: Record<string, unknown>,
  path: JsonPath,
): void {
  const { report } = ctx;
  const listMax = ctx.at("6.0") ? 100 : 300;
  const items = c["data-source"];
  if (Array.isArray(items))
    items.forEach((item, k) => {
      if (
        isObj(item) &&
        typeof item.image === "string" &&
        !isDynamic(item.image) &&
        item.image.length > listMax * 1024 * 1.3
      ) {
        const kb = base64Kb(item.image);
        if (kb > listMax)
          report.error(
            "L3",
            "PORTAL_IMAGE_TOO_LARGE",
            [...path, "data-source", k, "image"],
            `The image of this ${type} item is ${Math.round(kb)} KB but list images may be at most ${listMax} KB in Flow JSON ${ctx.version}; compress it.`,
          );
      }
    });
  const list = c["list-items"];
  if (Array.isArray(list))
    list.forEach((item, k) => {
      const img = isObj(item) && isObj(item.start) ? item.start.image : undefined;
      if (typeof img === "string" && !isDynamic(img) && img.length > 100 * 1024 * 1.3 && base64Kb(img) > 100)
        report.error(
          "L3",
          "PORTAL_IMAGE_TOO_LARGE",
          [...path, "list-items", k, "start", "image"],
          `The start image of this NavigationList item is ${Math.round(base64Kb(img))} KB but may be at most 100 KB; compress it.`,
        );
    });
  const srcs: [string, (string | number)[]][] = [];
  if (type === "Image" && typeof c.src === "string") srcs.push([c.src, [...path, "src"]]);
  if (type === "ImageCarousel" && Array.isArray(c.images))
    c.images.forEach(
      (img, k) =>
        isObj(img) && typeof img.src === "string" && srcs.push([img.src, [...path, "images", k, "src"]]),
    );
  for (const [src, p] of srcs)
    if (!isDynamic(src) && src.length > 300 * 1024 * 1.3 && base64Kb(src) > 300)
      report.warn(
        "L3",
        "PORTAL_IMAGE_TOO_LARGE",
        p,
        `This image is ${Math.round(base64Kb(src))} KB; WhatsApp recommends at most 300 KB per image (and 1 MB for the whole screen), so compress it.`,
      );
  void s;
}
