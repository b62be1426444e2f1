/**
 * Structured one-line logs. Log ids and codes, never bodies, phone numbers or keys: `redact` removes
 * values under secret-looking keys as a safety net.
 */
type Level = "debug" | "info" | "warn" | "error";

const SECRET_KEY = /(authorization|password|secret|token|api[-_]?key|cookie)/i;

function redact(value: unknown, depth = 0): unknown {
  if (value instanceof Error)
    return {
      name: value.name,
      message: value.message,
      stack: value.stack?.split("\n").slice(0, 6).join("\n"),
    };
  if (depth > 4 || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.slice(0, 20).map((item) => redact(item, depth + 1));
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [
      key,
      SECRET_KEY.test(key) ? "[redacted]" : redact(inner, depth + 1),
    ]),
  );
}

function write(level: Level, event: string, fields: Record<string, unknown> = {}): void {
  if (level === "debug" && process.env.FLOWPORT_DEBUG !== "1") return;
  const line = JSON.stringify({ at: new Date().toISOString(), level, event, ...(redact(fields) as object) });
  if (level === "error" || level === "warn") console.error(line);
  else console.log(line);
}

export const logger = {
  debug: (event: string, fields?: Record<string, unknown>) => write("debug", event, fields),
  info: (event: string, fields?: Record<string, unknown>) => write("info", event, fields),
  warn: (event: string, fields?: Record<string, unknown>) => write("warn", event, fields),
  error: (event: string, fields?: Record<string, unknown>) => write("error", event, fields),
};
