// Paths into the document. 8x8 prints them JS-style: screens[0].layout.children[1].type (8x8-api.md §2.3).
export type PathSegment = string | number;
export type JsonPath = readonly PathSegment[];

/**
 * `path` with one more segment, as a new array of exactly that length. The validator builds one per component
 * and per checked property; a spread ([...path, segment]) leaves room to grow and costs about three times as much.
 */
export function childPath(path: JsonPath, segment: PathSegment): PathSegment[] {
  const length = path.length;
  const child = new Array<PathSegment>(length + 1);
  for (let index = 0; index < length; index++) child[index] = path[index]!;
  child[length] = segment;
  return child;
}

export function formatPath(path: JsonPath): string {
  let out = "";
  for (const seg of path) {
    if (typeof seg === "number") out += `[${seg}]`;
    else out += out === "" ? seg : `.${seg}`;
  }
  return out;
}
