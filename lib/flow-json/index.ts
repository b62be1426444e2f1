// Public surface of the Flow JSON engine. Pure TypeScript: runs in the browser, on the server and in the CLI.
export type {
  FlowJson,
  Screen,
  Layout,
  Component,
  ComponentType,
  Action,
  ActionName,
  DataSourceItem,
  NavigationListItem,
  DataFieldSchema,
  ScreenDataModel,
  FlowJsonProblem,
  FlowJsonPointer,
  ValidationResult,
  ValidateOptions,
} from "./types";
export { SUPPORTED_VERSIONS, PUBLISHABLE_VERSIONS, LATEST_VERSION, versionNumber, atLeast } from "./versions";

export type { ExpressionScope } from "./expressions/evaluate";
export type { ExprNode } from "./expressions/ast";
export type { Binding } from "./expressions/binding";
export { ExpressionError } from "./expressions/ast";
export { parseBinding, isBindingString, isBacktickExpression } from "./expressions/binding";
export { parseExpression } from "./expressions/parser";
export { evaluateExpression } from "./expressions/evaluate";
export { resolveDynamicValue, evaluateCondition } from "./expressions/dynamic-value";

export { parseFlowJson, type ParsedFlowJson, type JsonNode } from "./json/parse";
export { formatPath, type JsonPath } from "./json/path";
export { validateFlowJson } from "./validator/validate";
export { COMPONENT_SPECS } from "./validator/component-specs";
export { getFlowJsonSchema } from "./editor/json-schema";
export { toEditorMarkers, type EditorMarker } from "./editor/markers";
export { RULE_IDS, type RuleId } from "./validator/catalogue";
