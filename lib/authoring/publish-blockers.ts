import { validateFlowJson, type FlowJsonProblem } from "@/lib/flow-json";

/**
 * What keeps a stored draft from being published, one sentence each: the validator's errors and 8x8's
 * validationErrors. Pure, so the publish dialog shows exactly what the server action would refuse.
 */
export function publishBlockersOf(
  flowJson: string | null,
  hasEndpoint: boolean,
  remote: FlowJsonProblem[],
): string[] {
  if (!flowJson) return ["The flow has no Flow JSON yet."];
  const located = (p: FlowJsonProblem) => `Line ${p.lineStart}, column ${p.columnStart}: ${p.message}`;
  return [
    ...validateFlowJson(flowJson, { hasEndpoint }).errors.map(located),
    ...remote.map((p) => `8x8: ${located(p)}`),
  ];
}
