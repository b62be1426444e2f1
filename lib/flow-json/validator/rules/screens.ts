import type { JsonPath } from "../../json/path";
import { hasDataExchange, isObj, type Obj, type ScreenInfo, type ValidationContext } from "../context";

// Screens (S3–S14), endpoint requirements (T6, T7) and the data model (D1–D4).

export function checkScreens(context: ValidationContext): void {
  const { report, flow } = context;
  const seenIds = new Set<string>();
  let usesDataExchange = false;
  for (const screen of context.screens) {
    checkScreenId(context, screen, seenIds);
    if (screen.screen.refresh_on_back === true && !context.endpointFlow)
      report.error(
        "S12",
        "INVALID_PROPERTY_VALUE",
        [...screen.path, "refresh_on_back"],
        "Property 'refresh_on_back' can be true only when property 'data_api_version' is set.",
      );
    if (screen.terminal) checkTerminalScreen(context, screen);
    checkSensitiveNames(context, screen);
    if (!usesDataExchange) usesDataExchange = hasDataExchange(screen);
    if (screen.data) checkDataModel(context, screen.data, [...screen.path, "data"]);
  }
  const terminals = context.screens.filter((screen) => screen.terminal);
  if (context.screens.length > 0 && terminals.length === 0)
    report.error(
      "S7",
      "MISSING_TERMINAL_SCREEN",
      ["screens"],
      "Terminal screen is required but not provided; set 'terminal': true on the last screen.",
    );
  if (terminals.length > 0 && terminals.every((screen) => screen.screen.success === false))
    report.error(
      "S11",
      "INVALID_PROPERTY_VALUE",
      [...terminals[0]!.path, "success"],
      "At least one terminal screen must have property 'success' set as true.",
    );
  if (usesDataExchange && flow.data_api_version === undefined)
    report.error(
      "T6",
      "MISSING_REQUIRED_PROPERTY",
      [],
      'The property \'data_api_version\' is required for data_exchange action; add "data_api_version": "3.0".',
    );
  if (flow.data_api_version !== undefined && flow.routing_model === undefined)
    report.error(
      "T7",
      "MISSING_REQUIRED_PROPERTY",
      ["data_api_version"],
      "The property 'routing_model' is required for property 'data_api_version'; add a routing_model, or remove data_api_version if the Flow uses no endpoint.",
      "key",
    );
}

/** S3: ids are unique; S4: 'success' is reserved. */
function checkScreenId(context: ValidationContext, screen: ScreenInfo, seenIds: Set<string>): void {
  if (seenIds.has(screen.id))
    context.report.error(
      "S3",
      "DUPLICATE_SCREEN_IDS",
      [...screen.path, "id"],
      `Duplicate screen id found: '${screen.id}'; every screen needs its own id.`,
    );
  seenIds.add(screen.id);
  if (screen.id.toLowerCase() === "success")
    context.report.error(
      "S4",
      "SCREEN_ID_IS_RESERVED_KEYWORD",
      [...screen.path, "id"],
      "Screen id cannot be 'success' since it is a reserved keyword; choose another id.",
    );
}

/** S8: a terminal screen has a Footer; S9: whose action completes (7.3); S14: no NavigationList (6.2). */
function checkTerminalScreen(context: ValidationContext, screen: ScreenInfo): void {
  const { report } = context;
  const footers = screen.components.filter((component) => component.type === "Footer");
  if (footers.length === 0)
    report.error(
      "S8",
      "MISSING_FOOTER_ON_TERMINAL_SCREEN",
      [...screen.path, "terminal"],
      `Footer component is missing on terminal screen '${screen.id}'; add a Footer whose action is 'complete'.`,
    );
  if (context.at("7.3")) {
    // An endpoint Flow may also end with data_exchange (the endpoint answers with the final screen).
    const allowed = context.endpointFlow ? ["complete", "data_exchange"] : ["complete"];
    for (const footer of footers) {
      const action = footer.node["on-click-action"];
      if (isObj(action) && typeof action.name === "string" && !allowed.includes(action.name))
        report.error(
          "S9",
          "INVALID_PROPERTY_VALUE",
          [...footer.path, "on-click-action", "name"],
          allowed.length === 1
            ? "Invalid value found for property 'name': the Footer of a terminal screen must use 'complete'."
            : "Invalid value found for property 'name': the Footer of a terminal screen must use one of: [data_exchange, complete].",
        );
    }
  }
  const navigationList = screen.components.find((component) => component.type === "NavigationList");
  if (navigationList && context.at("6.2"))
    report.error(
      "S14",
      "INVALID_COMPONENT_PLACEMENT",
      [...navigationList.path, "type"],
      "NavigationList is not allowed on a terminal screen; move it to a non-terminal screen.",
    );
}

