// Secrets for machines where none were configured: generated once, kept in .flowport/secrets.json (git-ignored)
// with owner-only permissions, so sessions and encrypted settings survive restarts.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync, chmodSync } from "node:fs";
import path from "node:path";

const GENERATORS = {
  NEXTAUTH_SECRET: () => randomBytes(32).toString("base64url"),
  WEBHOOK_TOKEN: () => randomBytes(24).toString("base64url"),
  FLOWPORT_ENCRYPTION_KEY: () => randomBytes(32).toString("base64"),
};

/** Returns the variables that were missing from `env`, taken from (or added to) the secrets file. */
export function localSecrets(stateDir, env) {
  const file = path.join(stateDir, "secrets.json");
  const stored = existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : {};
  let changed = false;
  const filled = {};
  for (const [name, generate] of Object.entries(GENERATORS)) {
    if (env[name]) continue;
    if (!stored[name]) {
      stored[name] = generate();
      changed = true;
    }
    filled[name] = stored[name];
  }
  if (changed) {
    mkdirSync(stateDir, { recursive: true });
    writeFileSync(file, JSON.stringify(stored, null, 2) + "\n", { mode: 0o600 });
    chmodSync(file, 0o600);
  }
  return filled;
}
