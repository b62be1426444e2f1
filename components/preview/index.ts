// Public surface of the preview view. The state machine lives in @/lib/preview.
export { FlowPreview } from "./flow-preview";
export type { FlowPreviewProps } from "./flow-preview";
export type { LiveEndpointCall, LiveEndpointResult } from "./panels/endpoint-panel";
export type { PhoneTheme } from "./phone-theme";
