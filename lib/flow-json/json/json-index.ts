import type { JsonPath, PathSegment } from "./path";
import { readString } from "./json-string";
import { hasEscape, OpenObjectKeys } from "./open-object-keys";

// ONE pass over JSON text that JSON.parse has already accepted. It records, in flat typed arrays, the span of
// every value (and of its key), the offsets where lines begin, and finds duplicate keys on the way. Locating
// the path of a finding is then a walk over these arrays, with no second scan of the text and no per-value
// objects (jsonc-parser's parseTree costs ~10× JSON.parse).

export type Span = { start: number; end: number };
export type Located = {
  value: Span;
  key?: Span;
  /** false when the path does not exist; spans then belong to the deepest existing ancestor */
  exact: boolean;
};
export type DuplicateKey = { key: string; path: PathSegment[]; start: number; end: number };

const BACKSLASH = 92;
const SPACE = 32;
const TAB = 9;
const LINE_FEED = 10;
const CARRIAGE_RETURN = 13;
const QUOTE = 34;
const COMMA = 44;
const COLON = 58;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;

export class JsonIndex {
  /** Number of values (nodes) in document order; node 0 is the root. */
  count = 0;
  start: Int32Array;
  end: Int32Array;
  /** Key span of object members (-1 for array elements and the root). */
  keyStart: Int32Array;
  keyEnd: Int32Array;
  /** First node after this node's subtree: the next sibling, if any. */
  after: Int32Array;
  readonly duplicates: DuplicateKey[] = [];
  /** Offsets where lines begin (JSON strings cannot hold raw line breaks, so the scan sees every one). */
  readonly lineStarts: number[];
  private released = false;

  constructor(readonly text: string) {
    // Pretty-printed Flow JSON has about one value per 40 characters; start below that and grow by doubling.
    const capacity = (text.length >> 5) + 64;
    [this.start, this.end, this.keyStart, this.keyEnd, this.after] = nodeArrays(capacity);
    // About as many lines as values: sized up front, as pushing would copy the array a dozen times as it grows.
    this.lineStarts = new Array<number>(capacity);
    scanText(this);
  }

  /** Appends a node and returns its id. */
  addNode(start: number, end: number, keyStart: number, keyEnd: number): number {
    const node = this.count;
    if (node === this.start.length) this.grow();
    this.start[node] = start;
    this.end[node] = end;
    this.keyStart[node] = keyStart;
    this.keyEnd[node] = keyEnd;
    this.after[node] = node + 1;
    this.count = node + 1;
    return node;
  }

  private grow(): void {
    const [start, end, keyStart, keyEnd, after] = nodeArrays(this.start.length * 2);
    start.set(this.start);
    end.set(this.end);
    keyStart.set(this.keyStart);
    keyEnd.set(this.keyEnd);
    after.set(this.after);
    [this.start, this.end, this.keyStart, this.keyEnd, this.after] = [start, end, keyStart, keyEnd, after];
  }

  /**
   * Hands the node arrays to the next index (see spareBuffer). Call it when done: the index is unusable after.
   */
  release(): void {
    this.released = true;
    spareBuffer = this.start.buffer as ArrayBuffer;
  }

  isObject(node: number): boolean {
    return this.text.charCodeAt(this.start[node]!) === OPEN_BRACE;
  }

  /** The decoded key of an object member. */
  keyOf(node: number): string {
    return readString(this.text, this.keyStart[node]!, this.keyEnd[node]!);
  }

  /** Position of `node` among the elements of array `parent`. */
  indexInArray(parent: number, node: number): number {
    let index = 0;
    for (let sibling = parent + 1; sibling !== node; sibling = this.after[sibling]!) index++;
    return index;
  }

