import { isInputType, isKnownType, type ComponentType, type InputType } from "./catalog";
import { evaluateCondition, isBacktickExpression, resolveDynamicValue } from "./engine";
import { asArray, asObject, asString, findScreen, isObject, screenPath } from "./flow-model";
import { buildScope } from "./scope";
import { checkField, type FieldProblem } from "./validation";
import type { ExpressionScope, JsonObject, PreviewState } from "./types";

export type ComponentNode = {
  kind: "component";
  type: ComponentType;
  path: string;
  /** Properties with bindings and expressions evaluated; `*-action` properties are kept raw. */
  props: JsonObject;
  raw: JsonObject;
};

export type ErrorNode = { kind: "error"; path: string; message: string };

export type RenderNode = ComponentNode | ErrorNode;

export type FieldInfo = {
  name: string;
  type: InputType;
  path: string;
  props: JsonObject;
  raw: JsonObject;
  enabled: boolean;
  /** Client-side problem with the current value (enforced only when enabled). */
  problem: FieldProblem | null;
};

export type ResolvedScreen = {
  id: string;
  path: string;
  title: string;
  terminal: boolean;
  sensitive: string[];
  /** Body components in order, If/Switch/Form flattened to their active children; no Footer. */
  nodes: RenderNode[];
  footer: ComponentNode | null;
  /** Visible input components by name. */
  fields: Record<string, FieldInfo>;
  /** Error text shown under each field right now. */
  visibleErrors: Record<string, string>;
  formValid: boolean;
  footerEnabled: boolean;
  canGoBack: boolean;
};

const CONTAINER_KEYS = new Set(["type", "children", "then", "else", "cases", "condition"]);
const LIST_KEYS = new Set(["data-source", "list-items", "images"]);

type Context = { scope: ExpressionScope; version: string; nodes: RenderNode[]; footers: ComponentNode[] };

/** Resolves the screen on top of the stack (or `screenId`) for rendering and validation. */
export function resolveScreen(state: PreviewState, screenId?: string): ResolvedScreen | null {
  const id = screenId ?? state.stack[state.stack.length - 1];
  const screen = id ? findScreen(state.flow, id) : undefined;
  if (!id || !screen) return null;
  const path = screenPath(screen);
  const ctx: Context = { scope: buildScope(state, id), version: state.version, nodes: [], footers: [] };
  const layout = asObject(screen.raw.layout);
  if (!Array.isArray(layout.children)) {
    ctx.nodes.push({
      kind: "error",
      path: `${path}.layout.children`,
      message: "The screen has no layout children.",
    });
  }
  walk(layout.children, `${path}.layout.children`, ctx);

  const [footer, ...extraFooters] = ctx.footers;
  for (const extra of extraFooters) {
    ctx.nodes.push({ kind: "error", path: extra.path, message: "Only one Footer is allowed per screen." });
  }

  const screenState = state.screens[id];
  const fields: Record<string, FieldInfo> = {};
  const visibleErrors: Record<string, string> = {};
  let formValid = true;
  for (const node of ctx.nodes) {
    if (node.kind !== "component" || !isInputType(node.type)) continue;
    const name = asString(node.raw.name);
    if (!name) continue;
    const enabled = node.props.enabled !== false;
    const value = screenState?.form[name];
    const problem = enabled ? checkField(node.type, node.props, value) : null;
    fields[name] = {
      name,
      type: node.type,
      path: node.path,
      props: node.props,
      raw: node.raw,
      enabled,
      problem,
    };
    if (problem) formValid = false;
    const external = screenState?.externalErrors[name];
    const shown = screenState?.submitAttempted || (screenState?.touched[name] && problem?.code === "invalid");
    if (external) visibleErrors[name] = external;
    else if (problem && shown) visibleErrors[name] = problem.message;
  }

  const footerEnabled =
    !!footer &&
    footer.props.enabled !== false &&
    formValid &&
    state.status === "running" &&
    !state.ctaBlocked;
  return {
    id,
    path,
    title: typeof screen.raw.title === "string" ? screen.raw.title : id,
    terminal: screen.raw.terminal === true,
    sensitive: asArray(screen.raw.sensitive).filter((name): name is string => typeof name === "string"),
    nodes: ctx.nodes,
    footer: footer ?? null,
    fields,
    visibleErrors,
    formValid,
    footerEnabled,
    canGoBack: state.stack.length > 1,
  };
}

function walk(children: unknown, basePath: string, ctx: Context): void {
  asArray(children).forEach((child, index) => {
    const path = `${basePath}[${index}]`;
    try {
      visit(child, path, ctx);
    } catch (error) {
      ctx.nodes.push({
        kind: "error",
        path,
        message: `Cannot render: ${error instanceof Error ? error.message : String(error)}`,
      });
    }
  });
}

