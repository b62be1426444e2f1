import type { Page } from "@playwright/test";
import path from "node:path";

/** Full-page screenshots a person looks at after the run: test-results/screenshots/<name>.png */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.resolve("test-results", "screenshots", `${name}.png`), fullPage: true });
}
