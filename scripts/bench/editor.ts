// Benchmark: npx tsx scripts/bench/editor.ts — against a warm production server (BENCH_URL, default http://localhost:3000,
// demo users seeded). Issue 7 targets: the flow list ships < 200 KB of gzipped JavaScript with no Monaco in it, and the
// editor page becomes interactive (Monaco accepts typing) in < 2 s. Every request must stay on the server's origin.
// Exit code 1 when a target is missed; a missing server is reported and skipped.
import { gzipSync } from "node:zlib";
import { chromium, type Page } from "playwright-core";

const baseUrl = (process.env.BENCH_URL ?? "http://localhost:3000").replace(/\/$/, "");
const LIST_BUDGET_BYTES = 200 * 1024;
const EDITOR_BUDGET_MS = 2_000;
const RUNS = 5;

async function serverIsUp(): Promise<boolean> {
  try {
    return (await fetch(`${baseUrl}/api/health`)).ok;
  } catch {
    return false;
  }
}

async function signIn(page: Page): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel("Email").fill("marketer@example.com");
  await page.getByLabel("Password").fill("flowport-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
}

/** JavaScript the page loaded, gzipped as it would go over the wire (the server compresses responses). */
async function listPageJavaScript(
  page: Page,
): Promise<{ gzipBytes: number; files: number; monaco: string[] }> {
  const scripts: Promise<{ url: string; gzip: number }>[] = [];
  const onResponse = (response: import("playwright-core").Response) => {
    if (response.request().resourceType() !== "script") return;
    scripts.push(
      response.body().then((body) => ({ url: response.url(), gzip: gzipSync(body, { level: 9 }).length })),
    );
  };
  page.on("response", onResponse);
  await page.goto(`${baseUrl}/flows`, { waitUntil: "networkidle" });
  page.off("response", onResponse);
  const loaded = await Promise.all(scripts);
  return {
    gzipBytes: loaded.reduce((sum, s) => sum + s.gzip, 0),
    files: loaded.length,
    monaco: loaded.filter((s) => /monaco/i.test(s.url)).map((s) => s.url),
  };
}

/** Navigation start to the moment Monaco holds the flow and a typed character lands in it. */
async function editorInteractiveMs(page: Page, flowId: string): Promise<number> {
  await page.goto(`${baseUrl}/flows/${flowId}/edit`, { waitUntil: "commit" });
  await page.waitForFunction(
    () =>
      Boolean(
        (window as unknown as { monaco?: { editor: { getModels(): unknown[] } } }).monaco?.editor.getModels()
          .length,
      ),
    undefined,
    {
      polling: 10,
      timeout: 20_000,
    },
  );
  await page.locator('[data-testid="flow-json-editor"] .monaco-editor .view-lines').click();
  await page.keyboard.insertText(" ");
  await page.waitForFunction(
    () => document.querySelector('[data-testid="save-state"]')?.textContent === "Unsaved changes",
    undefined,
    { polling: 10 },
  );
  const ms = await page.evaluate(() => performance.now());
  await page.keyboard.press("ControlOrMeta+Z");
  return ms;
}

async function main() {
  if (!(await serverIsUp())) {
    console.log(
      `editor bench skipped: no Flowport server at ${baseUrl} (start one with \`npm run build && npm start\`, or set BENCH_URL).`,
    );
    return;
  }
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu"],
  });
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const foreign: string[] = [];
  context.on("request", (request) => {
    const url = new URL(request.url());
    if (!["http:", "https:"].includes(url.protocol)) return;
    if (url.origin !== new URL(baseUrl).origin) foreign.push(request.url());
  });
  const page = await context.newPage();
  page.on("dialog", (dialog) => void dialog.accept());
  await signIn(page);

  await listPageJavaScript(page); // warm the server's caches
  const list = await listPageJavaScript(page);

  const draftHref = await page
    .getByTestId("flow-row")
    .filter({ hasText: "Draft" })
    .locator('a[href^="/flows/"]')
    .first()
    .getAttribute("href");
  const flowId = draftHref?.split("/")[2];
  if (!flowId)
    throw new Error(
      "The flow list shows no draft to open in the editor: seed the demo data (npm run db:seed -- --demo).",
    );
  await editorInteractiveMs(page, flowId); // warm
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) times.push(await editorInteractiveMs(page, flowId));
  await browser.close();

  const median = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
  const listOk = list.gzipBytes < LIST_BUDGET_BYTES && list.monaco.length === 0;
  const editorOk = median < EDITOR_BUDGET_MS;
  console.log(
    `flow list JS: ${(list.gzipBytes / 1024).toFixed(1)} KB gzipped in ${list.files} files (budget 200 KB), Monaco files: ${list.monaco.length} → ${listOk ? "ok" : "FAIL"}`,
  );
  console.log(
    `editor interactive: median ${median.toFixed(0)} ms over ${RUNS} warm loads [${times.map((t) => t.toFixed(0)).join(", ")}] (budget 2000 ms) → ${editorOk ? "ok" : "FAIL"}`,
  );
  console.log(
    `requests off ${new URL(baseUrl).origin}: ${foreign.length}${foreign.length ? ` (${foreign.slice(0, 5).join(", ")})` : ""}`,
  );
  if (!listOk || !editorOk || foreign.length > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
