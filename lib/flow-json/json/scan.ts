import type { JsonPath, PathSegment } from "./path";

// ONE pass over JSON text that JSON.parse has already accepted. It records, in flat typed arrays, the span of
// every value (and of its key), and finds duplicate keys on the way. Locating the path of a finding is then a
// walk over these arrays, with no second scan of the text and no per-value objects (jsonc-parser's parseTree
// costs ~10× JSON.parse; this costs well under 1×).

export type Span = { start: number; end: number };
export type Located = {
  value: Span;
  key?: Span;
  /** false when the path does not exist; spans then belong to the deepest existing ancestor */ exact: boolean;
};
export type DuplicateKey = { key: string; path: PathSegment[]; start: number; end: number };

/** Keys per object compared pairwise up to this count; larger objects switch to a Set. */
const LINEAR_KEYS = 16;

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
  readonly lineStarts: number[] = [0];

  constructor(readonly text: string) {
    // Pretty-printed Flow JSON has about one value per 40 characters; start below that and grow by doubling.
    const cap = (text.length >> 5) + 64;
    this.start = new Int32Array(cap);
    this.end = new Int32Array(cap);
    this.keyStart = new Int32Array(cap);
    this.keyEnd = new Int32Array(cap);
    this.after = new Int32Array(cap);
    scan(this);
  }

  grow(): void {
    const cap = this.start.length * 2;
    const g = (a: Int32Array) => {
      const b = new Int32Array(cap);
      b.set(a);
      return b;
    };
    this.start = g(this.start);
    this.end = g(this.end);
    this.keyStart = g(this.keyStart);
    this.keyEnd = g(this.keyEnd);
    this.after = g(this.after);
  }

  isObject(node: number): boolean {
    return this.text.charCodeAt(this.start[node]!) === 123;
  }

  isArray(node: number): boolean {
    return this.text.charCodeAt(this.start[node]!) === 91;
  }

  /** The decoded key of an object member. */
  keyOf(node: number): string {
    return readKey(this.text, this.keyStart[node]!, this.keyEnd[node]!);
  }

  /** Child of `node` at a path segment, or -1. */
  child(node: number, seg: PathSegment): number {
    const text = this.text;
    const c0 = text.charCodeAt(this.start[node]!);
    const stop = this.after[node]!;
    if (c0 === 91) {
      if (typeof seg !== "number") return -1;
      let c = node + 1;
      for (let k = 0; c < stop; k++, c = this.after[c]!) if (k === seg) return c;
      return -1;
    }
    if (c0 !== 123) return -1;
    const key = String(seg);
    // JSON.parse keeps the last of duplicate keys: so does the lookup.
    let found = -1;
    for (let c = node + 1; c < stop; c = this.after[c]!) {
      const ks = this.keyStart[c]!,
        ke = this.keyEnd[c]!;
      if (ke - ks - 2 === key.length && text.startsWith(key, ks + 1)) found = c;
      else if (hasEscape(text, ks, ke) && readKey(text, ks, ke) === key) found = c;
    }
    return found;
  }

  locate(path: JsonPath): Located {
    if (this.count === 0) return { value: { start: 0, end: this.text.length }, exact: path.length === 0 };
    let node = 0;
    let best: Located = { value: { start: this.start[0]!, end: this.end[0]! }, exact: path.length === 0 };
    for (let i = 0; i < path.length; i++) {
      const next = this.child(node, path[i]!);
      if (next < 0) break;
      node = next;
      const key =
        this.keyStart[next]! >= 0 ? { start: this.keyStart[next]!, end: this.keyEnd[next]! } : undefined;
      best = { value: { start: this.start[next]!, end: this.end[next]! }, key, exact: i === path.length - 1 };
    }
    return best;
  }
}

function readKey(text: string, start: number, end: number): string {
  const raw = text.slice(start + 1, end - 1);
  if (!raw.includes("\\")) return raw;
  try {
    return JSON.parse(text.slice(start, end)) as string;
  } catch {
    return raw;
  }
}

/** i at the opening quote; returns the offset after the closing quote. */
export function skipString(text: string, i: number): number {
  let j = i + 1;
  for (;;) {
    j = text.indexOf('"', j);
    if (j < 0) return text.length;
    let k = j - 1;
    while (text.charCodeAt(k) === 92) k--;
    if ((j - 1 - k) % 2 === 0) return j + 1;
    j++;
  }
}

/** Whether the string token [s, e) contains a backslash (keys are short: a plain loop). */
function hasEscape(text: string, s: number, e: number): boolean {
  for (let k = s + 1; k < e - 1; k++) if (text.charCodeAt(k) === 92) return true;
  return false;
}

