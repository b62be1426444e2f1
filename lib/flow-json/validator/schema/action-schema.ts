import type { JsonPath } from "../../json/path";
import { atLeast } from "../../versions";
import { allowedActions } from "../component-specs";
import { isObj, type ComponentInfo, type ValidationContext } from "../context";
import { checkClosedObject, isDynamicFor, objectShape, typeName } from "./schema-helpers";

// A1, A2: the shape of an action object (allowed keys, a known name for the event, next/url/payload).

const CLICK_KEYS_BEFORE_6 = ["name", "next", "payload"];
const CLICK_KEYS_FROM_6 = ["name", "next", "payload", "url"];
const SELECT_KEYS = ["name", "payload"];
const URI = /^[a-z][a-z0-9+.-]*:\S+$/i;
const NEXT_SHAPE = objectShape({ type: true, name: true });

/** `onItem`: the action sits on a data-source item (only update_data is allowed there). */
export function checkActionSchema(
  context: ValidationContext,
  component: ComponentInfo,
  event: string,
  action: unknown,
  path: JsonPath,
  onItem: boolean,
): void {
  const { report, version } = context;
  if (!isObj(action)) {
    report.error(
      "A2",
      "INVALID_PROPERTY_TYPE",
      path,
      `Expected property '${event}' to be of type 'object' but found '${typeName(action)}'.`,
    );
    return;
  }
  const isClick = event === "on-click-action";
  const allowedKeys = isClick ? (context.at("6.0") ? CLICK_KEYS_FROM_6 : CLICK_KEYS_BEFORE_6) : SELECT_KEYS;
  for (const key in action) {
    if (!allowedKeys.includes(key)) {
      report.error(
        "A2",
        "INVALID_PROPERTY_KEY",
        [...path, key],
        `Property '${key}' is not allowed in '${event}'; allowed are ${allowedKeys.join(", ")}.`,
        "key",
      );
    }
  }
  const allowedNames = allowedActions(component.type, event, version, atLeast, onItem);
  if (action.name === undefined) {
    report.error(
      "A2",
      "MISSING_REQUIRED_PROPERTY",
      path,
      `Required property 'name' is missing in '${event}'; set it to one of: [${allowedNames.join(", ")}].`,
    );
    return;
  }
  if (typeof action.name !== "string" || !allowedNames.includes(action.name)) {
    report.error(
      "A1",
      "INVALID_ENUM_VALUE",
      [...path, "name"],
      `Action ${JSON.stringify(action.name)} is not allowed in '${event}' of ${component.type}; use one of: [${allowedNames.join(", ")}].`,
    );
    return;
  }
  if (!isClick && action.payload === undefined) {
    report.error(
      "A2",
      "MISSING_REQUIRED_PROPERTY",
      path,
      `Required property 'payload' is missing in '${event}'; add a payload object (it may be empty).`,
    );
  }
  if (action.payload !== undefined && !isObj(action.payload)) {
    report.error(
      "A2",
      "INVALID_PROPERTY_TYPE",
      [...path, "payload"],
      `Expected property 'payload' to be of type 'object' but found '${typeName(action.payload)}'.`,
    );
  }
  if (!isClick) return;
  checkNavigateTarget(context, action, path);
  checkOpenUrl(context, action, path);
}

/** A2: navigate needs next: {type: "screen", name}; other click actions must not have next. */
function checkNavigateTarget(
  context: ValidationContext,
  action: Record<string, unknown>,
  path: JsonPath,
): void {
  const { report } = context;
  const next = action.next;
  if (action.name !== "navigate") {
    if (next !== undefined) {
      report.error(
        "A2",
        "NOT_KEYWORD_SCHEMA_VALIDATION_FAILED",
        [...path, "next"],
        `Property 'next' cannot be specified at on-click-action '${String(action.name)}'; only navigate takes 'next'.`,
        "key",
      );
    }
    return;
  }
  if (next === undefined) {
    report.error(
      "A2",
      "MISSING_REQUIRED_PROPERTY",
      path,
      "Required property 'next' is missing; a navigate action needs next: {type: 'screen', name: '<SCREEN_ID>'}.",
    );
    return;
  }
  if (!checkClosedObject(report, next, [...path, "next"], "'next'", NEXT_SHAPE)) return;
  if (next.type !== undefined && next.type !== "screen") {
    report.error(
      "A2",
      "INVALID_ENUM_VALUE",
      [...path, "next", "type"],
      "Invalid value found for property 'type' of 'next'; use 'screen'.",
    );
  }
  if (next.name !== undefined && typeof next.name !== "string") {
    report.error(
      "A2",
      "INVALID_PROPERTY_TYPE",
      [...path, "next", "name"],
      `Expected property 'name' to be of type 'string' but found '${typeName(next.name)}'.`,
    );
  }
}

/** A2: open_url needs a URI (or a binding) and no payload; other click actions must not have url. */
function checkOpenUrl(context: ValidationContext, action: Record<string, unknown>, path: JsonPath): void {
  const { report } = context;
  if (action.name !== "open_url") {
    if (action.url !== undefined) {
      report.error(
        "A2",
        "NOT_KEYWORD_SCHEMA_VALIDATION_FAILED",
        [...path, "url"],
        `Property 'url' cannot be specified at on-click-action '${String(action.name)}'; only open_url takes 'url'.`,
        "key",
      );
    }
    return;
  }
  const url = action.url;
  if (url === undefined) {
    report.error(
      "A2",
      "MISSING_REQUIRED_PROPERTY",
      path,
      "Required property 'url' is missing; an open_url action needs a URL such as 'https://example.com'.",
    );
  } else if (typeof url !== "string" || !(URI.test(url) || isDynamicFor(url, context))) {
    report.error(
      "A2",
      "INVALID_PROPERTY_VALUE_FORMAT",
      [...path, "url"],
      "Property 'url' should be in 'uri' format, such as 'https://example.com' (or a binding).",
    );
  }
  if (action.payload !== undefined) {
    report.error(
      "A2",
      "NOT_KEYWORD_SCHEMA_VALIDATION_FAILED",
      [...path, "payload"],
      "Property 'payload' cannot be specified at on-click-action 'open_url'; open_url takes only 'url'.",
      "key",
    );
  }
}
