import { readString } from "./json-string";

// The duplicate-key check of the scan (JsonIndex): keys of the objects that are still open.

/** Keys per object compared pairwise up to this count; larger objects switch to a Set. */
const LINEAR_KEY_LIMIT = 16;
const BACKSLASH = 92;

/**
 * Keys of the open objects, for the duplicate check: a flat stack of (start, end, escaped) triples, where
 * each open object owns the triples from its base; objects with many keys switch to a Set of decoded keys.
 */
export class OpenObjectKeys {
  /** A plain array: a typed one would be allocated outside the JavaScript heap, slowly, on every scan. */
  private readonly triples: number[] = [];
  private top = 0;
  private readonly bases: number[] = [];
  private readonly sets: (Set<string> | null)[] = [];

  open(): void {
    this.bases.push(this.top);
    this.sets.push(null);
  }

  close(): void {
    this.top = this.bases.pop() ?? 0;
    this.sets.pop();
  }

  /**
   * Adds the key [start, end) to the innermost open object; returns false when it was already there.
   * `escaped`: the key contains a backslash (the scanner knows without looking at its characters again).
   */
  add(text: string, start: number, end: number, escaped: boolean): boolean {
    const depth = this.bases.length - 1;
    const set = this.sets[depth];
    if (set) {
      const key = readString(text, start, end);
      if (set.has(key)) return false;
      set.add(key);
      return true;
    }
    const base = this.bases[depth]!;
    const triples = this.triples;
    for (let at = base; at < this.top; at += 3) {
      if (sameString(text, triples[at]!, triples[at + 1]!, triples[at + 2] === 1, start, end, escaped)) {
        return false;
      }
    }
    triples[this.top++] = start;
    triples[this.top++] = end;
    triples[this.top++] = escaped ? 1 : 0;
    if (this.top - base > LINEAR_KEY_LIMIT * 3) {
      const keys = new Set<string>();
      for (let at = base; at < this.top; at += 3) keys.add(readString(text, triples[at]!, triples[at + 1]!));
      this.sets[depth] = keys;
    }
    return true;
  }
}

/** Whether two string tokens decode to the same string; escaped spellings ("a", "\u0061") are equal. */
function sameString(
  text: string,
  firstStart: number,
  firstEnd: number,
  firstEscaped: boolean,
  secondStart: number,
  secondEnd: number,
  secondEscaped: boolean,
): boolean {
  if (firstEscaped || secondEscaped) {
    return readString(text, firstStart, firstEnd) === readString(text, secondStart, secondEnd);
  }
  const length = firstEnd - firstStart;
  if (length !== secondEnd - secondStart) return false;
  for (let offset = 1; offset < length - 1; offset++) {
    if (text.charCodeAt(firstStart + offset) !== text.charCodeAt(secondStart + offset)) return false;
  }
  return true;
}

/** Whether the string token [start, end) contains a backslash (keys are short: a plain loop). */
export function hasEscape(text: string, start: number, end: number): boolean {
  for (let offset = start + 1; offset < end - 1; offset++) {
    if (text.charCodeAt(offset) === BACKSLASH) return true;
  }
  return false;
}