  /** Child of `node` at a path segment, or -1. */
  child(node: number, segment: PathSegment): number {
    const text = this.text;
    const opening = text.charCodeAt(this.start[node]!);
    const stop = this.after[node]!;
    if (opening === OPEN_BRACKET) {
      if (typeof segment !== "number") return -1;
      let index = 0;
      for (let element = node + 1; element < stop; element = this.after[element]!) {
        if (index === segment) return element;
        index++;
      }
      return -1;
    }
    if (opening !== OPEN_BRACE) return -1;
    const key = String(segment);
    // JSON.parse keeps the last of duplicate keys: so does the lookup.
    let found = -1;
    for (let member = node + 1; member < stop; member = this.after[member]!) {
      const keyStart = this.keyStart[member]!;
      const keyEnd = this.keyEnd[member]!;
      if (keyEnd - keyStart - 2 === key.length && text.startsWith(key, keyStart + 1)) found = member;
      else if (hasEscape(text, keyStart, keyEnd) && readString(text, keyStart, keyEnd) === key)
        found = member;
    }
    return found;
  }

  locate(path: JsonPath): Located {
    if (this.released) throw new Error("JsonIndex used after release()");
    if (this.count === 0) return { value: { start: 0, end: this.text.length }, exact: path.length === 0 };
    let node = 0;
    let best: Located = { value: { start: this.start[0]!, end: this.end[0]! }, exact: path.length === 0 };
    for (let depth = 0; depth < path.length; depth++) {
      const next = this.child(node, path[depth]!);
      if (next < 0) break;
      node = next;
      const key =
        this.keyStart[next]! >= 0 ? { start: this.keyStart[next]!, end: this.keyEnd[next]! } : undefined;
      best = {
        value: { start: this.start[next]!, end: this.end[next]! },
        key,
        exact: depth === path.length - 1,
      };
    }
    return best;
  }
}

type NodeArrays = [Int32Array, Int32Array, Int32Array, Int32Array, Int32Array];

/**
 * The buffer of the last released index, for the next one. Validation runs on every keystroke, and a fresh
 * buffer (allocated outside the JavaScript heap and zeroed) costs as much as scanning a tenth of the text.
 * Nothing is read that the scan has not written, so a used buffer serves as well as a new one.
 */
let spareBuffer: ArrayBuffer | undefined;

/** The five per-node arrays, as views of one buffer (the spare one when it is large enough). */
function nodeArrays(capacity: number): NodeArrays {
  const bytes = capacity * Int32Array.BYTES_PER_ELEMENT;
  let buffer = spareBuffer;
  if (buffer && buffer.byteLength >= 5 * bytes) spareBuffer = undefined;
  else buffer = new ArrayBuffer(5 * bytes);
  return [
    new Int32Array(buffer, 0, capacity),
    new Int32Array(buffer, bytes, capacity),
    new Int32Array(buffer, 2 * bytes, capacity),
    new Int32Array(buffer, 3 * bytes, capacity),
    new Int32Array(buffer, 4 * bytes, capacity),
  ];
}

/** The path of a duplicate key, from the open containers (`openNodes[0]` is the root). */
function duplicatePath(index: JsonIndex, openNodes: number[], key: string): PathSegment[] {
  const path: PathSegment[] = [];
  for (let depth = 1; depth < openNodes.length; depth++) {
    const node = openNodes[depth]!;
    path.push(
      index.keyStart[node]! >= 0 ? index.keyOf(node) : index.indexInArray(openNodes[depth - 1]!, node),
    );
  }
  path.push(key);
  return path;
}

