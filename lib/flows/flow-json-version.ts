/** The `version` a Flow JSON text declares, or null when the text is not JSON or has none. */
export function declaredFlowJsonVersion(flowJson: string | null | undefined): string | null {
  if (!flowJson) return null;
  try {
    const parsed: unknown = JSON.parse(flowJson);
    const version =
      typeof parsed === "object" && parsed !== null ? (parsed as { version?: unknown }).version : undefined;
    return typeof version === "string" ? version : null;
  } catch {
    return null;
  }
}
