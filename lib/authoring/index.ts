// Flow authoring: create, save (optimistic concurrency + revisions), publish, new versions, history.
export { createFlow, type CreateFlowParsed } from "./create-flow";
export { saveFlow, type SaveFlowParsed, type SaveFlowResult } from "./save-flow";
export { publishFlow, publishBlockers } from "./publish-flow";
export { listRevisions, getRevisionText, type RevisionSummary } from "./history";
export {
  getFlowOverview,
  getEditableFlow,
  type FlowOverview,
  type EditableFlow,
  type LineageEntry,
} from "./flow-overview";
export { StaleRevisionError } from "./errors";
export { toRemoteProblems } from "./remote-problems";
export { getHostedPreview, type HostedPreviewLinkData } from "./hosted-preview";
