import { atLeast } from "../versions";
import { isObj, type ValidationContext } from "./context";
import { checkComponentSchema } from "./schema/component-schema";
import { checkScreenSchema } from "./schema/screen-schema";
import { typeName } from "./schema/schema-helpers";

// Stage 4 of Meta's pipeline (§11.1): structure, types, enums, required and unknown keys, placement by
// container and version. If this stage reports errors, validation stops (Meta returns only schema errors).
// This file checks the top level; screens and components have their own files under schema/.

const TOP_KEYS = new Set(["version", "screens", "routing_model", "data_api_version", "data_channel_uri"]);
const HTTP_URI = /^https?:\/\/\S+$/;

export function runSchemaStage(context: ValidationContext): void {
  checkTopLevelKeys(context);
  checkRoutingModelShape(context);
  if (!checkScreensArray(context)) return;
  for (const screen of context.screens) {
    checkScreenSchema(context, screen.screen, screen.path);
    for (const component of screen.components) checkComponentSchema(context, component);
  }
}

/** T4: allowed top-level keys, data_channel_uri only before 3.0; T3: data_api_version is a string. */
function checkTopLevelKeys(context: ValidationContext): void {
  const { flow, report, version } = context;
  const channelUriRemoved = atLeast(version, "3.0");
  for (const key in flow) {
    if (key === "data_channel_uri" && channelUriRemoved) {
      report.error(
        "T4",
        "INVALID_PROPERTY_KEY",
        [key],
        `Property 'data_channel_uri' is no longer supported in Flow JSON as of version '3.0'; configure the endpoint URI through the Flows API or Builder instead.`,
        "key",
      );
    } else if (!TOP_KEYS.has(key)) {
      report.error(
        "T4",
        "INVALID_PROPERTY_KEY",
        [key],
        `Property '${key}' is not allowed; top-level keys are version, screens, routing_model and data_api_version.`,
        "key",
      );
    }
  }
  const channelUri = flow.data_channel_uri;
  if (
    channelUri !== undefined &&
    !channelUriRemoved &&
    (typeof channelUri !== "string" || !HTTP_URI.test(channelUri))
  ) {
    report.error(
      "T4",
      "INVALID_PROPERTY_VALUE_FORMAT",
      ["data_channel_uri"],
      "Property 'data_channel_uri' should be in 'uri' format, such as 'https://example.com/flow'.",
    );
  }
  if (flow.data_api_version !== undefined && typeof flow.data_api_version !== "string") {
    report.error(
      "T3",
      "INVALID_PROPERTY_TYPE",
      ["data_api_version"],
      `Expected property 'data_api_version' to be of type 'string' but found '${typeName(flow.data_api_version)}'.`,
    );
  }
}

/** R1: routing_model is an object of screen-id arrays. */
function checkRoutingModelShape(context: ValidationContext): void {
  const { flow, report } = context;
  const routingModel = flow.routing_model;
  if (routingModel === undefined) return;
  if (!isObj(routingModel)) {
    report.error(
      "R1",
      "INVALID_PROPERTY_TYPE",
      ["routing_model"],
      `Expected property 'routing_model' to be of type 'object' but found '${typeName(routingModel)}'.`,
    );
    return;
  }
  for (const screenId in routingModel) {
    const targets = routingModel[screenId];
    if (!Array.isArray(targets) || targets.some((target) => typeof target !== "string")) {
      report.error(
        "R1",
        "INVALID_PROPERTY_TYPE",
        ["routing_model", screenId],
        `Expected property '${screenId}' of routing_model to be an array of screen ids.`,
      );
    }
  }
}

/** T5: 'screens' is an array of 1–100 screens; S6: each screen is an object. Returns whether it is an array. */
function checkScreensArray(context: ValidationContext): boolean {
  const { flow, report } = context;
  const screens = flow.screens;
  if (screens === undefined) {
    report.error(
      "T5",
      "MISSING_REQUIRED_PROPERTY",
      [],
      "Required property 'screens' is missing; a Flow needs at least one screen.",
    );
    return false;
  }
  if (!Array.isArray(screens)) {
    report.error(
      "T5",
      "INVALID_PROPERTY_TYPE",
      ["screens"],
      `Expected property 'screens' to be of type 'array' but found '${typeName(screens)}'.`,
    );
    return false;
  }
  if (screens.length === 0) {
    report.error(
      "T5",
      "MIN_ITEMS_REQUIRED",
      ["screens"],
      "Property 'screens' should have at least '1' items.",
    );
  }
  if (screens.length > 100) {
    report.error(
      "T5",
      "MAX_SCREENS_NUMBER",
      ["screens"],
      `Maximum number of screens allowed per Flow is 100 but found ${screens.length}.`,
    );
  }
  for (let index = 0; index < screens.length; index++) {
    const screen: unknown = screens[index];
    if (!isObj(screen)) {
      report.error(
        "S6",
        "INVALID_PROPERTY_TYPE",
        ["screens", index],
        `Expected screen to be of type 'object' but found '${typeName(screen)}'.`,
      );
    }
  }
  return true;
}
