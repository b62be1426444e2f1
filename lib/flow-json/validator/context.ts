import type { ProblemDraft, Severity } from "../problem";
import { childPath, type JsonPath } from "../json/path";
import { COMPONENT_SPECS, type ComponentSpec, type Container } from "./component-specs";
import { atLeastFor } from "../versions";

export type Obj = Record<string, unknown>;
export const isObj = (value: unknown): value is Obj =>
  value !== null && typeof value === "object" && !Array.isArray(value);

export type ComponentInfo = {
  /** The component object itself. */
  node: Obj;
  type: string;
  /** The spec of its type; undefined for an unknown type (reported by the schema stage). */
  spec: ComponentSpec | undefined;
  path: JsonPath;
  container: Container;
  inForm: boolean;
  /** Number of enclosing If components (0 = not in an If). */
  ifDepth: number;
  inSwitch: boolean;
  /** The If/Switch whose branch holds this component, with the branch key ("then", "else", case key). */
  branch?: { owner: ComponentInfo; key: string };
  /** Its actions (on the component and on its list items), collected with the component. */
  actions: readonly ActionInfo[];
  /** hasPlainItems() result, computed once. */
  plainItems?: boolean;
};

/**
 * Whether a string may hold a binding or an expression. Most strings hold neither: a search for "$" settles
 * them, which is cheaper than a search for "${".
 */
export function mayReference(text: string): boolean {
  return text.charCodeAt(0) === 96 || (text.indexOf("$") >= 0 && text.includes("${"));
}

/**
 * Whether every 'data-source' item of the component holds only strings that reference no data, and no image or
 * colour (most lists are such {id, title, description} items). Several checks look into items for actions,
 * references, images or colours; they skip such lists. Computed once per component.
 */
export function hasPlainItems(component: ComponentInfo): boolean {
  if (component.plainItems === undefined) component.plainItems = itemsArePlain(component.node["data-source"]);
  return component.plainItems;
}

function itemsArePlain(items: unknown): boolean {
  if (!Array.isArray(items)) return false;
  for (let index = 0; index < items.length; index++) {
    const item: unknown = items[index];
    if (!isObj(item)) return false;
    for (const key in item) {
      const value = item[key];
      if (typeof value !== "string" || mayReference(value) || key === "image" || key === "color")
        return false;
    }
  }
  return true;
}

/** Whether the component holds a user value addressable as ${form.name}. */
export const isInput = (component: ComponentInfo): boolean => component.spec?.input === true;

export type ActionInfo = { action: Obj; event: string; path: JsonPath; onItem: boolean };

export type ScreenInfo = {
  screen: Obj;
  index: number;
  id: string;
  path: JsonPath;
  terminal: boolean;
  data: Obj | undefined;
  components: ComponentInfo[];
  /** Named input components (incl. Form and NavigationList), first occurrence per name. */
  names: Map<string, ComponentInfo>;
};

export class Reporter {
  readonly drafts: ProblemDraft[] = [];
  errorCount = 0;
  /** `path` is copied: callers may pass a mutable path stack (rules push/pop instead of allocating per value). */
  add(
    severity: Severity,
    rule: string,
    code: string,
    path: JsonPath,
    message: string,
    at?: "key" | "value",
  ): void {
    this.drafts.push({ severity, rule, code, path: path.slice(), message, at });
    if (severity === "error") this.errorCount++;
  }
  error(rule: string, code: string, path: JsonPath, message: string, at?: "key" | "value"): void {
    this.add("error", rule, code, path, message, at);
  }
  warn(rule: string, code: string, path: JsonPath, message: string, at?: "key" | "value"): void {
    this.add("warning", rule, code, path, message, at);
  }
}

export type ValidationContext = {
  version: string;
  flow: Obj;
  report: Reporter;
  screens: ScreenInfo[];
  screenById: Map<string, ScreenInfo>;
  /** data_api_version is set: an endpoint Flow (§3). */
  endpointFlow: boolean;
  hasEndpoint: boolean | undefined;
  /** Whether the Flow's version is `min` or later. */
  at: (min: string) => boolean;
};

/** Where a component sits while the tree is flattened. */
type Placement = {
  container: Container;
  inForm: boolean;
  ifDepth: number;
  inSwitch: boolean;
  branch?: ComponentInfo["branch"];
};

const TOP_PLACEMENT: Placement = { container: "top", inForm: false, ifDepth: 0, inSwitch: false };

/** What flattening a screen's component tree collects. */
type Collected = Pick<ScreenInfo, "components" | "names">;

/**
 * Flattens a component list (and what it holds) into `collected.components`, in document order, and names the
 * named ones; every rule then works on this list (§6.1 containers).
 */
function collectInto(collected: Collected, list: unknown, listPath: JsonPath, placement: Placement): void {
  if (!Array.isArray(list)) return;
  for (let index = 0; index < list.length; index++) {
    const node: unknown = list[index];
    if (!isObj(node)) continue;
    const type = typeof node.type === "string" ? node.type : "";
    const info: ComponentInfo = {
      node,
      type,
      spec: COMPONENT_SPECS[type],
      path: childPath(listPath, index),
      container: placement.container,
      inForm: placement.inForm,
      ifDepth: placement.ifDepth,
      inSwitch: placement.inSwitch,
      branch: placement.branch,
      actions: NO_ACTIONS,
      plainItems: undefined,
    };
    info.actions = collectActions(info);
    collected.components.push(info);
    const name = node.name;
    if (typeof name === "string" && !collected.names.has(name)) collected.names.set(name, info);
    collectChildren(collected, info, placement);
  }
}

