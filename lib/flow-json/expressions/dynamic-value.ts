import { ExpressionError, type ExprNode } from "./ast";
import { isBacktickExpression, parseBinding } from "./binding";
import { evaluateExpression, lookupBinding, type ExpressionScope } from "./evaluate";
import { parseExpression } from "./parser";
import { atLeast } from "../versions";

// Parsing is the costly part and the preview re-evaluates on every input change: cache ASTs by source.
const cache = new Map<string, ExprNode | ExpressionError>();
const CACHE_LIMIT = 2000;

/** Parses expression source, caching the result; returns an ExpressionError instead of throwing. */
export function parseExpressionCached(src: string): ExprNode | ExpressionError {
  let hit = cache.get(src);
  if (hit) return hit;
  try {
    hit = parseExpression(src);
  } catch (e) {
    hit = e instanceof ExpressionError ? e : new ExpressionError(String(e), 1);
  }
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(src, hit);
  return hit;
}

/**
 * Resolves a property value at run time: a whole-string binding, a 6.0+ backtick expression,
 * or a literal; recurses into arrays and objects. Never throws: what cannot be resolved is undefined.
 */
export function resolveDynamicValue(value: unknown, scope: ExpressionScope, version: string): unknown {
  if (typeof value === "string") {
    if (value.startsWith("${")) {
      const binding = parseBinding(value);
      return binding ? lookupBinding(binding, scope) : value;
    }
    if (isBacktickExpression(value) && atLeast(version, "6.0")) {
      const ast = parseExpressionCached(value.slice(1, -1));
      return ast instanceof ExpressionError ? undefined : evaluateExpression(ast, scope);
    }
    return value;
  }
  if (Array.isArray(value)) return value.map((v) => resolveDynamicValue(v, scope, version));
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = resolveDynamicValue(v, scope, version);
    return out;
  }
  return value;
}

/** Evaluates an `If.condition` (plain condition grammar, or a 6.0+ backtick expression / boolean). Errors → false. */
export function evaluateCondition(condition: string | boolean, scope: ExpressionScope): boolean {
  if (typeof condition === "boolean") return condition;
  if (typeof condition !== "string") return false;
  const src = isBacktickExpression(condition) ? condition.slice(1, -1) : condition;
  const ast = parseExpressionCached(src);
  if (ast instanceof ExpressionError) return false;
  return Boolean(evaluateExpression(ast, scope));
}
