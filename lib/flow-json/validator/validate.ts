import type { FlowJson, FlowJsonProblem, ValidateOptions, ValidationResult } from "../types";
import { parseValue } from "../json/parse";
import type { JsonIndex } from "../json/scan";
import { locateProblems, type ProblemDraft } from "../problem";
import { SUPPORTED_VERSIONS, atLeast, versionStatus } from "../versions";
import { isObj, makeCtx, Reporter } from "./context";
import { runSchemaStage } from "./schema-stage";
import { checkScreens } from "./rules/screens";
import { checkRouting } from "./rules/routing";
import { checkPlacement } from "./rules/placement";
import { checkReferences } from "./rules/references";
import { checkComponents } from "./rules/components";
import { checkBestPractices } from "./rules/best-practices";

const MAX_BYTES = 10 * 1024 * 1024;

function finish(
  text: string,
  version: string | null,
  flow: FlowJson | null,
  drafts: ProblemDraft[],
  pre: FlowJsonProblem[] = [],
  index?: JsonIndex,
): ValidationResult {
  const located = locateProblems(text, drafts, index);
  const errors = [...pre, ...located.filter((_, i) => drafts[i]!.severity === "error")];
  const warnings = located.filter((_, i) => drafts[i]!.severity === "warning");
  return { valid: errors.length === 0, version, errors, warnings, flow };
}

/** Version checks (T3). Returns the version to judge by, or null when validation must stop. */
function checkVersion(flow: Record<string, unknown>, r: Reporter): string | null {
  const v = flow.version;
  if (v === undefined)
    return (
      r.error(
        "T3",
        "MISSING_FLOW_JSON_VERSION",
        [],
        'Flow JSON version is not specified; add "version": "7.3".',
      ),
      null
    );
  if (typeof v !== "string")
    return (
      r.error(
        "T3",
        "INVALID_FLOW_JSON_VERSION",
        ["version"],
        `Flow JSON version must be a string such as "7.3", not ${JSON.stringify(v)}.`,
      ),
      null
    );
  const status = versionStatus(v);
  if (status === "unknown")
    return (
      r.error(
        "T3",
        "INVALID_FLOW_JSON_VERSION",
        ["version"],
        `Invalid Flow JSON version '${v}'; use one of ${SUPPORTED_VERSIONS.join(", ")}.`,
      ),
      null
    );
  if (status === "unavailable")
    return (
      r.error(
        "T3",
        "UNAVAILABLE_FLOW_JSON_VERSION",
        ["version"],
        "Given Flow JSON version is not available for your WABA ID; use 7.3.",
      ),
      null
    );
  if (status === "retired") {
    r.error(
      "T3",
      "UNSUPPORTED_FLOW_JSON_VERSION",
      ["version"],
      `Unsupported Flow JSON version: ${v} can no longer be published; upgrade to 7.3.`,
    );
    // Retired versions are still judged by their own rules so the editor and preview stay useful (§2.2).
    if (!(SUPPORTED_VERSIONS as readonly string[]).includes(v)) return null;
  }
  const api = flow.data_api_version;
  if (typeof api === "string") {
    if (api !== "3.0" && api !== "4.0")
      r.error(
        "T3",
        "INVALID_DATA_API_VERSION",
        ["data_api_version"],
        `Invalid data_api_version '${api}'; use "3.0" (or "4.0" from Flow JSON 7.3).`,
      );
    else if (api === "4.0" && !atLeast(v, "7.3"))
      r.error(
        "T3",
        "NO_SUPPORTED_DATA_API_VERSION",
        ["data_api_version"],
        `data_api_version "4.0" needs Flow JSON 7.3; use "3.0" or upgrade the version.`,
      );
  }
  return v;
}

/** Validates Flow JSON text in Meta's order (§11.1). Never throws: invalid input yields errors. */
export function validateFlowJson(text: string, options: ValidateOptions = {}): ValidationResult {
  try {
    return validate(text, options);
  } catch (e) {
    // A validator bug must not break the editor; report it as Meta reports an internal crash.
    const r = new Reporter();
    r.error(
      "T1",
      "INVALID_FLOW_JSON",
      [],
      `Flow JSON could not be validated because of an internal error: ${e instanceof Error ? e.message : String(e)}.`,
    );
    return finish(text, null, null, r.drafts);
  }
}

function validate(text: string, options: ValidateOptions): ValidationResult {
  const { value, syntaxErrors, index } = parseValue(text);
  if (value === undefined)
    return { valid: false, version: null, errors: syntaxErrors, warnings: [], flow: null };
  const r = new Reporter();
  if (text.length > MAX_BYTES) {
    const bytes = new TextEncoder().encode(text).length;
    if (bytes > MAX_BYTES)
      r.error(
        "T2",
        "INVALID_FLOW_JSON",
        [],
        `The maximum size of the Flow JSON is 10 MB. But your Flow JSON size exceeds the maximum size by ${bytes - MAX_BYTES} bytes.`,
      );
  }
  if (!isObj(value)) {
    r.error(
      "T1",
      "INVALID_FLOW_JSON",
      [],
      "Flow JSON is not valid: the document must be a JSON object with 'version' and 'screens'.",
    );
    return finish(text, null, null, r.drafts, syntaxErrors, index);
  }
  const flow = value as FlowJson;
  const declared = typeof value.version === "string" ? value.version : null;
  const version = checkVersion(value, r);
  if (version === null || r.drafts.some((d) => d.rule === "T2"))
    return finish(text, declared, flow, r.drafts, syntaxErrors, index);
  const ctx = makeCtx(value, version, options.hasEndpoint);
  ctx.report.drafts.push(...r.drafts);
  ctx.report.errorCount = r.errorCount;
  const before = ctx.report.errorCount;
  runSchemaStage(ctx);
  // Meta stops after schema errors and returns only those (§11.1 step 4).
  if (ctx.report.errorCount === before) {
    checkScreens(ctx);
    checkRouting(ctx);
    checkPlacement(ctx);
    checkComponents(ctx);
    checkReferences(ctx);
    checkBestPractices(ctx, text.length);
  }
  return finish(text, declared, flow, ctx.report.drafts, syntaxErrors, index);
}
