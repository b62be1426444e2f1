// Flow JSON versions (spec §2). Versions are compared as major*100+minor, like Meta's builder.

export const SUPPORTED_VERSIONS = [
  "2.1",
  "3.0",
  "3.1",
  "4.0",
  "5.0",
  "5.1",
  "6.0",
  "6.1",
  "6.2",
  "6.3",
  "7.0",
  "7.1",
  "7.2",
  "7.3",
] as const;
export const PUBLISHABLE_VERSIONS = ["5.1", "6.0", "6.1", "6.2", "6.3", "7.0", "7.1", "7.2", "7.3"] as const;
export const LATEST_VERSION = "7.3";
/** Every version up to 5.0 is retired in Meta's builder (§2.2). */
const RETIRED = new Set([
  "1.0",
  "1.1",
  "1.2",
  "2.0",
  "2.1",
  "2.2",
  "2.99",
  "3.0",
  "3.1",
  "3.2",
  "4.0",
  "4.1",
  "5.0",
]);
/** Known to Meta but internal/beta: not enabled for a normal WABA. */
const UNAVAILABLE = new Set(["5.2", "7.4"]);

export type VersionStatus = "supported" | "retired" | "unavailable" | "unknown";

export function versionStatus(version: string): VersionStatus {
  if ((SUPPORTED_VERSIONS as readonly string[]).includes(version))
    return RETIRED.has(version) ? "retired" : "supported";
  if (RETIRED.has(version)) return "retired";
  if (UNAVAILABLE.has(version)) return "unavailable";
  return "unknown";
}

const numbers = new Map<string, number>();
const DOT = 46;
const ZERO = 48;

/** "7.3" → 703; NaN for anything that is not "{major}.{minor}". Rules ask for it constantly: see below. */
export function versionNumber(version: string): number {
  // Every version so far is "{digit}.{digit}": read the two digits (this also lets the compiler fold the
  // comparisons rules make against constant versions). Other forms are parsed once and memoised.
  if (version.length === 3 && version.charCodeAt(1) === DOT) {
    const major = version.charCodeAt(0) - ZERO;
    const minor = version.charCodeAt(2) - ZERO;
    if (major >= 0 && major <= 9 && minor >= 0 && minor <= 9) return major * 100 + minor;
  }
  let n = numbers.get(version);
  if (n !== undefined) return n;
  const m = /^(\d+)\.(\d+)$/.exec(version);
  n = m ? Number(m[1]) * 100 + Number(m[2]) : NaN;
  if (numbers.size < 256) numbers.set(version, n);
  return n;
}

/** true when `version` ≥ `min` (both "{major}.{minor}"). */
export function atLeast(version: string, min: string): boolean {
  return versionNumber(version) >= versionNumber(min);
}

/** atLeast(version, ·) for one version, for callers that ask it many times. */
export function atLeastFor(version: string): (min: string) => boolean {
  const current = versionNumber(version);
  return (min) => versionNumber(min) <= current;
}
