import "server-only";

// Server parts of sending: the sends themselves and the send log.
export { sendInteractiveFlow, sendTemplate, type SendOutcome } from "./send-messages";
export { sendsForFlow, sendsForTemplate, SEND_LOG_LIMIT, type SendLog, type SendLogRow } from "./queries";
export { loadSendFlowDialogData, type SendFlowDialogData, type SendableTemplate } from "./dialog-data";
