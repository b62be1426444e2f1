// Bindings: "${data.x}", "${form.x}", "${screen.S.data.x}", "${screen.S.form.x}" (spec §10.1).

export type Binding = {
  /** Which store of the screen: its incoming data, or its form values. */
  scope: "data" | "form";
  /** Set for global references (4.0+): the referenced screen id. */
  screen?: string;
  /** Field path below the store, e.g. ["address", "city"]. Never empty. */
  path: string[];
};

/** Global-reference grammar of the 4.0+ builder; the screen part only allows letters, ',' and '_'. */
const BINDING_RE = /^\$\{(?:screen\.([a-zA-Z,_]*)\.)?(data|form)((?:\.[\w-]+)+)\}$/;
/** Same grammar, unanchored, to find bindings embedded in text. */
export const EMBEDDED_BINDING_RE = /\$\{[^}]*\}/;

/** Parses a whole-string binding; null when `raw` is not exactly one binding. */
export function parseBinding(raw: string): Binding | null {
  const m = BINDING_RE.exec(raw);
  if (!m) return null;
  const path = m[3]!.slice(1).split(".");
  const scope = m[2] as "data" | "form";
  return m[1] !== undefined ? { scope, screen: m[1], path } : { scope, path };
}

/** Bindings met by the validator, by text (null: not a binding). Cleared when full, so it cannot grow unbounded. */
const sharedBindings = new Map<string, Readonly<Binding> | null>();
const MAX_SHARED_BINDINGS = 4096;

/**
 * parseBinding for the validator, which parses the same strings in several checks and again on every keystroke.
 * The result is shared between callers, hence frozen.
 */
export function parseSharedBinding(raw: string): Readonly<Binding> | null {
  let binding = sharedBindings.get(raw);
  if (binding === undefined) {
    const parsed = parseBinding(raw);
    binding = parsed && Object.freeze({ ...parsed, path: Object.freeze(parsed.path) as string[] });
    if (sharedBindings.size >= MAX_SHARED_BINDINGS) sharedBindings.clear();
    sharedBindings.set(raw, binding);
  }
  return binding;
}

export function isBindingString(value: unknown): value is string {
  return typeof value === "string" && value.startsWith("${") && parseBinding(value) !== null;
}

/** A 6.0+ nested expression: the whole value is wrapped in backticks. */
export function isBacktickExpression(value: unknown): value is string {
  return typeof value === "string" && value.length >= 2 && value.startsWith("`") && value.endsWith("`");
}

export function formatBinding(b: Binding): string {
  return (
    "${" + (b.screen !== undefined ? `screen.${b.screen}.` : "") + b.scope + "." + b.path.join(".") + "}"
  );
}
