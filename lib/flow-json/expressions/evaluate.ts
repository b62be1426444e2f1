import type { ExprNode } from "./ast";
import type { Binding } from "./binding";

/** Runtime data the expressions see (spec §14 state model). */
export type ExpressionScope = {
  data: Record<string, unknown>;
  form: Record<string, unknown>;
  screens: Record<string, { data: Record<string, unknown>; form: Record<string, unknown> }>;
};

export function lookupBinding(binding: Binding, scope: ExpressionScope): unknown {
  const store =
    binding.screen !== undefined ? scope.screens[binding.screen]?.[binding.scope] : scope[binding.scope];
  let value: unknown = store;
  for (const key of binding.path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

const isEmpty = (v: unknown): boolean => v === undefined || v === null || v === "";
const toNumber = (v: unknown): number => (isEmpty(v) ? 0 : Number(v));
// Meta's evaluator rounds every numeric binary result to 2 decimals (spec §10.5).
const round2 = (n: number): number => Math.round(n * 100) / 100;

/** Evaluates with the rules of Meta's WAFlowsASTParser (spec §10.5). Never throws. */
export function evaluateExpression(node: ExprNode, scope: ExpressionScope): unknown {
  switch (node.kind) {
    case "literal":
      return node.value;
    case "binding":
      return lookupBinding(node.binding, scope);
    case "compound":
      return node.parts
        .map((p) => {
          const v = evaluateExpression(p, scope);
          return v === undefined || v === null ? "" : typeof v === "object" ? JSON.stringify(v) : String(v);
        })
        .join("");
    case "unary": {
      const v = evaluateExpression(node.argument, scope);
      if (node.op === "!") return !v;
      if (node.op === "-") return -toNumber(v);
      return v;
    }
    case "binary": {
      const a = evaluateExpression(node.left, scope);
      const b = evaluateExpression(node.right, scope);
      switch (node.op) {
        case "+":
          return round2(toNumber(a) + toNumber(b));
        case "-":
          return round2(toNumber(a) - toNumber(b));
        case "*":
          return round2(toNumber(a) * toNumber(b));
        case "/":
          return isEmpty(b) || Number(b) === 0 ? 0 : round2(toNumber(a) / Number(b));
        case "%":
          return isEmpty(b) || Number(b) === 0 ? 0 : round2(toNumber(a) % Number(b));
        case "==":
          return looseEquals(a, b);
        case "!=":
          return !looseEquals(a, b);
        case "<":
        case "<=":
        case ">":
        case ">=": {
          if (isEmpty(a) || isEmpty(b) || (typeof a !== "number" && typeof b !== "number")) return false;
          const x = Number(a),
            y = Number(b);
          return node.op === "<" ? x < y : node.op === "<=" ? x <= y : node.op === ">" ? x > y : x >= y;
        }
        case "&&":
          return Boolean(a) && Boolean(b);
        case "||":
          return Boolean(a) || Boolean(b);
      }
    }
  }
}

function looseEquals(a: unknown, b: unknown): boolean {
  if (isEmpty(a) || isEmpty(b)) return isEmpty(a) && isEmpty(b);
  if (typeof a === "number" || typeof b === "number") return Number(a) === Number(b);
  return a === b;
}
