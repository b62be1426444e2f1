import type { ProblemDraft, Severity } from "../problem";
import type { JsonPath } from "../json/path";
import type { Container } from "./component-specs";
import { atLeast } from "../versions";

export type Obj = Record<string, unknown>;
export const isObj = (v: unknown): v is Obj => v !== null && typeof v === "object" && !Array.isArray(v);

export type ComponentInfo = {
  c: Obj;
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

export type Ctx = {
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

/** Flattens a screen's component tree once; every rule works on this list (§6.1 containers). */
export function collectComponents(children: unknown, path: JsonPath): ComponentInfo[] {
  const out: ComponentInfo[] = [];
  const walk = (
    list: unknown,
    base: JsonPath,
    container: Container,
    inForm: boolean,
    ifDepth: number,
    inSwitch: boolean,
    branch?: ComponentInfo["branch"],
  ) => {
    if (!Array.isArray(list)) return;
    list.forEach((c, i) => {
      if (!isObj(c)) return;
      const info: ComponentInfo = {
        c,
        type: typeof c.type === "string" ? c.type : "",
        path: [...base, i],
        container,
        inForm,
        ifDepth,
        inSwitch,
        branch,
      };
      out.push(info);
      if (info.type === "Form") walk(c.children, [...info.path, "children"], "form", true, ifDepth, inSwitch);
      else if (info.type === "If") {
        walk(c.then, [...info.path, "then"], "if", inForm, ifDepth + 1, inSwitch, {
          owner: info,
          key: "then",
        });
        walk(c.else, [...info.path, "else"], "if", inForm, ifDepth + 1, inSwitch, {
          owner: info,
          key: "else",
        });
      } else if (info.type === "Switch" && isObj(c.cases)) {
        for (const [key, list2] of Object.entries(c.cases))
          walk(list2, [...info.path, "cases", key], "switch", inForm, ifDepth, true, { owner: info, key });
      }
    });
  };
  walk(children, path, "top", false, 0, false);
  return out;
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
      if (typeof info.c.name === "string" && !names.has(info.c.name)) names.set(info.c.name, info);
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

export function makeCtx(flow: Obj, version: string, hasEndpoint: boolean | undefined): Ctx {
  const screens = buildScreens(flow);
  const screenById = new Map<string, ScreenInfo>();
  for (const s of screens) if (!screenById.has(s.id)) screenById.set(s.id, s);
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
    const a = info.c[event];
    if (isObj(a)) out.push({ action: a, event, path: [...info.path, event], onItem: false });
  }
  for (const listKey of LIST_KEYS) {
    const items = info.c[listKey];
    if (!Array.isArray(items)) continue;
    for (let k = 0; k < items.length; k++) {
      const item: unknown = items[k];
      if (!isObj(item)) continue;
      for (const event of EVENTS) {
        const a = item[event];
        // NavigationList item actions behave like component on-click actions.
        if (isObj(a))
          out.push({
            action: a,
            event,
            path: [...info.path, listKey, k, event],
            onItem: listKey === "data-source",
          });
      }
    }
  }
  info.actions = out;
  return out;
}
