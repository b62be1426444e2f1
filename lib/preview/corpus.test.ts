import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createPreviewSession, resolveScreen, walkToCompletion } from "./index";

const CORPUS = path.resolve(__dirname, "../examples/corpus");
const DIRS = ["meta-examples", "seed-examples"];
// Flows the corpus READMEs list as invalid under Meta's rules: they must still render, but need not finish.
const INVALID = new Set(["pywa-6.2-navigation-list.json"]);

const files = DIRS.flatMap((dir) =>
  readdirSync(path.join(CORPUS, dir))
    .filter((name) => name.endsWith(".json") && !name.includes("snippets"))
    .map((name) => ({ dir, name, text: readFileSync(path.join(CORPUS, dir, name), "utf8") })),
);

describe("corpus flows", () => {
  it("finds the corpus", () => {
    expect(files.length).toBeGreaterThanOrEqual(50);
  });

  it.each(files.map((file) => [`${file.dir}/${file.name}`, file] as const))(
    "%s renders its first screen without an error box",
    (_, file) => {
      const state = createPreviewSession(file.text);
      const screen = resolveScreen(state);
      expect(screen).not.toBeNull();
      expect(screen?.nodes.filter((node) => node.kind === "error")).toEqual([]);
    },
  );

  it.each(
    files
      .filter((file) => !INVALID.has(file.name))
      .map((file) => [`${file.dir}/${file.name}`, file] as const),
  )("%s can be walked to completion", (_, file) => {
    const result = walkToCompletion(file.text);
    const last = result.state.log.slice(-3).map((entry) => entry.message);
    expect({ completed: result.completed, trail: result.trail, last }).toMatchObject({ completed: true });
    expect(result.state.completion?.responseJson).toHaveProperty("flow_token");
  });
});
