// Public surface of sending, pure parts (browser and server): recipient normalisation, the send rules
// and the documented message bodies. Server parts: "@/lib/sending/server".
export {
  normalisePhoneNumber,
  parseRecipientList,
  describeInvalidRecipient,
  type PhoneCheck,
  type RecipientList,
} from "./phone-numbers";
export {
  SEND_LIMITS,
  checkRecipients,
  checkInteractiveContent,
  checkTemplateValues,
  parseInitialData,
  interactiveSendSchema,
  templateSendSchema,
  type InteractiveSendInput,
  type TemplateSendInput,
  type SendIssue,
} from "./rules";
export {
  buildTemplateMessage,
  buildInteractiveFlowMessage,
  type MessageRequest,
  type TemplateSendValues,
  type InteractiveFlowContent,
} from "./to-api";
