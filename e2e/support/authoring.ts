import { expect, test as base, type Page } from "@playwright/test";
import { DEMO_ACCOUNTS, type DemoRole } from "./accounts";
import { readFileSync } from "node:fs";
import path from "node:path";

export const SEED_EXAMPLES_DIR = path.resolve("lib", "examples", "corpus", "seed-examples");

export function corpusText(file: string): string {
  return readFileSync(path.join(SEED_EXAMPLES_DIR, file), "utf8");
}

export function uniqueName(label: string): string {
  return `${label} ${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;
}

/** Waits for Monaco (loaded from /monaco/vs) to hold a model. */
export async function waitForEditor(page: Page): Promise<void> {
  await expect(page.locator(".monaco-editor").first()).toBeVisible({ timeout: 20_000 });
  await page.waitForFunction(
    () =>
      (window as unknown as { monaco?: { editor: { getModels(): unknown[] } } }).monaco?.editor.getModels()
        .length,
  );
}

/** The main editor's text, read from Monaco's model (not the DOM, which only renders visible lines). */
export async function editorText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const monaco = (
      window as unknown as {
        monaco: { editor: { getModels(): { uri: { path: string }; getValue(): string }[] } };
      }
    ).monaco;
    return (
      monaco.editor
        .getModels()
        .find((m) => m.uri.path.endsWith("flow.json"))
        ?.getValue() ?? ""
    );
  });
}

/**
 * Replaces the editor's text as a user pasting would: select all, then a paste event on Monaco's input
 * (keyboard.insertText would be taken as typing and auto-indented line by line).
 */
export async function pasteIntoEditor(page: Page, text: string): Promise<void> {
  await waitForEditor(page);
  await page.getByTestId("flow-json-editor").locator(".monaco-editor .view-lines").click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.evaluate((content) => {
    const target = document.activeElement;
    if (!target) throw new Error("Nothing has the focus to paste into.");
    const data = new DataTransfer();
    data.setData("text/plain", content);
    target.dispatchEvent(
      new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }),
    );
  }, text);
  await expect.poll(() => editorText(page)).toBe(text);
}

/** Types at a line's end with real key presses (Ctrl+G, the line number, End, then the keys). */
export async function typeAtLineEnd(page: Page, line: number, keys: string[]): Promise<void> {
  await page.getByTestId("flow-json-editor").locator(".monaco-editor .view-lines").click();
  await page.keyboard.press("Control+G");
  await page.keyboard.type(String(line));
  await page.keyboard.press("Enter");
  await page.keyboard.press("End");
  for (const key of keys) await (key.length === 1 ? page.keyboard.type(key) : page.keyboard.press(key));
}

/** Fills the create form and saves; returns the new flow's id (from the editor URL it lands on). */
export async function createDraft(
  page: Page,
  options: { name: string; flowJson?: string; channel?: string },
): Promise<string> {
  await page.goto("/flows/new");
  await waitForEditor(page);
  await page.getByLabel("Channel", { exact: true }).selectOption({ label: options.channel ?? "Acme Health" });
  await page.getByLabel("Flow name").fill(options.name);
  if (options.flowJson !== undefined) await pasteIntoEditor(page, options.flowJson);
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page).toHaveURL(/\/flows\/[0-9a-f-]{36}\/edit$/, { timeout: 30_000 });
  return page.url().split("/").at(-2)!;
}

export async function publishFromDetail(page: Page, flowId: string): Promise<void> {
  await page.goto(`/flows/${flowId}`);
  await page.getByTestId("flow-actions").getByRole("button", { name: "Publish" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("I understand that the published flow cannot be edited.").check();
  await dialog.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByTestId("flow-status")).toHaveText("Published");
}

type StorageState = Awaited<ReturnType<import("@playwright/test").BrowserContext["storageState"]>>;

/**
 * Signs each role in once per worker and keeps the session in memory, so these specs do not depend on the
 * shared files in test-results/.auth (other runs on the machine rewrite them).
 */
export const test = base.extend<{ role: DemoRole }, { sessions: Map<DemoRole, StorageState> }>({
  role: ["marketer", { option: true }],
  sessions: [
    async ({ browser }, provide, workerInfo) => {
      const sessions = new Map<DemoRole, StorageState>();
      for (const account of DEMO_ACCOUNTS) {
        const context = await browser.newContext({ baseURL: workerInfo.project.use.baseURL });
        const page = await context.newPage();
        await page.goto("/login");
        await page.getByLabel("Email").fill(account.email);
        await page.getByLabel("Password").fill(account.password);
        await page.getByRole("button", { name: "Sign in" }).click();
        await expect(page.getByTestId("current-user")).toContainText(account.email);
        sessions.set(account.role, await context.storageState());
        await context.close();
      }
      await provide(sessions);
    },
    { scope: "worker" },
  ],
  storageState: async ({ role, sessions }, provide) => provide(sessions.get(role)),
});
