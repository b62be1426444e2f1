import "server-only";

// The portal's flow cache and its sync with 8x8. Import only from "@/lib/flows".
export {
  listFlows,
  getFlow,
  countFlowsByStatus,
  templateUsage,
  FLOW_SORTS,
  type FlowListFilters,
  type FlowListRow,
  type FlowSort,
  type CachedFlow,
} from "./queries";
export { syncChannelFlows, type FlowSyncResult } from "./sync";
export { requestFlowSync, syncFlowsIfStale, getChannelSyncState, FLOW_CACHE_MAX_AGE_MS } from "./jobs";
export { deleteFlow, deprecateFlow } from "./lifecycle";
export { declaredFlowJsonVersion } from "./flow-json-version";
export {
  canEdit,
  canDelete,
  canPublish,
  canDeprecate,
  FLOW_STATUS_LABELS,
  FLOW_STATUS_MEANINGS,
  type FlowStatus,
  type RuleOutcome,
} from "./status-rules";
