import "server-only";

// The built-in 8x8 API simulator. The route app/api/sim/8x8/[...path] adapts HTTP to handleSimulatorRequest.
export { handleSimulatorRequest, type SimulatorOptions } from "./router";
export { createSimulatorFetch } from "./in-process-fetch";
export { toSimRequest, toHttpResponse } from "./http-adapter";
export { simulateFlowSubmission, simulateInboundText } from "./messages";
export { injectFault, clearFaults, FAULT_KINDS, type FaultKind } from "./faults";
export { seedSimulatorDemo, DEMO_CHANNELS } from "./seed";
export type { SimRequest, SimResponse } from "./types";
