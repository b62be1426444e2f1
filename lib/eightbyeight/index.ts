import "server-only";

// Public surface of the 8x8 Chat Apps API client. Import only from "@/lib/eightbyeight".
export { createEightByEightClient } from "./client";
export type {
  EightByEightClient,
  EightByEightConfig,
  CreateFlowInput,
  UpdateFlowInput,
  AddTemplateInput,
  TemplateComponentInput,
  TemplateButtonInput,
  SendMessageInput,
  MediaUploadResult,
} from "./client";
export {
  getEightByEightClient,
  resolveApiConfig,
  readStoredCredentials,
  saveStoredCredentials,
  appBaseUrl,
  SIMULATOR_PATH,
  type ResolvedApiConfig,
} from "./config";
export {
  EightByEightApiError,
  EightByEightUnreachableError,
  isEightByEightError,
  describeEightByEightError,
} from "./errors";
export { createMemoryRateLimiter, FLOW_API_LIMIT, type RateLimiter } from "./rate-limiter";
export { createPostgresRateLimiter } from "./pg-rate-limiter";
export {
  FLOW_STATUSES,
  FLOW_CATEGORIES,
  parseLenientDate,
  type FlowStatus,
  type FlowCategory,
  type FlowSummary,
  type FlowDetails,
  type FlowSaveResult,
  type FlowPreview,
  type FlowValidationError,
  type TemplateSummary,
  type MessageSendResult,
  type MessageDetails,
} from "./schemas";
