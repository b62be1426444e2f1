import "server-only";
import { z } from "zod";

/**
 * The one place that reads configuration. `scripts/start.mjs` fills the demo defaults (embedded PostgreSQL,
 * generated secrets) before the server starts, so by the time this runs every required value is present
 * or the start stops with one sentence naming the variable.
 */
const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();

const envSchema = z.object({
  DATABASE_URL: z
    .string({
      error:
        "DATABASE_URL is not set: point it at PostgreSQL or start with `npm start` for the embedded one.",
    })
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgres:// or postgresql:// URL."),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  NEXTAUTH_URL: z.url("NEXTAUTH_URL must be an absolute URL such as http://localhost:3000.").optional(),
  NEXTAUTH_SECRET: z
    .string({ error: "NEXTAUTH_SECRET is not set: set it to a random string of at least 32 characters." })
    .min(32, "NEXTAUTH_SECRET must be at least 32 characters long."),
  WEBHOOK_TOKEN: z
    .string({ error: "WEBHOOK_TOKEN is not set: set it to a random string of at least 24 characters." })
    .min(24, "WEBHOOK_TOKEN must be at least 24 characters long."),
  FLOWPORT_ENCRYPTION_KEY: z
    .string({ error: "FLOWPORT_ENCRYPTION_KEY is not set: set it to 32 random bytes in base64." })
    .refine(
      (value) => Buffer.from(value, "base64").length === 32,
      "FLOWPORT_ENCRYPTION_KEY must be 32 bytes in base64.",
    ),
  EIGHTBYEIGHT_API_URL: optionalText.pipe(z.url("EIGHTBYEIGHT_API_URL must be an absolute URL.").optional()),
  EIGHTBYEIGHT_API_KEY: optionalText,
  EIGHTBYEIGHT_ACCOUNT_ID: optionalText,
  EIGHTBYEIGHT_SUBACCOUNT_ID: optionalText,
  SIMULATOR_API_KEY: optionalText,
  /** Seconds the simulator's "Meta review" takes before a template is APPROVED or REJECTED. */
  SIMULATOR_TEMPLATE_REVIEW_SECONDS: z.coerce
    .number({ error: "SIMULATOR_TEMPLATE_REVIEW_SECONDS must be a number of seconds." })
    .int()
    .min(0)
    .max(86_400)
    .default(20),
  FLOWPORT_DEMO: z
    .enum(["0", "1", "true", "false"], { error: "FLOWPORT_DEMO must be 1 or 0." })
    .optional()
    .transform((value) => value === "1" || value === "true"),
});

export type Env = z.infer<typeof envSchema> & { apiMode: "simulator" | "live" };

export class ConfigError extends Error {
  override name = "ConfigError";
}

let cached: Env | undefined;

export function getEnv(): Env {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const variable = issue?.path.join(".") ?? "configuration";
    throw new ConfigError(
      `Flowport cannot start: ${issue?.message ?? `${variable} is invalid.`} (${variable})`,
    );
  }
  const env = parsed.data;
  cached = {
    ...env,
    SIMULATOR_API_KEY: env.SIMULATOR_API_KEY ?? (env.FLOWPORT_DEMO ? "sim-demo-key" : undefined),
    apiMode: env.EIGHTBYEIGHT_API_URL ? "live" : "simulator",
  };
  return cached;
}

/** Tests change process.env between cases. */
export function resetEnvCache(): void {
  cached = undefined;
}