function sameKey(
  text: string,
  as: number,
  ae: number,
  aEsc: boolean,
  bs: number,
  be: number,
  bEsc: boolean,
): boolean {
  // Escaped spellings of one key ("a" and "\u0061") are the same key.
  if (aEsc || bEsc) return readKey(text, as, ae) === readKey(text, bs, be);
  if (ae - as !== be - bs) return false;
  const last = ae - as - 1;
  for (let k = 1; k < last; k++) if (text.charCodeAt(as + k) !== text.charCodeAt(bs + k)) return false;
  return true;
}

function scan(ix: JsonIndex): void {
  const text = ix.text;
  const len = text.length;
  /** Open containers (node ids), with for objects the first index of their keys in `keys` and an optional Set. */
  const open: number[] = [];
  const keyBase: number[] = [];
  const keySets: (Set<string> | null)[] = [];
  /** Flat (start, end, escaped) triples of the keys of all open objects: a manual stack, no array resizing. */
  let keys = new Int32Array(96);
  let keyTop = 0;
  /** Element count of each open container (array index of the next child). */
  const counts: number[] = [];
  /** Array index of each node in its parent (only kept for duplicate paths). */
  const indexInParent: number[] = [];
  let expectKey = false;
  let pendingKs = -1,
    pendingKe = -1;
  let n = 0;

  const node = (s: number, e: number): number => {
    if (n === ix.start.length) ix.grow();
    ix.start[n] = s;
    ix.end[n] = e;
    ix.keyStart[n] = pendingKs;
    ix.keyEnd[n] = pendingKe;
    ix.after[n] = n + 1;
    pendingKs = pendingKe = -1;
    const depth = open.length;
    indexInParent[depth] = depth > 0 ? (counts[depth - 1] = counts[depth - 1]! + 1) - 1 : 0;
    return n++;
  };

  const report = (ks: number, ke: number): void => {
    const path: PathSegment[] = [];
    for (let d = 1; d < open.length; d++) {
      const c = open[d]!;
      path.push(ix.keyStart[c]! >= 0 ? readKey(text, ix.keyStart[c]!, ix.keyEnd[c]!) : indexInParent[d]!);
    }
    const key = readKey(text, ks, ke);
    path.push(key);
    ix.duplicates.push({ key, path, start: ks, end: ke });
  };

  let i = 0;
  while (i < len) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 58 || c === 9 || c === 13) {
      i++;
    } else if (c === 10) {
      ix.lineStarts.push(++i);
    } else if (c === 34) {
      const e = skipString(text, i);
      if (expectKey) {
        const d = open.length - 1;
        const set = keySets[d];
        if (set) {
          const k = readKey(text, i, e);
          if (set.has(k)) report(i, e);
          else set.add(k);
        } else {
          const base = keyBase[d]!;
          const esc = hasEscape(text, i, e) ? 1 : 0;
          for (let k = base; k < keyTop; k += 3)
            if (sameKey(text, keys[k]!, keys[k + 1]!, keys[k + 2] === 1, i, e, esc === 1)) {
              report(i, e);
              break;
            }
          if (keyTop + 3 > keys.length) {
            const bigger = new Int32Array(keys.length * 2);
            bigger.set(keys);
            keys = bigger;
          }
          keys[keyTop++] = i;
          keys[keyTop++] = e;
          keys[keyTop++] = esc;
          if (keyTop - base > LINEAR_KEYS * 3) {
            const s = new Set<string>();
            for (let k = base; k < keyTop; k += 3) s.add(readKey(text, keys[k]!, keys[k + 1]!));
            keySets[d] = s;
          }
        }
        pendingKs = i;
        pendingKe = e;
        expectKey = false;
      } else node(i, e);
      i = e;
    } else if (c === 123 || c === 91) {
      const id = node(i, len);
      open.push(id);
      counts.push(0);
      keyBase.push(keyTop);
      keySets.push(null);
      expectKey = c === 123;
      i++;
    } else if (c === 125 || c === 93) {
      const id = open.pop();
      counts.pop();
      keyTop = keyBase.pop() ?? 0;
      keySets.pop();
      if (id !== undefined) {
        ix.end[id] = i + 1;
        ix.after[id] = n;
      }
      expectKey = false;
      i++;
    } else if (c === 44) {
      const top = open[open.length - 1];
      expectKey = top !== undefined && text.charCodeAt(ix.start[top]!) === 123;
      i++;
    } else {
      // number, true, false, null
      let j = i + 1;
      for (; j < len; j++) {
        const d = text.charCodeAt(j);
        if (d === 44 || d === 125 || d === 93 || d === 32 || d === 10 || d === 13 || d === 9) break;
      }
      node(i, j);
      i = j;
    }
  }
  ix.count = n;
}
