import { atLeast } from "../../versions";
import type { PathSegment } from "../../json/path";
import { COMPONENT_SPECS, type ComponentSpec, type Container, type PropSpec } from "../component-specs";
import type { ComponentInfo, ValidationContext } from "../context";
import { checkPropertyValue } from "./property-value";

// Schema checks of one component: its type and placement (C2, P1, P2), its keys (C1, P4), each property value
// (property-value.ts), required properties (C2) and property combinations (C5, C13).

const CONTAINER_PHRASES: Record<Container, string> = {
  top: "directly in the layout",
  form: "inside a Form",
  if: "inside an If",
  switch: "inside a Switch",
};
const PATTERN_INPUT_TYPES = ["text", "number", "password", "passcode"];

export function checkComponentSchema(context: ValidationContext, component: ComponentInfo): void {
  const { report, version } = context;
  const { node, path, type } = component;
  if (node.type === undefined) {
    report.error(
      "C2",
      "MISSING_REQUIRED_TYPE_PROPERTY",
      path,
      "Required property 'type' is missing in the component.",
    );
    return;
  }
  const spec = COMPONENT_SPECS[type];
  if (!spec) {
    report.error(
      "P1",
      "INVALID_PROPERTY_VALUE",
      [...path, "type"],
      `Invalid value found for property 'type'. '${String(node.type)}' is not a Flow JSON component.`,
    );
    return;
  }
  if (!atLeast(version, spec.since)) {
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

/** P1, P2: the component may sit in its container in this version (inputs outside a Form only from 4.0). */
function checkPlacementInContainer(
  context: ValidationContext,
  component: ComponentInfo,
  spec: ComponentSpec,
): void {
  const { report, version } = context;
  const { path, type, container } = component;
  const allowedFrom = spec.containers[container];
  const where = CONTAINER_PHRASES[container];
  if (allowedFrom === undefined) {
    report.error(
      "P1",
      "INVALID_PROPERTY_VALUE",
      [...path, "type"],
      `Invalid value found for property 'type': ${type} is not allowed ${where}.`,
    );
  } else if (!atLeast(version, allowedFrom)) {
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

/** C1, P4: every key is a known property of the type in this version and container; then its value. */
function checkProperties(context: ValidationContext, component: ComponentInfo, spec: ComponentSpec): void {
  const { report, version } = context;
  const { node, path, type } = component;
  // One mutable path for the whole component: values push their key, and the Reporter copies it only on a finding.
  const propertyPath: PathSegment[] = path.slice();
  for (const key in node) {
    if (key === "type") continue;
    const propertySpec = spec.props[key];
    if (!propertySpec) {
      report.error(
        "C1",
        "INVALID_PROPERTY_KEY",
        [...path, key],
        `Property '${key}' is not allowed in '${type}' component.`,
        "key",
      );
      continue;
    }
    if (propertySpec.since && !atLeast(version, propertySpec.since)) {
      report.error(
        "C1",
        "INVALID_PROPERTY_KEY",
        [...path, key],
        `Property '${key}' is not allowed in '${type}' component before Flow JSON version ${propertySpec.since}.`,
        "key",
      );
      continue;
    }
    if (propertySpec.outsideFormOnly && component.inForm) {
      report.error(
        "P4",
        "INVALID_PROPERTY_KEY",
        [...path, key],
        `Property '${key}' is not allowed in '${type}' component inside a Form; use the Form's '${key === "init-value" ? "init-values" : "error-messages"}' instead.`,
        "key",
      );
      continue;
    }
    if (propertySpec.outsideFormOnly && !atLeast(version, "4.0")) {
      report.error(
        "P4",
        "INVALID_PROPERTY_KEY",
        [...path, key],
        `Property '${key}' is not allowed in '${type}' component before Flow JSON version 4.0.`,
        "key",
      );
      continue;
    }
    propertyPath.push(key);
    checkPropertyValue(context, component, key, node[key], propertySpec, propertyPath);
    propertyPath.pop();
  }
}

/** C2: required properties, some of them required only from a given version. */
function checkRequiredProperties(
  context: ValidationContext,
  component: ComponentInfo,
  spec: ComponentSpec,
): void {
  const { node, path, type } = component;
  for (const key of requiredProperties(type, spec.props, context.version)) {
    if (node[key] === undefined) {
      context.report.error(
        "C2",
        "MISSING_REQUIRED_PROPERTY",
        path,
        `Required property '${key}' is missing in '${type}' component.`,
      );
    }
  }
}

const requiredByVersion = new Map<string, Map<string, string[]>>();

/** The required keys of a component type in a version, computed once per pair. */
function requiredProperties(type: string, properties: Record<string, PropSpec>, version: string): string[] {
  let byType = requiredByVersion.get(version);
  if (!byType) {
    byType = new Map();
    requiredByVersion.set(version, byType);
  }
  let required = byType.get(type);
  if (!required) {
    required = Object.keys(properties).filter((key) => {
      const requiredFrom = properties[key]!.required;
      return requiredFrom === true || (typeof requiredFrom === "string" && atLeast(version, requiredFrom));
    });
    byType.set(type, required);
  }
  return required;
}

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
      "Properties 'center-caption' and [left-caption, right-caption] must be present exclusively at Footer.",
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
