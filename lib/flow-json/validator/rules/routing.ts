import type { JsonPath } from "../../json/path";
import { hasDataExchange, isObj, type Obj, type ValidationContext } from "../context";

// Routing model and navigation graph (R1–R8) and navigate targets (A3), §4 and §9.2.

/** A navigate action from one screen to another. */
type NavigateEdge = {
  from: string;
  to: string;
  /** Path of the action's next.name. */
  path: JsonPath;
  /** The action sits on a screen with a NavigationList (6.2+), which may go anywhere without a route. */
  fromNavigationList: boolean;
};

/** Screen id → the screens it leads to, without repeats. */
type Graph = Map<string, string[]>;

const ROUTING_MODEL: JsonPath = ["routing_model"];

export function checkRouting(context: ValidationContext): void {
  const ids = new Set(context.screens.map((screen) => screen.id));
  const navigateEdges = collectNavigateEdges(context, ids);
  const routingModel = isObj(context.flow.routing_model) ? context.flow.routing_model : undefined;
  // The given routing model, or one generated from navigate actions for static Flows (§4.3).
  const graph = routingModel
    ? checkRoutingModel(context, routingModel, ids, navigateEdges)
    : generatedGraph(context, ids, navigateEdges);
  // Findings on a generated graph point at the screens, with advice about navigate actions.
  const graphPath = routingModel ? ROUTING_MODEL : ["screens"];

  const wide = [...graph].filter(([, targets]) => targets.length > 10).map(([id]) => id);
  if (wide.length)
    context.report.error(
      "R4",
      "INVALID_ROUTING_MODEL",
      graphPath,
      `Number of branches exceeds the max limit of 10 for screens: [${wide.join(", ")}]; ${routingModel ? "list at most 10 next screens for each" : "give each screen navigate actions to at most 10 screens"}.`,
    );
  if (context.screens.length === 0) return;
  checkEntryScreen(context, graph, routingModel !== undefined, navigateEdges);
  checkConnected(context, graph, ids, routingModel !== undefined);
  checkPathsToTerminal(context, graph);
}

/** A3: navigate targets exist and differ from the screen; returns the navigate actions between screens. */
function collectNavigateEdges(context: ValidationContext, ids: Set<string>): NavigateEdge[] {
  const edges: NavigateEdge[] = [];
  for (const screen of context.screens) {
    const fromNavigationList =
      context.at("6.2") && screen.components.some((component) => component.type === "NavigationList");
    for (const component of screen.components) {
      for (const { action, path } of component.actions) {
        if (action.name !== "navigate" || !isObj(action.next) || typeof action.next.name !== "string")
          continue;
        const to = action.next.name;
        const namePath = [...path, "next", "name"];
        if (!ids.has(to))
          context.report.error(
            "A3",
            "INVALID_NAVIGATE_ACTION_NEXT_SCREEN_NAME",
            namePath,
            `Unknown screen ids found: [${to}]; navigate to one of the Flow's screens.`,
          );
        else if (to === screen.id)
          context.report.error(
            "A3",
            "INVALID_NAVIGATE_ACTION_NEXT_SCREEN_NAME",
            namePath,
            `Same screen navigation is not allowed (loop at [${to}]); navigate to another screen.`,
          );
        else edges.push({ from: screen.id, to, path: namePath, fromNavigationList });
      }
    }
  }
  return edges;
}

function addEdge(graph: Graph, from: string, to: string): void {
  const targets = graph.get(from);
  if (!targets) graph.set(from, [to]);
  else if (!targets.includes(to)) targets.push(to);
}

/**
 * R1: the routing model names existing screens; R3: no self loops and no backward routes; R2: it lists every
 * non-terminal screen; R7: every navigate action has its route. Returns the routing model as a graph.
 */
function checkRoutingModel(
  context: ValidationContext,
  routingModel: Obj,
  ids: Set<string>,
  navigateEdges: NavigateEdge[],
): Graph {
  const { report } = context;
  const unknownIds = Object.keys(routingModel).filter((id) => !ids.has(id));
  if (unknownIds.length)
    report.error(
      "R1",
      "INVALID_ROUTING_MODEL",
      ROUTING_MODEL,
      `Invalid screens found in the routing model: [${unknownIds.join(", ")}]; use existing screen ids.`,
    );
  const graph: Graph = new Map();
  for (const from in routingModel) {
    const targets = routingModel[from];
    if (!Array.isArray(targets)) continue;
    graph.set(from, []);
    for (let index = 0; index < targets.length; index++) {
      const to: unknown = targets[index];
      if (typeof to !== "string") continue;
      if (!ids.has(to))
        report.error(
          "R1",
          "INVALID_ROUTING_MODEL",
          [...ROUTING_MODEL, from, index],
          `Invalid screen found in the routing model: ${to}; use an existing screen id.`,
        );
      else if (to === from)
        report.error(
          "R3",
          "INVALID_ROUTING_MODEL",
          [...ROUTING_MODEL, from, index],
          `Loop detected in the routing model for screens: [${from}]; a screen cannot route to itself.`,
        );
      else addEdge(graph, from, to);
    }
  }
  const listed = new Set<string>();
  for (const [from, targets] of graph) {
    listed.add(from);
    for (const to of targets) listed.add(to);
  }
  const missing = context.screens
    .filter((screen) => !screen.terminal && !listed.has(screen.id))
    .map((screen) => screen.id);
  if (missing.length)
    report.error(
      "R2",
      "INVALID_ROUTING_MODEL",
      ROUTING_MODEL,
      `Following screens are missing in the routing model: [${missing.join(", ")}]; list every non-terminal screen with the screens it leads to.`,
    );
  for (const [from, targets] of graph)
    for (const to of targets)
      // Each pair once: from the alphabetically first screen.
      if (from < to && graph.get(to)?.includes(from))
        report.error(
          "R3",
          "INVALID_ROUTING_MODEL",
          [...ROUTING_MODEL, to],
          `Backward route [${to}->${from}] corresponding to forward route [${from}->${to}] is not allowed in the routing model; list only forward routes.`,
        );
  for (const edge of navigateEdges)
    if (!edge.fromNavigationList && !graph.get(edge.from)?.includes(edge.to))
      report.error(
        "R7",
        "INVALID_ROUTING_MODEL",
        edge.path,
        `Missing direct route from screen '${edge.from}' to screen '${edge.to}' in the routing model, while a navigate action of screen '${edge.from}' goes there; add '${edge.to}' to the routes of '${edge.from}'.`,
      );
  return graph;
}

