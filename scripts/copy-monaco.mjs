// Copies Monaco's AMD build from node_modules into public/monaco/vs (git-ignored) after `npm install`,
// so the editor page loads it from this server: never from a CDN, and only where the editor is shown.
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { root } from "./lib/run.mjs";

const source = path.join(root, "node_modules", "monaco-editor", "min", "vs");
const target = path.join(root, "public", "monaco", "vs");
const stamp = path.join(root, "public", "monaco", "VERSION");
const version = JSON.parse(
  readFileSync(path.join(root, "node_modules", "monaco-editor", "package.json"), "utf8"),
).version;

if (!existsSync(source)) throw new Error(`Monaco's build is missing at ${source}: run npm install.`);
if (
  existsSync(stamp) &&
  readFileSync(stamp, "utf8").trim() === version &&
  existsSync(path.join(target, "loader.js"))
) {
  console.log(`Monaco ${version} is already in public/monaco/vs.`);
} else {
  rmSync(path.join(root, "public", "monaco"), { recursive: true, force: true });
  cpSync(source, target, { recursive: true });
  writeFileSync(stamp, `${version}\n`);
  console.log(`Copied Monaco ${version} to public/monaco/vs.`);
}
