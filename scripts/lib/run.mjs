import { spawn } from "node:child_process";
import path from "node:path";

export const root = path.resolve(import.meta.dirname, "..", "..");
export const bin = (name) => path.join(root, "node_modules", ".bin", name);

/** Runs a command to completion with inherited output; rejects with its exit code. */
export function run(command, args, { env = process.env, cwd = root } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: "inherit", env, cwd });
    child.on("error", reject);
    child.on("exit", (code, signal) =>
      code === 0
        ? resolve()
        : reject(
            Object.assign(
              new Error(`${path.basename(command)} ${args.join(" ")} failed (${signal ?? code})`),
              { exitCode: code ?? 1 },
            ),
          ),
    );
  });
}

/** tsx with the react-server condition, so modules marked `server-only` load in scripts. */
export function runTsx(script, args = [], options) {
  return run(bin("tsx"), ["--conditions=react-server", script, ...args], options);
}
