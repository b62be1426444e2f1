import { actionsOf, isObj, type ValidationContext } from "../context";

// Routing model and navigation graph (R1–R8) and navigate targets (A3), §4 and §9.2.

export function checkRouting(context: ValidationContext): void {
  const { report, flow } = context;
  const ids = new Set(context.screens.map((screen) => screen.id));
  const given = isObj(flow.routing_model) ? (flow.routing_model as Record<string, unknown>) : undefined;
  const navEdges: { from: string; to: string; path: (string | number)[]; navList: boolean }[] = [];
  for (const s of context.screens) {
    const hasNavList = s.components.some((component) => component.type === "NavigationList");
    for (const info of s.components)
      for (const { action, path } of actionsOf(info)) {
        if (action.name !== "navigate" || !isObj(action.next) || typeof action.next.name !== "string")
          continue;
        const to = action.next.name;
        const p = [...path, "next", "name"];
        if (!ids.has(to))
          report.error(
            "A3",
            "INVALID_NAVIGATE_ACTION_NEXT_SCREEN_NAME",
            p,
            `Unknown screen ids found: [${to}]; navigate to one of the Flow's screens.`,
          );
        else if (to === s.id)
          report.error(
            "A3",
            "INVALID_NAVIGATE_ACTION_NEXT_SCREEN_NAME",
            p,
            `Same screen navigation is not allowed. Loop detected at [${to}].`,
          );
        else navEdges.push({ from: s.id, to, path: p, navList: hasNavList && context.at("6.2") });
      }
  }

  // Graph: the given routing model, or one generated from navigate actions for static Flows (§4.3).
  const edges = new Map<string, string[]>();
  const addEdge = (a: string, b: string) => {
    const list = edges.get(a) ?? [];
    if (!list.includes(b)) list.push(b);
    edges.set(a, list);
  };
  const rm = ["routing_model"];
  if (given) {
    const badKeys = Object.keys(given).filter((key) => !ids.has(key));
    if (badKeys.length)
      report.error(
        "R1",
        "INVALID_ROUTING_MODEL",
        rm,
        `Invalid screens found in the routing model: [${badKeys.join(", ")}]; use existing screen ids.`,
      );
    for (const [from, dests] of Object.entries(given)) {
      if (!Array.isArray(dests)) continue;
      edges.set(from, []);
      dests.forEach((to, index) => {
        if (typeof to !== "string") return;
        if (!ids.has(to))
          report.error(
            "R1",
            "INVALID_ROUTING_MODEL",
            [...rm, from, index],
            `Invalid screen found in the routing model: ${to}; use an existing screen id.`,
          );
        else if (to === from)
          report.error(
            "R3",
            "INVALID_ROUTING_MODEL",
            [...rm, from, index],
            `Loop detected in the routing model for screens: [${from}]; a screen cannot route to itself.`,
          );
        else addEdge(from, to);
      });
    }
    const present = new Set<string>();
    for (const [from, dests] of edges) {
      present.add(from);
      dests.forEach((d) => present.add(d));
    }
    const missing = context.screens
      .filter((screen) => !screen.terminal && !present.has(screen.id))
      .map((screen) => screen.id);
    if (missing.length)
      report.error(
        "R2",
        "INVALID_ROUTING_MODEL",
        rm,
        `Following screens are missing in the routing model: [${missing.join(", ")}].`,
      );
    for (const [a, dests] of edges)
      for (const b of dests)
        if (a < b && edges.get(b)?.includes(a))
          report.error(
            "R3",
            "INVALID_ROUTING_MODEL",
            [...rm, b],
            `Backward route [${b}->${a}] corresponding to forward route [${a}->${b}] is not allowed in the routing model. Only forward routes can be specified.`,
          );
    for (const e of navEdges)
      if (!e.navList && !edges.get(e.from)?.includes(e.to))
        report.error(
          "R7",
          "INVALID_ROUTING_MODEL",
          e.path,
          `Missing direct route from screen '${e.from}' to screen '${e.to}' in the routing model, while it exists in the navigate screen action of screen '${e.from}'.`,
        );
  } else {
    for (const s of context.screens) {
      if (!edges.has(s.id)) edges.set(s.id, []);
      if (s.components.some((component) => component.type === "NavigationList"))
        for (const t of ids) if (t !== s.id) addEdge(s.id, t);
    }
    for (const e of navEdges) addEdge(e.from, e.to);
  }
  const suffix = given ? "" : " Reduce navigate actions for the screen.";
  const wide = [...edges].filter(([, d]) => d.length > 10).map(([key]) => key);
  if (wide.length)
    report.error(
      "R4",
      "INVALID_ROUTING_MODEL",
      given ? rm : ["screens"],
      `Number of branches exceeds the max limit of 10 for screens: [${wide.join(", ")}].${suffix}`,
    );

  if (context.screens.length === 0) return;
  const inbound = new Set<string>();
  for (const dests of edges.values()) dests.forEach((d) => inbound.add(d));
  if (given && context.at("7.3")) navEdges.forEach((e) => inbound.add(e.to));
  const entries = context.screens.filter((screen) => !inbound.has(screen.id));
  if (entries.length === 0)
    report.error(
      "R5",
      "INVALID_ROUTING_MODEL",
      given ? rm : ["screens"],
      given
        ? "No entry screen found in the routing model. Expected a screen with no inbound edges as the entry screen."
        : "No entry screen found in the routing model. Add a screen that is not used as the next screen in any of the navigate actions.",
    );

  // Connectivity on the undirected graph (R6).
  const adj = new Map<string, string[]>();
  for (const id of ids) adj.set(id, []);
  for (const [from, destinations] of edges) {
    for (const to of destinations) {
      if (!ids.has(from) || !ids.has(to)) continue;
      adj.get(from)!.push(to);
      adj.get(to)!.push(from);
    }
  }
  const first = context.screens[0]!.id;
  const seen = new Set([first]);
  const toVisit = [first];
  while (toVisit.length > 0) {
    for (const next of adj.get(toVisit.pop()!) ?? []) {
      if (seen.has(next)) continue;
      seen.add(next);
      toVisit.push(next);
    }
  }
  const isolated = [...ids].filter((id) => !seen.has(id));
  if (isolated.length && ids.size > 1)
    report.error(
      "R6",
      "INVALID_ROUTING_MODEL",
      given ? rm : ["screens"],
      given
        ? `Following screens are not connected with the rest of the screens: [${isolated.join(", ")}]. All screens should be connected.`
        : `Following screens are not connected with the rest of the screens via navigate screen action: [${isolated.join(", ")}]. All screens should be connected.`,
    );

  // R8 (documented only): from every screen some terminal screen should be reachable.
  const canFinish = new Set(context.screens.filter((screen) => screen.terminal).map((screen) => screen.id));
  const reverse = new Map<string, string[]>();
  for (const [a, dests] of edges) for (const b of dests) reverse.set(b, [...(reverse.get(b) ?? []), a]);
  const toExpand = [...canFinish];
  while (toExpand.length > 0) {
    for (const previous of reverse.get(toExpand.pop()!) ?? []) {
      if (canFinish.has(previous)) continue;
      canFinish.add(previous);
      toExpand.push(previous);
    }
  }
  const endsWithData = (id: string) =>
    context.screenById
      .get(id)
      ?.components.some((component) =>
        actionsOf(component).some((actionInfo) => actionInfo.action.name === "data_exchange"),
      );
  for (const s of context.screens)
    if (!canFinish.has(s.id) && !endsWithData(s.id) && canFinish.size > 0)
      report.warn(
        "R8",
        "PORTAL_NO_PATH_TO_TERMINAL",
        [...s.path, "id"],
        `No terminal screen can be reached from screen '${s.id}'; add a navigate action that leads towards a terminal screen.`,
      );
}
