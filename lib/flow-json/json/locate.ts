import type { JsonPath } from "./path";
import { JsonIndex, type Located } from "./scan";

// Finds the text spans of many paths. The position index is built in one pass over the text (see scan.ts).
export { skipString, type Span, type Located } from "./scan";

export function locatePaths(
  text: string,
  paths: readonly JsonPath[],
  index: JsonIndex = new JsonIndex(text),
): Located[] {
  return paths.map((p) => index.locate(p));
}
