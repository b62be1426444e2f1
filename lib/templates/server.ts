import "server-only";

// Server parts of templates: the cache, sync, submit and delete, and the durable jobs.
export {
  listTemplates,
  getTemplate,
  templatesUsingFlow,
  publishedFlowOptions,
  templateRuleContext,
  getTemplateSyncState,
  NAME_REUSE_BLOCK_DAYS,
  type TemplateRow,
  type TemplateFilters,
} from "./queries";
export { syncChannelTemplates, type TemplateSyncResult } from "./sync";
export { submitTemplate, deleteTemplate } from "./manage-templates";
export {
  enqueueTemplateSync,
  syncTemplatesIfStale,
  isTemplateCacheStale,
  scheduleApprovalCheck,
  TEMPLATE_CACHE_MAX_AGE_MS,
} from "./jobs";
