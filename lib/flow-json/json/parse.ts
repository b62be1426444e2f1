import { parseTree, printParseErrorCode, type Node, type ParseError } from "jsonc-parser";
import type { FlowJsonProblem } from "../types";
import { problemAtSpan } from "../problem";
import { JsonIndex } from "./json-index";
import { LineIndex } from "./line-index";

export type JsonNode = Node;

export type ParsedFlowJson = {
  /** The parsed value (undefined when the text is not JSON). */
  value: unknown;
  syntaxErrors: FlowJsonProblem[];
  /** jsonc-parser tree: offset/length of every key and value (undefined when nothing could be parsed). */
  tree: JsonNode | undefined;
  /** Maps offsets to 1-based line/column. */
  lines: LineIndex;
};

// jsonc-parser's ParseErrorCode is an ambient const enum, unusable under isolatedModules: mirror the values used.
const PEC = { PropertyNameExpected: 3, ValueExpected: 4 } as const;

const SYNTAX_HINTS: Record<number, string> = {
  /* InvalidSymbol */ 1: "unexpected character; JSON allows only objects, arrays, double-quoted strings, numbers, true, false and null",
  /* InvalidNumberFormat */ 2: "invalid number; write numbers like 12 or 3.5",
  /* PropertyNameExpected */ 3: "a property name in double quotes is expected",
  /* ValueExpected */ 4: "a value is expected",
  /* ColonExpected */ 5: "a colon is expected after the property name",
  /* CommaExpected */ 6: "a comma is expected between items",
  /* CloseBraceExpected */ 7: "a closing '}' is expected",
  /* CloseBracketExpected */ 8: "a closing ']' is expected",
  /* EndOfFileExpected */ 9: "unexpected content after the end of the document",
  /* InvalidCommentToken */ 10: "comments are not allowed in JSON",
  /* UnexpectedEndOfComment */ 11: "comments are not allowed in JSON",
  /* UnexpectedEndOfString */ 12: "unterminated string; close it with a double quote",
  /* UnexpectedEndOfNumber */ 13: "incomplete number",
  /* InvalidUnicode */ 14: "invalid \\u escape; use four hex digits",
  /* InvalidEscapeCharacter */ 15: 'invalid escape; allowed are \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX',
  /* InvalidCharacter */ 16: "control characters must be escaped inside strings (for example \\n)",
};

function isTrailingComma(text: string, e: ParseError): boolean {
  if (e.error !== PEC.PropertyNameExpected && e.error !== PEC.ValueExpected) return false;
  const c = text[e.offset];
  if (c !== "}" && c !== "]") return false;
  let i = e.offset - 1;
  while (i >= 0 && /\s/.test(text[i]!)) i--;
  return text[i] === ",";
}

function syntaxProblem(text: string, e: ParseError): FlowJsonProblem {
  let hint = SYNTAX_HINTS[e.error] ?? printParseErrorCode(e.error);
  let span = { start: e.offset, end: e.offset + Math.max(1, e.length) };
  if (isTrailingComma(text, e)) {
    hint = "trailing comma before the closing bracket; remove the comma after the last item";
    const comma = text.lastIndexOf(",", e.offset);
    span = { start: comma, end: comma + 1 };
  }
  return problemAtSpan(
    text,
    {
      rule: "T1",
      code: "INVALID_FLOW_JSON",
      severity: "error",
      path: [],
      message: `Flow JSON is not valid: ${hint}.`,
    },
    span,
  );
}

/** Syntax errors of text that JSON.parse rejected (positions from jsonc-parser's scanner). */
export function syntaxErrorsOf(text: string, parseErrorMessage: string): FlowJsonProblem[] {
  const errors: ParseError[] = [];
  parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  if (errors.length > 0) return errors.slice(0, 1).map((e) => syntaxProblem(text, e));
  // jsonc-parser accepted what JSON.parse did not (rare): fall back to the engine's own position.
  const at = Number(/position (\d+)/.exec(parseErrorMessage)?.[1] ?? 0);
  return [
    problemAtSpan(
      text,
      {
        rule: "T1",
        code: "INVALID_FLOW_JSON",
        severity: "error",
        path: [],
        message: `Flow JSON is not valid: ${parseErrorMessage}.`,
      },
      { start: at, end: at + 1 },
    ),
  ];
}

/** Duplicate keys are valid for JSON.parse (last wins) but always a mistake in Flow JSON: report them as errors. */
export function duplicateKeyErrors(text: string, index: JsonIndex = new JsonIndex(text)): FlowJsonProblem[] {
  return index.duplicates.map((d) =>
    problemAtSpan(
      text,
      {
        rule: "T1",
        code: "INVALID_FLOW_JSON",
        severity: "error",
        path: d.path,
        message: `Flow JSON is not valid: duplicate key '${d.key}'; each property name may appear only once in an object.`,
      },
      { start: d.start, end: d.end },
    ),
  );
}

/** Fast parse used on every keystroke: native JSON.parse, jsonc-parser only for error positions. */
export function parseValue(text: string): {
  value: unknown;
  syntaxErrors: FlowJsonProblem[];
  index?: JsonIndex;
} {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return {
      value: undefined,
      syntaxErrors: syntaxErrorsOf(text, e instanceof Error ? e.message : String(e)),
    };
  }
  const index = new JsonIndex(text);
  return { value, syntaxErrors: duplicateKeyErrors(text, index), index };
}

/** JSON text → value, syntax errors with positions, and a position-aware tree of every key and value. */
export function parseFlowJson(text: string): ParsedFlowJson {
  const { value, syntaxErrors } = parseValue(text);
  const tree = parseTree(text, [], { disallowComments: true, allowTrailingComma: false });
  return { value, syntaxErrors, tree, lines: new LineIndex(text) };
}
