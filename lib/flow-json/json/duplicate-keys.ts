import { JsonIndex, type DuplicateKey } from "./scan";

export type { DuplicateKey } from "./scan";

// JSON.parse silently keeps the last of two equal keys; authors almost never mean that, so we report it.
// The check is part of the one-pass position index (scan.ts).
export function findDuplicateKeys(text: string, index: JsonIndex = new JsonIndex(text)): DuplicateKey[] {
  return index.duplicates;
}
