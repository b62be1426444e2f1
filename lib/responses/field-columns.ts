import { parseBinding, parseFlowJson, type Component, type FlowJson } from "@/lib/flow-json";

/** A column of the responses table: a payload key, its label, and how its values are shown. */
export type FieldColumn = { key: string; label: string; kind: "value" | "attachment" };

type ScreenIndex = {
  components: Map<string, Component>;
  /** Payload sent into the screen by navigate actions of other screens: key → [source screen, value]. */
  incoming: Map<string, { fromScreen: string; value: unknown }[]>;
};

const ATTACHMENT_TYPES = new Set(["PhotoPicker", "DocumentPicker"]);
const MAX_DATA_HOPS = 8;

function childComponents(component: Component): Component[] {
  const nested: unknown[] = [
    component.children,
    component.then,
    component.else,
    ...Object.values(component.cases ?? {}),
  ];
  return nested.flatMap((list) => (Array.isArray(list) ? (list as Component[]) : []));
}

function actionsOf(
  component: Component,
): { name?: string; next?: { name?: string }; payload?: Record<string, unknown> }[] {
  return ["on-click-action", "on-select-action", "on-unselect-action"]
    .map((property) => component[property])
    .filter((action): action is { name?: string } => !!action && typeof action === "object");
}

/**
 * The `complete` payload keys of a Flow JSON with the label of the input each one comes from. A key maps
 * to `${form.x}` (the component named x on the same screen), `${screen.S.form.x}`, or `${data.x}`, which
 * is followed back through the navigate payloads that fed the screen. Untraceable keys keep their name.
 */
export function traceCompletePayloadColumns(flowJsonText: string): FieldColumn[] {
  const value = parseFlowJson(flowJsonText).value as FlowJson | undefined;
  if (!value || !Array.isArray(value.screens)) return [];
  const screens = new Map<string, ScreenIndex>();
  const completes: { screen: string; payload: Record<string, unknown> }[] = [];
  for (const screen of value.screens) {
    if (screen && typeof screen.id === "string")
      screens.set(screen.id, { components: new Map(), incoming: new Map() });
  }
  for (const screen of value.screens) {
    const index = screens.get(screen?.id);
    if (!index) continue;
    const queue: Component[] = Array.isArray(screen.layout?.children) ? [...screen.layout.children] : [];
    while (queue.length > 0) {
      const component = queue.shift()!;
      if (!component || typeof component !== "object") continue;
      if (typeof component.name === "string") index.components.set(component.name, component);
      for (const action of actionsOf(component)) {
        const payload = action.payload && typeof action.payload === "object" ? action.payload : {};
        if (action.name === "complete") completes.push({ screen: screen.id, payload });
        if (action.name === "navigate" && action.next?.name) {
          const target = screens.get(action.next.name);
          for (const [key, payloadValue] of Object.entries(payload)) {
            const list = target?.incoming.get(key) ?? [];
            list.push({ fromScreen: screen.id, value: payloadValue });
            target?.incoming.set(key, list);
          }
        }
      }
      queue.push(...childComponents(component));
    }
  }

  const resolve = (screenId: string, raw: unknown, hops: number): Component | null => {
    if (typeof raw !== "string" || hops > MAX_DATA_HOPS) return null;
    const binding = parseBinding(raw);
    if (!binding || raw.trim() !== raw || !raw.startsWith("${") || !raw.endsWith("}")) return null;
    const name = binding.path[0];
    if (!name) return null;
    const owner = binding.screen ?? screenId;
    if (binding.scope === "form") return screens.get(owner)?.components.get(name) ?? null;
    for (const source of screens.get(owner)?.incoming.get(name) ?? []) {
      const found = resolve(source.fromScreen, source.value, hops + 1);
      if (found) return found;
    }
    return null;
  };

  const columns = new Map<string, FieldColumn>();
  for (const { screen, payload } of completes) {
    for (const [key, raw] of Object.entries(payload)) {
      if (key === "flow_token" || columns.has(key)) continue;
      const component = resolve(screen, raw, 0);
      const label =
        typeof component?.label === "string" && !component.label.includes("${") ? component.label.trim() : "";
      columns.set(key, {
        key,
        label: label || key,
        kind: component && ATTACHMENT_TYPES.has(component.type) ? "attachment" : "value",
      });
    }
  }
  return [...columns.values()];
}

/** The flow's traced columns first, then any other key seen in the responses (as its own label). */
export function buildFieldColumns(flowJsonText: string | null, seenKeys: Iterable<string>): FieldColumn[] {
  const columns = flowJsonText ? traceCompletePayloadColumns(flowJsonText) : [];
  const known = new Set(columns.map((column) => column.key));
  for (const key of seenKeys) {
    if (key === "flow_token" || known.has(key)) continue;
    known.add(key);
    columns.push({ key, label: key, kind: "value" });
  }
  return columns;
}
