import type { ProblemDraft, Severity } from "../problem";
import type { JsonPath } from "../json/path";
import type { Container } from "./component-specs";
import { atLeast } from "../versions";

export type Obj = Record<string, unknown>;
export const isObj = (value: unknown): value is Obj =>
  value !== null && typeof value === "object" && !Array.isArray(value);

export type ComponentInfo = {
  /** The component object itself. */
  node: Obj;
  type: string;
  path: JsonPath;
  container: Container;
  inForm: boolean;
  /** Number of enclosing If components (0 = not in an If). */
  ifDepth: number;
  inSwitch: boolean;
  /** The If/Switch whose branch holds this component, with the branch key ("then", "else", case key). */
  branch?: { owner: ComponentInfo; key: string };
  /** actionsOf() result, computed once. */
  actions?: ActionInfo[];
};

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

/** Flattens a screen's component tree once; every rule works on this list (§6.1 containers). */
export function collectComponents(children: unknown, path: JsonPath): ComponentInfo[] {
  const components: ComponentInfo[] = [];
  collectInto(components, children, path, TOP_PLACEMENT);
  return components;
}

function collectInto(
  components: ComponentInfo[],
  list: unknown,
  listPath: JsonPath,
  placement: Placement,
): void {
  if (!Array.isArray(list)) return;
  for (let index = 0; index < list.length; index++) {
    const node: unknown = list[index];
    if (!isObj(node)) continue;
    const info: ComponentInfo = {
      node,
      type: typeof node.type === "string" ? node.type : "",
      path: [...listPath, index],
      container: placement.container,
      inForm: placement.inForm,
      ifDepth: placement.ifDepth,
      inSwitch: placement.inSwitch,
      branch: placement.branch,
    };
    components.push(info);
    collectChildren(components, info, placement);
  }
}

/** Descends into Form children, If branches and Switch cases. */
function collectChildren(components: ComponentInfo[], info: ComponentInfo, placement: Placement): void {
  const { node, path } = info;
  const { inForm, ifDepth, inSwitch } = placement;
  if (info.type === "Form") {
    const inner: Placement = { container: "form", inForm: true, ifDepth, inSwitch };
    collectInto(components, node.children, [...path, "children"], inner);
  } else if (info.type === "If") {
    for (const key of ["then", "else"]) {
      const inner: Placement = {
        container: "if",
        inForm,
        ifDepth: ifDepth + 1,
        inSwitch,
        branch: { owner: info, key },
      };
      collectInto(components, node[key], [...path, key], inner);
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
      collectInto(components, node.cases[key], [...path, "cases", key], inner);
    }
  }
}

export function buildScreens(flow: Obj): ScreenInfo[] {
  const screens = Array.isArray(flow.screens) ? flow.screens : [];
  return screens.flatMap((screen, index): ScreenInfo[] => {
    if (!isObj(screen)) return [];
    const path: JsonPath = ["screens", index];
    const layout = isObj(screen.layout) ? screen.layout : undefined;
    const components = collectComponents(layout?.children, [...path, "layout", "children"]);
    const names = new Map<string, ComponentInfo>();
    for (const info of components)
      if (typeof info.node.name === "string" && !names.has(info.node.name)) names.set(info.node.name, info);
    return [
      {
        screen,
        index,
        id: typeof screen.id === "string" ? screen.id : "",
        path,
        terminal: screen.terminal === true,
        data: isObj(screen.data) ? screen.data : undefined,
        components,
        names,
      },
    ];
  });
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
    at: (m) => atLeast(version, m),
  };
}

/** Each action on a component, with its event and path; data-source / list item actions included. */
const EVENTS = ["on-click-action", "on-select-action", "on-unselect-action"] as const;
const LIST_KEYS = ["data-source", "list-items"] as const;

export function actionsOf(info: ComponentInfo): ActionInfo[] {
  if (info.actions) return info.actions;
  const out: ActionInfo[] = [];
  for (const event of EVENTS) {
    const a = info.node[event];
    if (isObj(a)) out.push({ action: a, event, path: [...info.path, event], onItem: false });
  }
  for (const listKey of LIST_KEYS) {
    const items = info.node[listKey];
    if (!Array.isArray(items)) continue;
    for (let index = 0; index < items.length; index++) {
      const item: unknown = items[index];
      if (!isObj(item)) continue;
      for (const event of EVENTS) {
        const a = item[event];
        // NavigationList item actions behave like component on-click actions.
        if (isObj(a))
          out.push({
            action: a,
            event,
            path: [...info.path, listKey, index, event],
            onItem: listKey === "data-source",
          });
      }
    }
  }
  info.actions = out;
  return out;
}
