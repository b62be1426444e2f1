import { COMPONENT_SPECS, allowedActions, type PropSpec } from "../validator/component-specs";
import { SUPPORTED_VERSIONS, LATEST_VERSION, atLeast } from "../versions";

// JSON Schema (draft-07) per version for Monaco completion and hover. The validator is the source of
// truth for errors; this schema is deliberately permissive where Flow JSON accepts bindings.

type Schema = Record<string, unknown>;
const DYNAMIC = {
  type: "string",
  pattern: "^(\\$\\{.+\\}|`.+`)$",
  description: "A binding such as ${data.field} / ${form.name}, or a 6.0+ backtick expression.",
};

function propSchema(p: PropSpec, type: string, key: string, version: string): Schema {
  const base: Schema = { description: p.description + (p.since ? ` (since ${p.since})` : "") };
  const dyn = (s: Schema): Schema => (p.dynamic ? { ...base, anyOf: [s, DYNAMIC] } : { ...base, ...s });
  switch (p.kind) {
    case "string":
      return { ...base, type: "string", ...(p.maxChars ? { maxLength: p.maxChars } : {}) };
    case "boolean":
      return dyn({ type: "boolean" });
    case "number":
      return dyn({ type: "number" });
    case "integer":
      return dyn({
        type: "integer",
        ...(p.minimum !== undefined ? { minimum: p.minimum } : {}),
        ...(p.maximum !== undefined ? { maximum: p.maximum } : {}),
      });
    case "enum":
      return dyn({ type: "string", enum: p.values });
    case "enum-array":
      return dyn({ type: "array", items: { enum: p.values }, minItems: 1 });
    case "string-array":
      return dyn({ type: "array", items: { type: "string" } });
    case "text":
      return { ...base, anyOf: [{ type: "string" }, { type: "array", items: { type: "string" } }] };
    case "action": {
      const names = allowedActions(type, key, version, atLeast);
      return {
        ...base,
        type: "object",
        required: ["name"],
        properties: {
          name: { enum: names },
          next: {
            type: "object",
            properties: { type: { const: "screen" }, name: { type: "string" } },
            required: ["type", "name"],
          },
          payload: { type: "object" },
          url: { type: "string" },
        },
      };
    }
    case "components":
      return { ...base, type: "array", items: { $ref: "#/definitions/component" } };
    case "cases":
      return {
        ...base,
        type: "object",
        additionalProperties: { type: "array", items: { $ref: "#/definitions/component" } },
      };
    case "data-source":
      return dyn({
        type: "array",
        minItems: 1,
        items: {
          type: "object",
          required: ["id", "title"],
          properties: {
            id: { type: "string" },
            title: { type: "string", maxLength: 30 },
            description: { type: "string", maxLength: 300 },
            metadata: { type: "string", maxLength: 20 },
            enabled: { type: "boolean" },
            image: { type: "string" },
            "alt-text": { type: "string" },
            color: { type: "string", pattern: "^#([A-Fa-f0-9]{6})$" },
          },
        },
      });
    case "list-items":
      return dyn({ type: "array", minItems: 1, items: { type: "object", required: ["id", "main-content"] } });
    case "images":
      return dyn({
        type: "array",
        minItems: 1,
        maxItems: 3,
        items: {
          type: "object",
          required: ["src", "alt-text"],
          properties: { src: { type: "string" }, "alt-text": { type: "string" } },
        },
      });
    case "condition":
      return { ...base, type: atLeast(version, "6.0") ? ["string", "boolean"] : "string" };
    default:
      return base;
  }
}

/** JSON Schema for one Flow JSON version (unknown versions get the latest). */
export function getFlowJsonSchema(version: string): object {
  const v = (SUPPORTED_VERSIONS as readonly string[]).includes(version) ? version : LATEST_VERSION;
  const components = Object.entries(COMPONENT_SPECS)
    .filter(([, spec]) => atLeast(v, spec.since))
    .map(([type, spec]) => {
      const props = Object.entries(spec.props).filter(([, p]) => !p.since || atLeast(v, p.since));
      const required = props
        .filter(([, p]) => p.required === true || (typeof p.required === "string" && atLeast(v, p.required)))
        .map(([k]) => k);
      return {
        description: `${type}: ${spec.description} (since ${spec.since})`,
        type: "object",
        required: ["type", ...required],
        additionalProperties: false,
        properties: {
          type: { const: type, description: spec.description },
          ...Object.fromEntries(props.map(([k, p]) => [k, propSchema(p, type, k, v)])),
        },
      };
    });
  return {
    $schema: "http://json-schema.org/draft-07/schema#",
    title: `WhatsApp Flow JSON ${v}`,
    type: "object",
    required: ["version", "screens"],
    additionalProperties: false,
    properties: {
      version: {
        type: "string",
        enum: [...SUPPORTED_VERSIONS],
        description: "Flow JSON version; 7.3 is recommended, below 5.1 cannot be published.",
      },
      data_api_version: {
        type: "string",
        enum: atLeast(v, "7.3") ? ["3.0", "4.0"] : ["3.0"],
        description: "Data endpoint protocol version; makes the Flow an endpoint Flow.",
      },
      routing_model: {
        type: "object",
        additionalProperties: { type: "array", items: { type: "string" } },
        description: "Screen id → screens it may navigate forward to.",
      },
      ...(atLeast(v, "3.0")
        ? {}
        : {
            data_channel_uri: {
              type: "string",
              format: "uri",
              description: "Endpoint URL (only before 3.0).",
            },
          }),
      screens: { type: "array", minItems: 1, maxItems: 100, items: { $ref: "#/definitions/screen" } },
    },
    definitions: {
      screen: {
        type: "object",
        required: ["id", "title", "layout"],
        additionalProperties: false,
        properties: {
          id: {
            type: "string",
            pattern: atLeast(v, "7.0") ? "^(?!_+$)[a-zA-Z_]+$" : "^[a-zA-Z,_]+$",
            description: "Unique screen id: letters and underscores only.",
          },
          title: { type: "string", description: "Top-bar title." },
          terminal: { type: "boolean", description: "An end screen; needs a Footer with 'complete'." },
          success: { type: "boolean", description: "Ending here counts as success (terminal screens only)." },
          refresh_on_back: {
            type: "boolean",
            description: "Ask the endpoint for fresh data when going back to this screen.",
          },
          ...(atLeast(v, "5.1")
            ? {
                sensitive: {
                  type: "array",
                  minItems: 1,
                  items: { type: "string" },
                  description: "Component names masked in the summary.",
                },
              }
            : {}),
          data: { type: "object", description: "Data model: field → {type, __example__}." },
          layout: {
            type: "object",
            required: ["type", "children"],
            additionalProperties: false,
            properties: {
              type: { const: "SingleColumnLayout" },
              children: { type: "array", items: { $ref: "#/definitions/component" } },
            },
          },
        },
      },
      component: { type: "object", required: ["type"], oneOf: components },
    },
  };
}
