import { COMPONENT_SPECS, type ComponentSpec, type Container } from "../component-specs";
import type { ComponentInfo, ValidationContext } from "../context";
import { checkProperties } from "./property-value";

// Schema checks of one component: its type and placement (C2, P1, P2), its properties (property-value.ts),
// required properties (C2) and property combinations (C5, C13).

const CONTAINER_PHRASES: Record<Container, string> = {
  top: "directly in the layout",
  form: "inside a Form",
  if: "inside an If",
  switch: "inside a Switch",
};
const PATTERN_INPUT_TYPES = ["text", "number", "password", "passcode"];

export function checkComponentSchema(context: ValidationContext, component: ComponentInfo): void {
  const { report, version } = context;
  const { node, path, type, spec } = component;
  if (node.type === undefined) {
    report.error(
      "C2",
      "MISSING_REQUIRED_TYPE_PROPERTY",
      path,
      "Required property 'type' is missing in the component; set it to a component name such as 'TextBody'.",
    );
    return;
  }
  if (!spec) {
    report.error(
      "P1",
      "INVALID_PROPERTY_VALUE",
      [...path, "type"],
      `Invalid value found for property 'type': '${String(node.type)}' is not a Flow JSON component; use one such as TextBody, TextInput or Footer.`,
    );
    return;
  }
  if (!context.at(spec.since)) {
    report.error(
      "P1",
      "UNAVAILABLE_FLOW_JSON_VERSION",
      [...path, "type"],
      `The component is not supported in Flow JSON version ${version}: ${type} is available from version ${spec.since}.`,
    );
    return;
  }
  checkPlacementInContainer(context, component, spec);
  checkProperties(context, component, spec);
  checkRequiredProperties(context, component, spec);
  if (type === "Footer") checkFooterCaptions(context, component);
  if (type === "TextInput") checkPatternInputType(context, component);
}

/** Where a component may sit in this version, as a phrase: "directly in the layout and inside a Form". */
function allowedPlaces(context: ValidationContext, spec: ComponentSpec): string {
  const places = (Object.keys(spec.containers) as Container[])
    .filter((container) => context.at(spec.containers[container]!))
    .map((container) => CONTAINER_PHRASES[container]);
  return places.length > 1
    ? `${places.slice(0, -1).join(", ")} and ${places.at(-1)}`
    : (places[0] ?? "nowhere");
}

/** P1, P2: the component may sit in its container in this version (inputs outside a Form only from 4.0). */
function checkPlacementInContainer(
  context: ValidationContext,
  component: ComponentInfo,
  spec: ComponentSpec,
): void {
  const { report } = context;
  const { path, type, container } = component;
  const allowedFrom = spec.containers[container];
  const where = CONTAINER_PHRASES[container];
  if (allowedFrom === undefined) {
    report.error(
      "P1",
      "INVALID_PROPERTY_VALUE",
      [...path, "type"],
      `Invalid value found for property 'type': ${type} is not allowed ${where}; it is allowed ${allowedPlaces(context, spec)}.`,
    );
  } else if (!context.at(allowedFrom)) {
    if (container === "top" && spec.input) {
      report.error(
        "P2",
        "KEYWORD_ONE_OF",
        [...path, "type"],
        `Property '${type}' must be defined inside parent property 'Form' (Form is optional only from Flow JSON 4.0).`,
      );
    } else {
      report.error(
        "P1",
        "INVALID_PROPERTY_VALUE",
        [...path, "type"],
        `Invalid value found for property 'type': ${type} is allowed ${where} only from Flow JSON version ${allowedFrom}.`,
      );
    }
  }
}

/** C2: required properties, some of them required only from a given version. */
function checkRequiredProperties(
  context: ValidationContext,
  component: ComponentInfo,
  spec: ComponentSpec,
): void {
  const { node, path, type } = component;
  for (const { key, from } of REQUIRED_PROPERTIES.get(spec)!) {
    if (node[key] === undefined && (from === undefined || context.at(from))) {
      context.report.error(
        "C2",
        "MISSING_REQUIRED_PROPERTY",
        path,
        `Required property '${key}' is missing in '${type}' component.`,
      );
    }
  }
}

/** The required properties of each component type, in spec order; `from`: required only from that version. */
const REQUIRED_PROPERTIES = new Map<ComponentSpec, { key: string; from?: string }[]>(
  Object.values(COMPONENT_SPECS).map((spec) => [
    spec,
    Object.entries(spec.props).flatMap(([key, property]) => {
      if (property.required === true) return [{ key }];
      return typeof property.required === "string" ? [{ key, from: property.required }] : [];
    }),
  ]),
);

/** C5: Footer has either a center caption or both left and right captions. */
function checkFooterCaptions(context: ValidationContext, component: ComponentInfo): void {
  const { node, path } = component;
  const hasLeft = node["left-caption"] !== undefined;
  const hasRight = node["right-caption"] !== undefined;
  const hasCenter = node["center-caption"] !== undefined;
  if (hasCenter && (hasLeft || hasRight)) {
    context.report.error(
      "C5",
      "NOT_KEYWORD_SCHEMA_VALIDATION_FAILED",
      [...path, "center-caption"],
      "Properties 'center-caption' and [left-caption, right-caption] exclude each other at Footer; use either 'center-caption' or both side captions.",
      "key",
    );
  } else if (hasLeft !== hasRight) {
    const present = hasLeft ? "left-caption" : "right-caption";
    const missing = hasLeft ? "right-caption" : "left-caption";
    context.report.error(
      "C5",
      "INVALID_DEPENDENCIES",
      [...path, present],
      `Footer should have property ${missing} when property ${present} is present.`,
      "key",
    );
  }
}

/** C13: a TextInput 'pattern' only goes with a text-like input-type. */
function checkPatternInputType(context: ValidationContext, component: ComponentInfo): void {
  const { node, path } = component;
  const inputType = node["input-type"];
  if (
    node.pattern !== undefined &&
    inputType !== undefined &&
    !PATTERN_INPUT_TYPES.includes(String(inputType))
  ) {
    context.report.error(
      "C13",
      "INVALID_DEPENDENCIES",
      [...path, "pattern"],
      "Property 'pattern' is only allowed with input-type text, number, password or passcode.",
      "key",
    );
  }
}
