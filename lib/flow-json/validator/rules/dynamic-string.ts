/** Whether a value is a binding or a backtick expression, whose content is only known at run time. */
export function isDynamicString(value: unknown): boolean {
  return typeof value === "string" && (value.startsWith("${") || value.startsWith("`"));
}