/** S13: every name in 'sensitive' is a component on the screen. */
function checkSensitiveNames(context: ValidationContext, screen: ScreenInfo): void {
  const sensitive = screen.screen.sensitive;
  if (!Array.isArray(sensitive)) return;
  for (let index = 0; index < sensitive.length; index++) {
    const name: unknown = sensitive[index];
    if (typeof name === "string" && !screen.names.has(name))
      context.report.error(
        "S13",
        "INVALID_SENSITIVE_FIELD",
        [...screen.path, "sensitive", index],
        `No component corresponding to the sensitive field(s) '${name}' can be found in screen '${screen.id}'; list only names of components on this screen.`,
      );
  }
}

const DATA_TYPES = ["string", "number", "integer", "boolean", "object", "array"];

function exampleMatches(type: string, example: unknown): boolean {
  switch (type) {
    case "string":
      return typeof example === "string";
    case "number":
      return typeof example === "number";
    case "integer":
      return Number.isInteger(example);
    case "boolean":
      return typeof example === "boolean";
    case "object":
      return isObj(example);
    case "array":
      return Array.isArray(example);
    default:
      return true;
  }
}

/** D1: the data model maps field names to schemas ('required' lists names). */
function checkDataModel(context: ValidationContext, data: Obj, path: JsonPath): void {
  const { report } = context;
  for (const key in data) {
    const field = data[key];
    const fieldPath = [...path, key];
    if (key === "required") {
      if (!Array.isArray(field))
        report.error(
          "D1",
          "INVALID_SCREEN_DATA",
          fieldPath,
          "Expected the property 'required' of the data model to be an array of field names.",
        );
      continue;
    }
    if (!isObj(field)) {
      report.error(
        "D1",
        "INVALID_SCREEN_DATA",
        fieldPath,
        `Expected data field '${key}' to be an object with 'type' and '__example__'.`,
      );
      continue;
    }
    checkFieldSchema(context, field, fieldPath, true);
  }
}

/**
 * D1–D4: one field schema: a known type (D1, D2), an example of that type on top-level fields only (D1, D4),
 * and the schemas of array items (D3) and object properties, checked the same way.
 */
function checkFieldSchema(context: ValidationContext, field: Obj, path: JsonPath, topLevel: boolean): void {
  const { report } = context;
  if (field.type === undefined)
    report.error(
      "D1",
      "INVALID_SCREEN_DATA",
      path,
      "Missing the definition of property 'type'; use one of string, number, integer, boolean, object, array.",
    );
  else if (typeof field.type !== "string")
    report.error(
      "D1",
      "INVALID_SCREEN_DATA",
      [...path, "type"],
      "Expected the property 'type' to be of type string; use one of string, number, integer, boolean, object, array.",
    );
  else if (!DATA_TYPES.includes(field.type))
    report.error(
      "D2",
      "INVALID_SCREEN_DATA",
      [...path, "type"],
      `Invalid data model type '${field.type}'; use one of string, number, integer, boolean, object, array.`,
    );
  const hasExample = "__example__" in field;
  if (topLevel && !hasExample)
    report.error(
      "D1",
      "MISSING_REQUIRED_PROPERTY",
      path,
      "Required property '__example__' is missing; every data field needs an example value.",
    );
  if (!topLevel && hasExample)
    report.error(
      "D4",
      "INVALID_SCREEN_DATA",
      [...path, "__example__"],
      `Property '__example__' is allowed only on top-level fields of the data model, not at '${path.join(".")}'; remove it there.`,
      "key",
    );
  if (
    topLevel &&
    hasExample &&
    typeof field.type === "string" &&
    !exampleMatches(field.type, field.__example__)
  )
    report.error(
      "D4",
      "INVALID_SCREEN_DATA",
      [...path, "__example__"],
      `Expected property '__example__' to be of type ${field.type}, like the field's 'type', but found ${Array.isArray(field.__example__) ? "array" : field.__example__ === null ? "null" : typeof field.__example__}.`,
    );
  if (field.type === "array") {
    if (field.items === undefined)
      report.error(
        "D3",
        "INVALID_SCREEN_DATA",
        path,
        'Missing the schema for property \'items\' in array; describe the items, such as {"type": "object", "properties": {…}}.',
      );
    else if (typeof field.items !== "boolean" && !isObj(field.items))
      report.error(
        "D3",
        "INVALID_SCREEN_DATA",
        [...path, "items"],
        "Expected the property 'items' to be of type boolean or object.",
      );
    else if (isObj(field.items)) checkFieldSchema(context, field.items, [...path, "items"], false);
  }
  if (field.type === "object" && isObj(field.properties))
    for (const key in field.properties) {
      const property = field.properties[key];
      if (isObj(property)) checkFieldSchema(context, property, [...path, "properties", key], false);
    }
}
