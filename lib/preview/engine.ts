// The only file that imports the Flow JSON engine, so the preview depends on one narrow surface.
export { resolveDynamicValue, evaluateCondition, isBacktickExpression } from "@/lib/flow-json";
export type { ExpressionScope } from "@/lib/flow-json";
