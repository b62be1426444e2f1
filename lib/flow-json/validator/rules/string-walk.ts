import type { JsonPath, PathSegment } from "../../json/path";
import { isObj, mayReference } from "../context";

// Finds the strings inside a property or payload value that may reference data.

export interface ReferenceStringVisitor {
  visit(text: string, path: JsonPath): void;
}

/**
 * Calls the visitor for every string in `value` that may reference data, skipping nested actions (checked on
 * their own). `path` is a mutable stack (push/pop, no copies); visitors copy it if they keep it.
 */
export function walkReferenceStrings(
  value: unknown,
  path: PathSegment[],
  visitor: ReferenceStringVisitor,
): void {
  if (typeof value === "string") {
    if (mayReference(value)) visitor.visit(value, path);
  } else if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      const item: unknown = value[index];
      if (item === null || (typeof item !== "string" && typeof item !== "object")) continue;
      path.push(index);
      walkReferenceStrings(item, path, visitor);
      path.pop();
    }
  } else if (isObj(value)) {
    for (const key in value) {
      if (key.startsWith("on-")) continue;
      const item = value[key];
      if (item === null || (typeof item !== "string" && typeof item !== "object")) continue;
      path.push(key);
      walkReferenceStrings(item, path, visitor);
      path.pop();
    }
  }
}
