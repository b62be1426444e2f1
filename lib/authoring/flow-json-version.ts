/** The `version` a Flow JSON text declares, or null when it does not parse or has none. */
export function declaredVersion(text: string): string | null {
  try {
    const value: unknown = JSON.parse(text);
    if (
      typeof value === "object" &&
      value !== null &&
      "version" in value &&
      typeof value.version === "string"
    )
      return value.version;
    return null;
  } catch {
    return null;
  }
}
