import { afterEach, describe, expect, it } from "vitest";
import { ConfigError, getEnv, resetEnvCache } from "./env";

const saved = { ...process.env };

afterEach(() => {
  process.env = { ...saved };
  resetEnvCache();
});

function withEnv(changes: Record<string, string | undefined>) {
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  resetEnvCache();
}

describe("getEnv", () => {
  it("reads a complete configuration and derives the API mode", () => {
    withEnv({ DATABASE_URL: "postgresql://u@localhost/db", EIGHTBYEIGHT_API_URL: undefined });
    expect(getEnv().apiMode).toBe("simulator");
    expect(getEnv().PORT).toBe(3000);
    withEnv({ EIGHTBYEIGHT_API_URL: "https://chatapps.8x8.com" });
    expect(getEnv().apiMode).toBe("live");
  });

  it.each([
    ["DATABASE_URL", { DATABASE_URL: undefined }, /DATABASE_URL is not set/],
    ["DATABASE_URL", { DATABASE_URL: "mysql://x" }, /DATABASE_URL must be a postgres/],
    [
      "NEXTAUTH_SECRET",
      { DATABASE_URL: "postgresql://u@h/d", NEXTAUTH_SECRET: "short" },
      /NEXTAUTH_SECRET must be at least 32/,
    ],
    ["PORT", { DATABASE_URL: "postgresql://u@h/d", PORT: "http" }, /PORT/],
    [
      "FLOWPORT_ENCRYPTION_KEY",
      { DATABASE_URL: "postgresql://u@h/d", FLOWPORT_ENCRYPTION_KEY: "abc" },
      /32 bytes/,
    ],
    [
      "EIGHTBYEIGHT_API_URL",
      { DATABASE_URL: "postgresql://u@h/d", EIGHTBYEIGHT_API_URL: "not a url" },
      /EIGHTBYEIGHT_API_URL/,
    ],
  ])("stops with one sentence naming %s", (variable, changes, message) => {
    withEnv(changes);
    expect(() => getEnv()).toThrow(ConfigError);
    expect(() => getEnv()).toThrow(message);
    expect(() => getEnv()).toThrow(new RegExp(`\\(${variable}\\)$`));
  });

  it("defaults the simulator key only in demo mode", () => {
    withEnv({ DATABASE_URL: "postgresql://u@h/d", FLOWPORT_DEMO: "1", SIMULATOR_API_KEY: undefined });
    expect(getEnv().SIMULATOR_API_KEY).toBe("sim-demo-key");
    withEnv({ FLOWPORT_DEMO: "0" });
    expect(getEnv().SIMULATOR_API_KEY).toBeUndefined();
  });
});
