// Public surface of the preview view. The state machine lives in @/lib/preview.
export { FlowPreview } from "./flow-preview";
export type { FlowPreviewProps } from "./flow-preview";
export { LiveFlowPreview } from "./live-flow-preview";
export { FlowThumbnail } from "./flow-thumbnail";
export { HostedPreviewLink, type HostedPreview } from "./hosted-preview-link";
export { createLiveEndpointCall, type LiveEndpointTarget } from "./live-endpoint";
export type { PreviewFinding, PreviewValidation } from "./findings";
export type { LiveEndpointCall, LiveEndpointResult } from "./panels/endpoint-panel";
export type { PhoneTheme } from "./phone-theme";
