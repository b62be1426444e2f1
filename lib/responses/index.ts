// Webhook ingestion and the responses they become: receive, process, attribute, show, export.
export {
  parseWebhookBody,
  parseFlowSubmission,
  webhookEventSchema,
  WEBHOOK_EVENT_TYPES,
  type WebhookEvent,
} from "./envelope";
export { mintFlowToken, verifyFlowToken, type FlowTokenCheck } from "./flow-token";
export { receiveWebhook } from "./receive-webhook";
export { createWebhookFastPath } from "./webhook-fast-path";
export { traceCompletePayloadColumns, buildFieldColumns, type FieldColumn } from "./field-columns";
export { responseFiltersSchema, parsePageFilters, type ResponseFilters } from "./filters";
export {
  MASKED_VALUE,
  maskPhoneNumber,
  formatFieldValue,
  type ResponseRow,
  type DetailEntry,
} from "./row-model";
export { escapeFormulaCell, toCsvLines } from "./csv";
export {
  TABLE_ROW_LIMIT,
  getResponsesScope,
  loadResponsesTable,
  loadResponsesSummary,
  listFlowsForResponses,
  listChannels,
  type ResponsesScope,
  type ResponsesTable,
  type ResponsesSummaryData,
  type FlowWithResponses,
} from "./queries";
export { exportResponsesCsv } from "./export-csv";
export { assignResponseSchema, assignResponseToFlow } from "./assign-response";
export {
  DELIVERY_RESULTS,
  DELIVERY_LOG_LIMIT,
  deliveryLogFiltersSchema,
  listDeliveries,
  getDeliveryBody,
  reprocessDeliverySchema,
  reprocessDelivery,
  type DeliverySummary,
  type DeliveryLogFilters,
} from "./deliveries";
