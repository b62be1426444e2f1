import { actionsOf, isObj, type ValidationContext } from "../context";

// Screens (S3–S14), endpoint requirements (T6, T7) and the data model (D1–D4).

export function checkScreens(context: ValidationContext): void {
  const { report, flow } = context;
  const seen = new Set<string>();
  let hasDataExchange = false;
  for (const s of context.screens) {
    if (seen.has(s.id))
      report.error(
        "S3",
        "DUPLICATE_SCREEN_IDS",
        [...s.path, "id"],
        `Duplicate screen id found: '${s.id}'; every screen needs its own id.`,
      );
    seen.add(s.id);
    if (s.id.toLowerCase() === "success")
      report.error(
        "S4",
        "SCREEN_ID_IS_RESERVED_KEYWORD",
        [...s.path, "id"],
        "Screen id cannot be 'success' since it is a reserved keyword; choose another id.",
      );
    if (s.screen.refresh_on_back === true && !context.endpointFlow)
      report.error(
        "S12",
        "INVALID_PROPERTY_VALUE",
        [...s.path, "refresh_on_back"],
        "Property 'refresh_on_back' can be true only when property 'data_api_version' is set.",
      );
    const footers = s.components.filter((component) => component.type === "Footer");
    if (s.terminal) {
      if (footers.length === 0)
        report.error(
          "S8",
          "MISSING_FOOTER_ON_TERMINAL_SCREEN",
          [...s.path, "terminal"],
          `Footer component is missing on terminal screen '${s.id}'; add a Footer whose action is 'complete'.`,
        );
      if (context.at("7.3"))
        for (const f of footers) {
          const a = f.node["on-click-action"];
          const allowed = context.endpointFlow ? ["complete", "data_exchange"] : ["complete"];
          if (isObj(a) && typeof a.name === "string" && !allowed.includes(a.name))
            report.error(
              "S9",
              "INVALID_PROPERTY_VALUE",
              [...f.path, "on-click-action", "name"],
              allowed.length === 1
                ? "Invalid value found for property 'name'. Expected 'complete' on the Footer of a terminal screen."
                : "Invalid value found for property 'name'. Expected one of: [data_exchange, complete] on the Footer of a terminal screen.",
            );
        }
      const nav = s.components.find((component) => component.type === "NavigationList");
      if (nav && context.at("6.2"))
        report.error(
          "S14",
          "INVALID_COMPONENT_PLACEMENT",
          [...nav.path, "type"],
          "NavigationList is not allowed on a terminal screen; move it to a non-terminal screen.",
        );
    }
    if (Array.isArray(s.screen.sensitive))
      for (const [index, name] of s.screen.sensitive.entries())
        if (typeof name === "string" && !s.names.has(name))
          report.error(
            "S13",
            "INVALID_SENSITIVE_FIELD",
            [...s.path, "sensitive", index],
            `No component corresponding to the sensitive field(s) '${name}' can be found in screen '${s.id}'.`,
          );
    for (const c of s.components)
      for (const { action } of actionsOf(c)) if (action.name === "data_exchange") hasDataExchange = true;
    if (s.data) checkDataModel(context, s.data, [...s.path, "data"]);
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
  if (hasDataExchange && flow.data_api_version === undefined)
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
      "The property 'routing_model' is required for property 'data_api_version'.",
      "key",
    );
}

const DATA_TYPES = ["string", "number", "integer", "boolean", "object", "array"];

function exampleMatches(type: string, ex: unknown): boolean {
  switch (type) {
    case "string":
      return typeof ex === "string";
    case "number":
      return typeof ex === "number";
    case "integer":
      return Number.isInteger(ex);
    case "boolean":
      return typeof ex === "boolean";
    case "object":
      return isObj(ex);
    case "array":
      return Array.isArray(ex);
    default:
      return true;
  }
}

function checkDataModel(
  context: ValidationContext,
  data: Record<string, unknown>,
  path: (string | number)[],
): void {
  const { report } = context;
  for (const [key, field] of Object.entries(data)) {
    const p = [...path, key];
    if (key === "required") {
      if (!Array.isArray(field))
        report.error(
          "D1",
          "INVALID_SCREEN_DATA",
          p,
          "Expected the property 'required' of the data model to be an array of field names.",
        );
      continue;
    }
    if (!isObj(field)) {
      report.error(
        "D1",
        "INVALID_SCREEN_DATA",
        p,
        `Expected data field '${key}' to be an object with 'type' and '__example__'.`,
      );
      continue;
    }
    checkSchema(context, field, p, true);
  }
  function checkSchema(
    ctx2: ValidationContext,
    field: Record<string, unknown>,
    p: (string | number)[],
    top: boolean,
  ): void {
    if (field.type === undefined)
      report.error(
        "D1",
        "INVALID_SCREEN_DATA",
        p,
        "Missing the definition of property 'type'; use one of string, number, integer, boolean, object, array.",
      );
    else if (typeof field.type !== "string")
      report.error(
        "D1",
        "INVALID_SCREEN_DATA",
        [...p, "type"],
        "Expected the property 'type' to be of type string.",
      );
    else if (!DATA_TYPES.includes(field.type))
      report.error(
        "D2",
        "INVALID_SCREEN_DATA",
        [...p, "type"],
        `Invalid data model type '${field.type}'; use one of string, number, integer, boolean, object, array.`,
      );
    if (top && !("__example__" in field))
      report.error(
        "D1",
        "MISSING_REQUIRED_PROPERTY",
        p,
        "Required property '__example__' is missing; every data field needs an example value.",
      );
    if (!top && "__example__" in field)
      report.error(
        "D4",
        "INVALID_SCREEN_DATA",
        [...p, "__example__"],
        `Property '__example__' is allowed only as a top level property of data model. Invalid entry: '${p.join(".")}'.`,
        "key",
      );
    if (
      top &&
      "__example__" in field &&
      typeof field.type === "string" &&
      !exampleMatches(field.type, field.__example__)
    )
      report.error(
        "D4",
        "INVALID_SCREEN_DATA",
        [...p, "__example__"],
        `Invalid data model schema. Expected property '__example__' to be of type ${field.type}, but found ${Array.isArray(field.__example__) ? "array" : field.__example__ === null ? "null" : typeof field.__example__}.`,
      );
    if (field.type === "array") {
      if (field.items === undefined)
        report.error("D3", "INVALID_SCREEN_DATA", p, "Missing the schema for property 'items' in array.");
      else if (typeof field.items !== "boolean" && !isObj(field.items))
        report.error(
          "D3",
          "INVALID_SCREEN_DATA",
          [...p, "items"],
          "Expected the property 'items' to be of type boolean or object.",
        );
      else if (isObj(field.items)) checkSchema(ctx2, field.items, [...p, "items"], false);
    }
    if (field.type === "object" && isObj(field.properties))
      for (const [key, sub] of Object.entries(field.properties))
        if (isObj(sub)) checkSchema(ctx2, sub, [...p, "properties", key], false);
  }
}
