/**
 * `{{n}}` variables in template text. WhatsApp numbers them 1..n without gaps; anything else between
 * double braces (`{{name}}`, `{{ 1 }}`) is rejected at review, so it is reported here instead.
 */
const ANY_BRACES = /\{\{([^{}]*)\}\}/g;
const NUMBERED = /^[1-9][0-9]*$/;

export type VariableScan = {
  /** Distinct variable numbers in order of first appearance. */
  numbers: number[];
  /** The highest number used (0 without variables): how many sample values the text needs. */
  count: number;
  /** Placeholders that are not `{{n}}`, verbatim. */
  malformed: string[];
  /** Numbers missing from 1..count. */
  missing: number[];
};

export function scanVariables(text: string): VariableScan {
  const numbers: number[] = [];
  const malformed: string[] = [];
  for (const match of text.matchAll(ANY_BRACES)) {
    const inner = match[1] ?? "";
    if (!NUMBERED.test(inner)) {
      malformed.push(match[0]);
      continue;
    }
    const n = Number(inner);
    if (!numbers.includes(n)) numbers.push(n);
  }
  const count = numbers.length === 0 ? 0 : Math.max(...numbers);
  const missing: number[] = [];
  for (let n = 1; n <= count; n += 1) if (!numbers.includes(n)) missing.push(n);
  return { numbers, count, malformed, missing };
}

/** Replaces each `{{n}}` with its value; a variable without a value stays visible as `{{n}}`. */
export function fillVariables(text: string, values: readonly (string | undefined)[]): string {
  return text.replace(/\{\{([1-9][0-9]*)\}\}/g, (placeholder, n: string) => {
    const value = values[Number(n) - 1];
    return value && value.length > 0 ? value : placeholder;
  });
}
