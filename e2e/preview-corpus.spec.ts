import { expect, test } from "@playwright/test";
import { listExamples } from "../lib/examples";
import { storageStateFor } from "./support/accounts";
import { walkExampleInUi } from "./support/preview-driver";

// Every valid corpus Flow renders its first screen without an error box and can be walked to completion in the UI.
test.use({ storageState: storageStateFor("tester") });

const examples = listExamples();
const valid = examples.filter((example) => example.valid);

test("the corpus has the expected valid examples", () => {
  expect(examples.length).toBeGreaterThanOrEqual(50);
  expect(valid.length).toBeGreaterThanOrEqual(40);
});

for (const example of valid) {
  test(`${example.slug} runs to completion`, async ({ page }) => {
    const trail = await walkExampleInUi(page, example.slug, example.flowJson);
    expect(trail.length).toBeGreaterThan(0);
  });
}
