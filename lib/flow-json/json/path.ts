// Paths into the document. 8x8 prints them JS-style: screens[0].layout.children[1].type (8x8-api.md §2.3).
export type PathSegment = string | number;
export type JsonPath = readonly PathSegment[];

export function formatPath(path: JsonPath): string {
  let out = "";
  for (const seg of path) {
    if (typeof seg === "number") out += `[${seg}]`;
    else out += out === "" ? seg : `.${seg}`;
  }
  return out;
}