function visit(child: unknown, path: string, ctx: Context): void {
  if (!isObject(child)) {
    ctx.nodes.push({ kind: "error", path, message: "A component must be an object." });
    return;
  }
  const type = asString(child.type);
  if (!type) {
    ctx.nodes.push({ kind: "error", path, message: "The component has no 'type'." });
    return;
  }
  if (!isKnownType(type)) {
    ctx.nodes.push({ kind: "error", path: `${path}.type`, message: `Unknown component type '${type}'.` });
    return;
  }
  if (type === "If") {
    if (resolve(child.visible, ctx) === false) return;
    const holds = conditionHolds(child.condition, ctx);
    walk(holds ? child.then : child.else, `${path}.${holds ? "then" : "else"}`, ctx);
    return;
  }
  if (type === "Switch") {
    const cases = asObject(child.cases);
    const key = String(resolve(child.value, ctx));
    const chosen = key in cases ? key : "default" in cases ? "default" : null;
    if (chosen) walk(cases[chosen], `${path}.cases.${chosen}`, ctx);
    return;
  }
  if (type === "Form") {
    walk(child.children, `${path}.children`, ctx);
    return;
  }
  const props = resolveProps(child, ctx);
  if (props.visible === false) return;
  const problem = structuralProblem(type, props, child);
  if (problem) {
    ctx.nodes.push({ kind: "error", path: `${path}${problem.suffix}`, message: problem.message });
    return;
  }
  const node: ComponentNode = { kind: "component", type, path, props, raw: child };
  if (type === "Footer") ctx.footers.push(node);
  else ctx.nodes.push(node);
}

function resolve(value: unknown, ctx: Context): unknown {
  return resolveDynamicValue(value, ctx.scope, ctx.version);
}

function conditionHolds(condition: unknown, ctx: Context): boolean {
  if (typeof condition === "boolean") return condition;
  if (typeof condition !== "string") return false;
  if (isBacktickExpression(condition)) return resolve(condition, ctx) === true;
  return evaluateCondition(condition, ctx.scope);
}

/** Resolves every property; list items keep their own actions raw, for the reducer to run later. */
function resolveProps(component: JsonObject, ctx: Context): JsonObject {
  const props: JsonObject = {};
  for (const [key, value] of Object.entries(component)) {
    if (CONTAINER_KEYS.has(key)) continue;
    if (key === "name" || key.endsWith("-action")) props[key] = value;
    else if (LIST_KEYS.has(key)) props[key] = resolveList(value, ctx);
    else props[key] = resolve(value, ctx);
  }
  return props;
}

function resolveList(value: unknown, ctx: Context): unknown {
  const list = Array.isArray(value) ? value : resolve(value, ctx);
  if (!Array.isArray(list)) return list;
  return list.map((item) => (isObject(item) ? resolveProps(item, ctx) : item));
}

type StructuralProblem = { suffix: string; message: string };

/** What would make a component impossible to draw: named so the error box points at the fix. */
function structuralProblem(
  type: ComponentType,
  props: JsonObject,
  raw: JsonObject,
): StructuralProblem | null {
  if (isInputType(type) && typeof raw.name !== "string")
    return { suffix: ".name", message: `${type} needs a 'name'.` };
  const listKey =
    type === "NavigationList"
      ? "list-items"
      : type === "ImageCarousel"
        ? "images"
        : isListComponent(type)
          ? "data-source"
          : null;
  if (listKey && !Array.isArray(props[listKey])) {
    return {
      suffix: `.${listKey}`,
      message: `'${listKey}' of ${type} must resolve to a list (got ${describe(props[listKey])}).`,
    };
  }
  if (listKey) {
    const bad = asArray(props[listKey]).findIndex((item) => !isObject(item));
    if (bad >= 0)
      return { suffix: `.${listKey}[${bad}]`, message: `Every item of '${listKey}' must be an object.` };
  }
  // Inputs can be drawn without a label; these cannot be drawn without their content.
  const textKey = type === "Footer" ? "label" : type === "Image" ? "src" : isTextType(type) ? "text" : null;
  if (textKey && props[textKey] === undefined) {
    return {
      suffix: `.${textKey}`,
      message: `${type} needs '${textKey}'${isDynamic(raw[textKey]) ? " (its binding resolved to nothing)" : ""}.`,
    };
  }
  return null;
}

function isListComponent(type: ComponentType): boolean {
  return (
    type === "CheckboxGroup" ||
    type === "RadioButtonsGroup" ||
    type === "Dropdown" ||
    type === "ChipsSelector"
  );
}

const TEXT_PROPERTY_TYPES = new Set([
  "TextHeading",
  "TextSubheading",
  "TextBody",
  "TextCaption",
  "RichText",
  "EmbeddedLink",
]);

function isTextType(type: ComponentType): boolean {
  return TEXT_PROPERTY_TYPES.has(type);
}

function isDynamic(value: unknown): boolean {
  return typeof value === "string" && (value.startsWith("${") || isBacktickExpression(value));
}

function describe(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  return typeof value;
}