function scanText(index: JsonIndex): void {
  const text = index.text;
  const length = text.length;
  const lineStarts = index.lineStarts;
  lineStarts[0] = 0;
  let lineCount = 1;
  /** Open containers (node ids), outermost first. */
  const openNodes: number[] = [];
  const openKeys = new OpenObjectKeys();
  let expectKey = false;
  /** The innermost open container is an object (so a comma there is followed by a key). */
  let inObject = false;
  /** Key of the member whose value comes next (-1 outside objects). */
  let pendingKeyStart = -1;
  let pendingKeyEnd = -1;
  // Offset of the next backslash at or after the current string: a string has escapes when it lies before its
  // end, and its first quote ends it when it lies after that quote. Found with indexOf once per backslash,
  // rather than by reading the characters of every string again.
  let nextBackslash = backslashFrom(text, 0);
  let offset = 0;
  while (offset < length) {
    const char = text.charCodeAt(offset);
    if (char === SPACE || char === COLON || char === TAB || char === CARRIAGE_RETURN) {
      offset++;
    } else if (char === LINE_FEED) {
      offset++;
      lineStarts[lineCount++] = offset;
      // Whitespace is about half of pretty-printed JSON, mostly indentation: skip it in a tight loop. The bound
      // matters for speed too: one read past the end (a final line break) makes V8 recompile every read here
      // as one that may return NaN, which slows this loop down by half for every later text.
      while (offset < length && text.charCodeAt(offset) === SPACE) offset++;
    } else if (char === QUOTE) {
      if (nextBackslash < offset) nextBackslash = backslashFrom(text, offset);
      const quote = text.indexOf('"', offset + 1);
      const end = quote >= 0 && quote < nextBackslash ? quote + 1 : skipString(text, offset);
      if (expectKey) {
        if (!openKeys.add(text, offset, end, nextBackslash < end)) {
          const key = readString(text, offset, end);
          index.duplicates.push({ key, path: duplicatePath(index, openNodes, key), start: offset, end });
        }
        pendingKeyStart = offset;
        pendingKeyEnd = end;
        expectKey = false;
        // The colon and the usual space after a key, without a turn of the main loop each.
        offset = end;
        for (
          let next = text.charCodeAt(offset);
          next === COLON || next === SPACE;
          next = text.charCodeAt(offset)
        ) {
          offset++;
        }
      } else {
        index.addNode(offset, end, pendingKeyStart, pendingKeyEnd);
        pendingKeyStart = pendingKeyEnd = -1;
        offset = end;
      }
    } else if (char === OPEN_BRACE || char === OPEN_BRACKET) {
      // The end is set when the container closes.
      openNodes.push(index.addNode(offset, length, pendingKeyStart, pendingKeyEnd));
      pendingKeyStart = pendingKeyEnd = -1;
      openKeys.open();
      inObject = expectKey = char === OPEN_BRACE;
      offset++;
    } else if (char === CLOSE_BRACE || char === CLOSE_BRACKET) {
      const node = openNodes.pop();
      openKeys.close();
      if (node !== undefined) {
        index.end[node] = offset + 1;
        index.after[node] = index.count;
      }
      const container = openNodes[openNodes.length - 1];
      inObject = container !== undefined && index.isObject(container);
      expectKey = false;
      offset++;
    } else if (char === COMMA) {
      expectKey = inObject;
      offset++;
    } else {
      // number, true, false, null: up to the next delimiter or whitespace
      let end = offset + 1;
      for (; end < length; end++) {
        const next = text.charCodeAt(end);
        if (
          next === COMMA ||
          next === CLOSE_BRACE ||
          next === CLOSE_BRACKET ||
          next === SPACE ||
          next === LINE_FEED ||
          next === CARRIAGE_RETURN ||
          next === TAB
        ) {
          break;
        }
      }
      index.addNode(offset, end, pendingKeyStart, pendingKeyEnd);
      pendingKeyStart = pendingKeyEnd = -1;
      offset = end;
    }
  }
  lineStarts.length = lineCount;
}

/** Offset of the first backslash at or after `from`, or the text length when there is none. */
function backslashFrom(text: string, from: number): number {
  const found = text.indexOf("\\", from);
  return found < 0 ? text.length : found;
}

/** `start` at the opening quote; returns the offset after the closing quote (kept beside the scanner: hot). */
function skipString(text: string, start: number): number {
  let quote = start + 1;
  for (;;) {
    quote = text.indexOf('"', quote);
    if (quote < 0) return text.length;
    // The quote is escaped when an odd number of backslashes precedes it.
    let beforeBackslashes = quote - 1;
    while (text.charCodeAt(beforeBackslashes) === BACKSLASH) beforeBackslashes--;
    if ((quote - 1 - beforeBackslashes) % 2 === 0) return quote + 1;
    quote++;
  }
}
