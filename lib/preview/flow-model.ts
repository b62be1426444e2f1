import type { JsonObject } from "./types";

// Tolerant readers over an unvalidated Flow JSON document: the preview must render invalid drafts too.

export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function asObject(value: unknown): JsonObject {
  return isObject(value) ? value : {};
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function asString(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

/** "7.3" → 703, as Meta's builder compares versions; unknown → latest. */
export function versionNumber(version: string): number {
  const match = /^(\d+)\.(\d+)$/.exec(version);
  if (!match) return 703;
  return Number(match[1]) * 100 + Number(match[2]);
}

export type ScreenRef = { id: string; index: number; raw: JsonObject };

export function listScreens(flow: JsonObject): ScreenRef[] {
  return asArray(flow.screens).flatMap((raw, index) => {
    const id = isObject(raw) ? asString(raw.id) : undefined;
    return id && isObject(raw) ? [{ id, index, raw }] : [];
  });
}

export function findScreen(flow: JsonObject, id: string): ScreenRef | undefined {
  return listScreens(flow).find((screen) => screen.id === id);
}

export function screenPath(screen: ScreenRef): string {
  return `screens[${screen.index}]`;
}

/** The screen's mock data: each field's `__example__` (§5.2). */
export function exampleData(screen: JsonObject | undefined): JsonObject {
  const model = asObject(screen?.data);
  const data: JsonObject = {};
  for (const [key, schema] of Object.entries(model)) {
    if (key === "required" || !isObject(schema)) continue;
    if ("__example__" in schema) data[key] = schema.__example__;
  }
  return data;
}

/** Forward edges: the routing model when given, else generated from navigate actions (§4.3). */
export function routingEdges(flow: JsonObject): Record<string, string[]> {
  if (isObject(flow.routing_model)) {
    const edges: Record<string, string[]> = {};
    for (const [from, to] of Object.entries(flow.routing_model)) {
      edges[from] = asArray(to).filter((target): target is string => typeof target === "string");
    }
    return edges;
  }
  const edges: Record<string, string[]> = {};
  for (const screen of listScreens(flow)) {
    const targets = new Set<string>();
    collectNavigateTargets(screen.raw.layout, targets);
    edges[screen.id] = [...targets];
  }
  return edges;
}

function collectNavigateTargets(node: unknown, targets: Set<string>): void {
  if (Array.isArray(node)) {
    for (const item of node) collectNavigateTargets(item, targets);
    return;
  }
  if (!isObject(node)) return;
  if (node.name === "navigate" && isObject(node.next)) {
    const target = asString(node.next.name);
    if (target) targets.add(target);
  }
  for (const value of Object.values(node)) collectNavigateTargets(value, targets);
}

/** First screen without inbound edges, else the first screen (§4.4). */
export function entryScreenId(flow: JsonObject): string | undefined {
  const screens = listScreens(flow);
  const edges = routingEdges(flow);
  const inbound = new Set(Object.values(edges).flat());
  return (screens.find((screen) => !inbound.has(screen.id)) ?? screens[0])?.id;
}

/** A copy of the Flow with only its entry screen: enough to draw a thumbnail, much smaller to ship. */
export function entryScreenOnly(flow: JsonObject): JsonObject {
  const entry = entryScreenId(flow);
  const screen = entry ? findScreen(flow, entry) : undefined;
  const { routing_model: _routes, ...rest } = flow;
  return { ...rest, screens: screen ? [screen.raw] : [] };
}

export function isTerminal(screen: JsonObject | undefined): boolean {
  return screen?.terminal === true;
}
