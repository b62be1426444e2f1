"use client";

/**
 * Unsaved editor text kept in the browser's localStorage, so nothing typed is lost to a closed tab, a
 * crash or a failed save. Cleared once the server has the text.
 */
export type LocalDraft = {
  flowJson: string;
  name: string;
  categories: string[];
  endpointUri: string;
  /** The revision the text was based on (null on the create page). */
  baseRevision: number | null;
  savedAt: string;
};

const PREFIX = "flowport:flow-draft:";

export function localDraftKey(scope: string): string {
  return `${PREFIX}${scope}`;
}

export function readLocalDraft(key: string): LocalDraft | null {
  try {
    const raw = window.localStorage.getItem(key);
    if (!raw) return null;
    const value = JSON.parse(raw) as Partial<LocalDraft>;
    if (typeof value.flowJson !== "string" || typeof value.savedAt !== "string") return null;
    return {
      flowJson: value.flowJson,
      name: typeof value.name === "string" ? value.name : "",
      categories: Array.isArray(value.categories)
        ? value.categories.filter((c): c is string => typeof c === "string")
        : [],
      endpointUri: typeof value.endpointUri === "string" ? value.endpointUri : "",
      baseRevision: typeof value.baseRevision === "number" ? value.baseRevision : null,
      savedAt: value.savedAt,
    };
  } catch {
    // A corrupt entry is as good as none.
    return null;
  }
}

export function writeLocalDraft(key: string, draft: Omit<LocalDraft, "savedAt">): void {
  try {
    window.localStorage.setItem(key, JSON.stringify({ ...draft, savedAt: new Date().toISOString() }));
  } catch {
    // Storage full or disabled: the text is still in the editor, only the safety copy is missing.
  }
}

export function clearLocalDraft(key: string): void {
  try {
    window.localStorage.removeItem(key);
  } catch {
    // Storage disabled: nothing was stored either.
  }
}
