// Public surface of templates, pure parts (browser and server): builder rules, limits, languages,
// the documented request body and the chat-bubble model. Server parts: "@/lib/templates/server".
export * from "./rules";
export {
  TEMPLATE_LIMITS,
  HEADER_MEDIA_FORMATS,
  HEADER_MEDIA_LIMITS,
  checkHeaderMediaFile,
  formatBytes,
  type HeaderMediaFormat,
} from "./limits";
export { WHATSAPP_LANGUAGES, findWhatsAppLanguage, languageLabel, type WhatsAppLanguage } from "./languages";
export { scanVariables, fillVariables, type VariableScan } from "./variables";
export {
  toTemplateCreateRequest,
  type TemplateCreateRequest,
  type ApiTemplateComponent,
  type ApiTemplateButton,
} from "./to-api";
export {
  parseComponents,
  flowIdsOfComponents,
  templateButtons,
  templateSendSlots,
  type CachedComponent,
  type CachedButton,
  type TemplateSendSlots,
} from "./components";
export { bubbleFromDraft, bubbleFromComponents, type ChatBubbleModel, type BubbleButton } from "./bubble";
export { describeFlowJson, type FlowButtonOption } from "./flow-options";
export { formatWhatsAppText, type TextRun } from "./whatsapp-text";
export {
  TEMPLATE_STATUSES,
  STATUS_INFO,
  QUALITY_INFO,
  REJECTION_REASONS,
  describeRejection,
  statusInfo,
  qualityInfo,
  type TemplateStatus,
} from "./statuses";
