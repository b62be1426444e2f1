import type { FlowJson, FlowJsonProblem, ValidateOptions, ValidationResult } from "../types";
import { parseValue } from "../json/parse";
import type { JsonIndex } from "../json/json-index";
import { locateProblems, type ProblemDraft } from "../problem";
import { SUPPORTED_VERSIONS, atLeast, versionStatus } from "../versions";
import { isObj, createValidationContext, Reporter } from "./context";
import { runSchemaStage } from "./schema-stage";
import { checkScreens } from "./rules/screens";
import { checkRouting } from "./rules/routing";
import { checkPlacement } from "./rules/placement";
import { checkReferences } from "./rules/references";
import { checkComponents } from "./rules/components";
import { checkBestPractices } from "./rules/best-practices";

const MAX_BYTES = 10 * 1024 * 1024;

/** Attaches positions to the findings and splits them into errors and warnings. */
function finish(
  text: string,
  version: string | null,
  flow: FlowJson | null,
  drafts: ProblemDraft[],
  syntaxErrors: FlowJsonProblem[] = [],
  index?: JsonIndex,
): ValidationResult {
  const located = locateProblems(text, drafts, index);
  index?.release();
  const errors = [...syntaxErrors];
  const warnings: FlowJsonProblem[] = [];
  for (let at = 0; at < located.length; at++) {
    (drafts[at]!.severity === "error" ? errors : warnings).push(located[at]!);
  }
  return { valid: errors.length === 0, version, errors, warnings, flow };
}

/** T3: the version is set, known and available. Returns the version to judge by, or null when validation must stop. */
function checkVersion(flow: Record<string, unknown>, report: Reporter): string | null {
  const version = flow.version;
  if (version === undefined) {
    report.error(
      "T3",
      "MISSING_FLOW_JSON_VERSION",
      [],
      'Flow JSON version is not specified; add "version": "7.3".',
    );
    return null;
  }
  if (typeof version !== "string") {
    report.error(
      "T3",
      "INVALID_FLOW_JSON_VERSION",
      ["version"],
      `Flow JSON version must be a string such as "7.3", not ${JSON.stringify(version)}.`,
    );
    return null;
  }
  const status = versionStatus(version);
  if (status === "unknown") {
    report.error(
      "T3",
      "INVALID_FLOW_JSON_VERSION",
      ["version"],
      `Invalid Flow JSON version '${version}'; use one of ${SUPPORTED_VERSIONS.join(", ")}.`,
    );
    return null;
  }
  if (status === "unavailable") {
    report.error(
      "T3",
      "UNAVAILABLE_FLOW_JSON_VERSION",
      ["version"],
      "Given Flow JSON version is not available for your WABA ID; use 7.3.",
    );
    return null;
  }
  if (status === "retired") {
    report.error(
      "T3",
      "UNSUPPORTED_FLOW_JSON_VERSION",
      ["version"],
      `Unsupported Flow JSON version: ${version} can no longer be published; upgrade to 7.3.`,
    );
    // Retired versions are still judged by their own rules so the editor and preview stay useful (§2.2).
    if (!(SUPPORTED_VERSIONS as readonly string[]).includes(version)) return null;
  }
  checkDataApiVersion(flow.data_api_version, version, report);
  return version;
}

/** T3: data_api_version is "3.0", or "4.0" from Flow JSON 7.3. */
function checkDataApiVersion(dataApiVersion: unknown, version: string, report: Reporter): void {
  if (typeof dataApiVersion !== "string") return;
  if (dataApiVersion !== "3.0" && dataApiVersion !== "4.0") {
    report.error(
      "T3",
      "INVALID_DATA_API_VERSION",
      ["data_api_version"],
      `Invalid data_api_version '${dataApiVersion}'; use "3.0" (or "4.0" from Flow JSON 7.3).`,
    );
  } else if (dataApiVersion === "4.0" && !atLeast(version, "7.3")) {
    report.error(
      "T3",
      "NO_SUPPORTED_DATA_API_VERSION",
      ["data_api_version"],
      `data_api_version "4.0" needs Flow JSON 7.3; use "3.0" or upgrade the version.`,
    );
  }
}

/** Validates Flow JSON text in Meta's order (§11.1). Never throws: invalid input yields errors. */
export function validateFlowJson(text: string, options: ValidateOptions = {}): ValidationResult {
  try {
    return validate(text, options);
  } catch (error) {
    // A validator bug must not break the editor; report it as Meta reports an internal crash.
    const report = new Reporter();
    report.error(
      "T1",
      "INVALID_FLOW_JSON",
      [],
      `Flow JSON could not be validated because of an internal error: ${error instanceof Error ? error.message : String(error)}.`,
    );
    return finish(text, null, null, report.drafts);
  }
}

function validate(text: string, options: ValidateOptions): ValidationResult {
  const { value, syntaxErrors, index } = parseValue(text);
  if (value === undefined) {
    return { valid: false, version: null, errors: syntaxErrors, warnings: [], flow: null };
  }
  const report = new Reporter();
  const tooLarge = checkSize(text, report);
  if (!isObj(value)) {
    report.error(
      "T1",
      "INVALID_FLOW_JSON",
      [],
      "Flow JSON is not valid: the document must be a JSON object with 'version' and 'screens'.",
    );
    return finish(text, null, null, report.drafts, syntaxErrors, index);
  }
  const flow = value as FlowJson;
  const declaredVersion = typeof value.version === "string" ? value.version : null;
  const version = checkVersion(value, report);
  if (version === null || tooLarge) {
    return finish(text, declaredVersion, flow, report.drafts, syntaxErrors, index);
  }
  const context = createValidationContext(value, version, options.hasEndpoint);
  context.report.drafts.push(...report.drafts);
  context.report.errorCount = report.errorCount;
  const errorsBeforeSchema = context.report.errorCount;
  runSchemaStage(context);
  // Meta stops after schema errors and returns only those (§11.1 step 4).
  if (context.report.errorCount === errorsBeforeSchema) {
    checkScreens(context);
    checkRouting(context);
    checkPlacement(context);
    checkComponents(context);
    checkReferences(context);
    checkBestPractices(context, text.length);
  }
  return finish(text, declaredVersion, flow, context.report.drafts, syntaxErrors, index);
}

/** T2: at most 10 MB of UTF-8. Returns whether the text is too large (validation then stops). */
function checkSize(text: string, report: Reporter): boolean {
  // UTF-8 takes at least one byte per UTF-16 unit: shorter texts cannot exceed the limit.
  if (text.length <= MAX_BYTES) return false;
  const bytes = new TextEncoder().encode(text).length;
  if (bytes <= MAX_BYTES) return false;
  report.error(
    "T2",
    "INVALID_FLOW_JSON",
    [],
    `The Flow JSON exceeds the maximum size of 10 MB by ${bytes - MAX_BYTES} bytes; make it smaller.`,
  );
  return true;
}