/** The graph of a Flow without a routing model: its navigate actions, and a NavigationList leads anywhere. */
function generatedGraph(context: ValidationContext, ids: Set<string>, navigateEdges: NavigateEdge[]): Graph {
  const graph: Graph = new Map();
  for (const screen of context.screens) {
    if (!graph.has(screen.id)) graph.set(screen.id, []);
    if (screen.components.some((component) => component.type === "NavigationList"))
      for (const id of ids) if (id !== screen.id) addEdge(graph, screen.id, id);
  }
  for (const edge of navigateEdges) addEdge(graph, edge.from, edge.to);
  return graph;
}

/** R5: some screen has no inbound edge (the entry screen). */
function checkEntryScreen(
  context: ValidationContext,
  graph: Graph,
  given: boolean,
  navigateEdges: NavigateEdge[],
): void {
  const inbound = new Set<string>();
  for (const targets of graph.values()) for (const to of targets) inbound.add(to);
  // From 7.3 Meta also counts navigate actions that the routing model does not list.
  if (given && context.at("7.3")) for (const edge of navigateEdges) inbound.add(edge.to);
  if (context.screens.every((screen) => inbound.has(screen.id)))
    context.report.error(
      "R5",
      "INVALID_ROUTING_MODEL",
      given ? ROUTING_MODEL : ["screens"],
      given
        ? "No entry screen found in the routing model; one screen must have no inbound route (the first screen)."
        : "No entry screen found: every screen is the next screen of a navigate action; one screen must be the target of none (the first screen).",
    );
}

/** R6: all screens are connected, ignoring the direction of the edges. */
function checkConnected(context: ValidationContext, graph: Graph, ids: Set<string>, given: boolean): void {
  const neighbours = new Map<string, string[]>();
  for (const id of ids) neighbours.set(id, []);
  for (const [from, targets] of graph) {
    for (const to of targets) {
      if (!ids.has(from) || !ids.has(to)) continue;
      neighbours.get(from)!.push(to);
      neighbours.get(to)!.push(from);
    }
  }
  const first = context.screens[0]!.id;
  const reached = new Set([first]);
  const toVisit = [first];
  while (toVisit.length > 0) {
    for (const next of neighbours.get(toVisit.pop()!) ?? []) {
      if (reached.has(next)) continue;
      reached.add(next);
      toVisit.push(next);
    }
  }
  const isolated = [...ids].filter((id) => !reached.has(id));
  if (isolated.length && ids.size > 1)
    context.report.error(
      "R6",
      "INVALID_ROUTING_MODEL",
      given ? ROUTING_MODEL : ["screens"],
      given
        ? `Following screens are not connected with the rest of the screens: [${isolated.join(", ")}]; connect every screen through the routing model.`
        : `Following screens are not connected with the rest of the screens via navigate screen action: [${isolated.join(", ")}]; connect every screen through navigate actions.`,
    );
}

/** R8 (documented only): from every screen some terminal screen can be reached, unless an endpoint decides. */
function checkPathsToTerminal(context: ValidationContext, graph: Graph): void {
  const canFinish = new Set(context.screens.filter((screen) => screen.terminal).map((screen) => screen.id));
  if (canFinish.size === 0) return;
  const predecessors = new Map<string, string[]>();
  for (const [from, targets] of graph) {
    for (const to of targets) {
      const list = predecessors.get(to);
      if (list) list.push(from);
      else predecessors.set(to, [from]);
    }
  }
  const toExpand = [...canFinish];
  while (toExpand.length > 0) {
    for (const previous of predecessors.get(toExpand.pop()!) ?? []) {
      if (canFinish.has(previous)) continue;
      canFinish.add(previous);
      toExpand.push(previous);
    }
  }
  for (const screen of context.screens) {
    if (canFinish.has(screen.id)) continue;
    // A screen that calls the endpoint may be sent anywhere by it: its way to the end is not in the graph.
    const screenWithId = context.screenById.get(screen.id);
    if (!screenWithId || !hasDataExchange(screenWithId))
      context.report.warn(
        "R8",
        "PORTAL_NO_PATH_TO_TERMINAL",
        [...screen.path, "id"],
        `No terminal screen can be reached from screen '${screen.id}'; add a navigate action that leads towards a terminal screen.`,
      );
  }
}