/** Descends into Form children, If branches and Switch cases. */
function collectChildren(collected: Collected, info: ComponentInfo, placement: Placement): void {
  const { node, path } = info;
  const { inForm, ifDepth, inSwitch } = placement;
  if (info.type === "Form") {
    const inner: Placement = { container: "form", inForm: true, ifDepth, inSwitch };
    collectInto(collected, node.children, [...path, "children"], inner);
  } else if (info.type === "If") {
    for (const key of ["then", "else"]) {
      const inner: Placement = {
        container: "if",
        inForm,
        ifDepth: ifDepth + 1,
        inSwitch,
        branch: { owner: info, key },
      };
      collectInto(collected, node[key], [...path, key], inner);
    }
  } else if (info.type === "Switch" && isObj(node.cases)) {
    for (const key in node.cases) {
      const inner: Placement = {
        container: "switch",
        inForm,
        ifDepth,
        inSwitch: true,
        branch: { owner: info, key },
      };
      collectInto(collected, node.cases[key], [...path, "cases", key], inner);
    }
  }
}

function buildScreens(flow: Obj): ScreenInfo[] {
  const screens = Array.isArray(flow.screens) ? flow.screens : [];
  const infos: ScreenInfo[] = [];
  for (let index = 0; index < screens.length; index++) {
    const screen: unknown = screens[index];
    if (!isObj(screen)) continue;
    const path: JsonPath = ["screens", index];
    const collected: Collected = { components: [], names: new Map() };
    if (isObj(screen.layout)) {
      collectInto(collected, screen.layout.children, [...path, "layout", "children"], TOP_PLACEMENT);
    }
    infos.push({
      screen,
      index,
      id: typeof screen.id === "string" ? screen.id : "",
      path,
      terminal: screen.terminal === true,
      data: isObj(screen.data) ? screen.data : undefined,
      components: collected.components,
      names: collected.names,
    });
  }
  return infos;
}

export function createValidationContext(
  flow: Obj,
  version: string,
  hasEndpoint: boolean | undefined,
): ValidationContext {
  const screens = buildScreens(flow);
  const screenById = new Map<string, ScreenInfo>();
  for (const screen of screens) if (!screenById.has(screen.id)) screenById.set(screen.id, screen);
  return {
    version,
    flow,
    report: new Reporter(),
    screens,
    screenById,
    endpointFlow: flow.data_api_version !== undefined,
    hasEndpoint,
    at: atLeastFor(version),
  };
}

const EVENTS = ["on-click-action", "on-select-action", "on-unselect-action"] as const;
/** The events items of each list may have: the schema stage rejects any other, and rules run after it. */
const ITEM_EVENTS = {
  "data-source": ["on-select-action", "on-unselect-action"],
  "list-items": ["on-click-action"],
} as const;
type ItemList = keyof typeof ITEM_EVENTS;

/** Where components of a type can hold actions: their own events and their item lists. */
type ActionPlaces = { events: readonly string[]; lists: readonly ItemList[] };
const ACTION_PLACES = new Map<ComponentSpec, ActionPlaces>(
  Object.values(COMPONENT_SPECS).map((spec) => [
    spec,
    {
      events: EVENTS.filter((event) => spec.props[event] !== undefined),
      lists: (["data-source", "list-items"] as const).filter((list) => spec.props[list] !== undefined),
    },
  ]),
);

/** Shared by the many components without actions, so that they allocate nothing. */
const NO_ACTIONS: readonly ActionInfo[] = [];

/** Each action on a component, with its event and path; data-source / list item actions included. */
function collectActions(info: ComponentInfo): readonly ActionInfo[] {
  const places = info.spec && ACTION_PLACES.get(info.spec);
  let out: ActionInfo[] | undefined;
  for (const event of places?.events ?? []) {
    const action = info.node[event];
    if (isObj(action)) (out ??= []).push({ action, event, path: [...info.path, event], onItem: false });
  }
  for (const list of places?.lists ?? []) {
    const items = info.node[list];
    if (!Array.isArray(items) || (list === "data-source" && hasPlainItems(info))) continue;
    for (let index = 0; index < items.length; index++) {
      const item: unknown = items[index];
      if (!isObj(item)) continue;
      for (const event of ITEM_EVENTS[list]) {
        const action = item[event];
        // NavigationList item actions behave like component on-click actions.
        if (isObj(action))
          (out ??= []).push({
            action,
            event,
            path: [...info.path, list, index, event],
            onItem: list === "data-source",
          });
      }
    }
  }
  return out ?? NO_ACTIONS;
}

/** Whether a component of the screen runs a data_exchange action. */
export function hasDataExchange(screen: ScreenInfo): boolean {
  for (const component of screen.components) {
    for (const { action } of component.actions) if (action.name === "data_exchange") return true;
  }
  return false;
}
