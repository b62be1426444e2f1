import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { storageStateFor } from "./support/accounts";
import { screenshot } from "./support/screenshots";

const SIMULATOR_KEY = "sim-demo-key";
const DEMO_CHANNEL_ID = "ec36a867-3dd4-e911-814a-02d85f55fce8"; // "Acme Health", seeded in demo mode
const PUBLISHABLE_FLOW_JSON = "lib/examples/corpus/seed-examples/flows-api-appointment-booking.json";

const row = (page: Page, name: string) => page.locator(`[data-testid="flow-row"][data-flow-name="${name}"]`);

async function openMenu(page: Page, name: string) {
  await page.getByRole("button", { name: `Actions for ${name}` }).click();
  return page.getByRole("menu");
}

test.describe("flow list as admin", () => {
  test.use({ storageState: storageStateFor("admin") });

  test("shows the seeded flows with their status badges", async ({ page }) => {
    await page.goto("/flows");
    await expect(page.getByRole("heading", { name: "WhatsApp Flows" })).toBeVisible();
    await expect(row(page, "Healthcare appointment").getByTestId("flow-status")).toHaveText("Published");
    await expect(row(page, "Lead generation (2024)").getByTestId("flow-status")).toHaveText("Deprecated");
    await expect(row(page, "Product return & exchange").getByTestId("flow-status")).toHaveText("Draft");
    await expect(row(page, "Service appointment booking")).toContainText("1 validation error");
    await expect(page.getByTestId("sync-status")).toContainText(/Last synced|Syncing/);
    await expect(page.getByRole("link", { name: "Create flow" })).toHaveAttribute("href", "/flows/new");
    await screenshot(page, "flows-list");
  });

  test("searches by name and filters by status", async ({ page }) => {
    await page.goto("/flows");
    await page.getByLabel("Search flows by name").fill("APPOINT");
    await expect(page).toHaveURL(/q=APPOINT/);
    await expect(row(page, "Hello World")).toHaveCount(0);
    // Other specs add their own flows to the shared database, so check the rule rather than a count.
    const names = await page
      .getByTestId("flow-row")
      .evaluateAll((rows) => rows.map((r) => r.getAttribute("data-flow-name") ?? ""));
    expect(names.length).toBeGreaterThanOrEqual(3);
    for (const name of names) expect(name.toLowerCase()).toContain("appoint");
    expect(names).toEqual(expect.arrayContaining(["Appointment booking"]));
    await page.getByLabel("Search flows by name").fill("");
    await page.getByLabel("Filter by status").selectOption("DEPRECATED");
    await expect(row(page, "Lead generation (2024)")).toBeVisible();
    await expect(page.locator('[data-testid="flow-row"]:not([data-flow-status="DEPRECATED"])')).toHaveCount(
      0,
    );
    await page.getByLabel("Filter by status").selectOption("");
    await page.getByLabel("Sort flows").selectOption("name_asc");
    await expect(page.getByTestId("flow-row").first()).toHaveAttribute(
      "data-flow-name",
      "Appointment booking",
    );
  });

  test("the menu offers each action only where the status allows it", async ({ page }) => {
    await page.goto("/flows");
    const published = await openMenu(page, "Healthcare appointment");
    await expect(published.getByRole("menuitem", { name: /Edit/ })).toHaveAttribute("data-disabled", "");
    await expect(published.getByRole("menuitem", { name: /Delete/ })).toHaveAttribute("data-disabled", "");
    await expect(published.getByRole("menuitem", { name: /Delete/ })).toContainText(
      "Only drafts can be deleted",
    );
    for (const item of ["Preview", "View responses", "Export JSON", "Deprecate…"])
      await expect(published.getByRole("menuitem", { name: item })).toBeVisible();
    await screenshot(page, "flows-menu-published");
    await page.keyboard.press("Escape");

    const usedDraft = await openMenu(page, "Product return & exchange");
    await expect(usedDraft.getByRole("menuitem", { name: /Delete/ })).toHaveAttribute("data-disabled", "");
    await expect(usedDraft.getByRole("menuitem", { name: /Delete/ })).toContainText(
      "Used by the template returns_help",
    );
    await expect(usedDraft.getByRole("menuitem", { name: "Edit" })).toHaveAttribute(
      "href",
      /\/flows\/[0-9a-f-]+\/edit$/,
    );
    await expect(usedDraft.getByRole("menuitem", { name: "Deprecate…" })).toHaveCount(0);
    await screenshot(page, "flows-menu-draft-used-by-template");
  });

  test("exports exactly the cached Flow JSON", async ({ page }) => {
    await page.goto("/flows");
    const menu = await openMenu(page, "Appointment booking");
    const downloadPromise = page.waitForEvent("download");
    await menu.getByRole("menuitem", { name: "Export JSON" }).click();
    const download = await downloadPromise;
    expect(download.suggestedFilename()).toBe("Appointment-booking.json");
    const text = readFileSync((await download.path())!, "utf8");
    expect(text).toBe(
      readFileSync("lib/examples/corpus/seed-examples/flows-api-appointment-booking.json", "utf8"),
    );
  });

  test("deletes a draft after a confirmation that names it", async ({ page }) => {
    await page.goto("/flows");
    const menu = await openMenu(page, "Hello World");
    await menu.getByRole("menuitem", { name: /Delete/ }).click();
    const dialog = page.getByRole("dialog", { name: 'Delete "Hello World"?' });
    await expect(dialog).toContainText("cannot be undone");
    await screenshot(page, "flows-delete-confirm");
    await dialog.getByRole("button", { name: "Delete flow" }).click();
    await expect(page.getByText('"Hello World" was deleted.')).toBeVisible();
    await expect(row(page, "Hello World")).toHaveCount(0);
    await page.reload();
    await expect(row(page, "Hello World")).toHaveCount(0);
  });

  test("deprecates a published flow", async ({ page, request }) => {
    // A flow of its own, published at 8x8 directly: the seeded published flows are needed by other specs.
    const target = `Deprecation target ${Date.now().toString(36)}`;
    const created = await request.post(`/api/sim/8x8/config/v1/channels/whatsapp/${DEMO_CHANNEL_ID}/flows`, {
      headers: { Authorization: `Bearer ${SIMULATOR_KEY}` },
      data: {
        name: target,
        categories: ["OTHER"],
        publish: true,
        flowJson: readFileSync(PUBLISHABLE_FLOW_JSON, "utf8"),
      },
    });
    expect(created.ok()).toBe(true);
    await page.goto("/flows");
    await page.getByRole("button", { name: "Refresh" }).click();
    await expect(row(page, target).getByTestId("flow-status")).toHaveText("Published");
    const actions = await openMenu(page, target);
    await actions.getByRole("menuitem", { name: "Deprecate…" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Deprecate flow" }).click();
    await expect(row(page, target).getByTestId("flow-status")).toHaveText("Deprecated");
  });

  test("shows the cached list with a notice when the 8x8 API fails", async ({ page, request }) => {
    const fault = await request.post("/api/sim/8x8/_control/faults", {
      headers: { Authorization: `Bearer ${SIMULATOR_KEY}` },
      data: { kind: "error500", pathContains: "/flows", count: 200 },
    });
    expect(fault.status()).toBe(201);
    try {
      await page.goto("/flows");
      await page.getByRole("button", { name: "Refresh" }).click();
      const notice = page.getByRole("status").filter({ hasText: "8x8 API unreachable" });
      await expect(notice).toBeVisible({ timeout: 20_000 });
      await expect(notice).toContainText("Last synced");
      await expect(row(page, "Healthcare appointment")).toBeVisible();
      await screenshot(page, "flows-stale-cache");
    } finally {
      await request.delete("/api/sim/8x8/_control/faults", {
        headers: { Authorization: `Bearer ${SIMULATOR_KEY}` },
      });
    }
    await page.getByRole("button", { name: "Refresh" }).click();
    await expect(page.getByRole("status").filter({ hasText: "8x8 API unreachable" })).toHaveCount(0, {
      timeout: 20_000,
    });
  });

  test("a foreign or malformed flow id is 404 on export", async ({ request }) => {
    expect((await request.get("/api/flows/00000000-0000-4000-8000-000000000000/export")).status()).toBe(404);
    expect((await request.get("/api/flows/not-an-id/export")).status()).toBe(404);
  });
});

test.describe("flow list as tester", () => {
  test.use({ storageState: storageStateFor("tester") });

  test("is read-only: no create, edit, delete or deprecate", async ({ page }) => {
    await page.goto("/flows");
    await expect(row(page, "Healthcare appointment")).toBeVisible();
    await expect(page.getByRole("link", { name: "Create flow" })).toHaveCount(0);
    const menu = await openMenu(page, "Product return & exchange");
    await expect(menu.getByRole("menuitem", { name: "Preview" })).toBeVisible();
    await expect(menu.getByRole("menuitem", { name: "Export JSON" })).toBeVisible();
    for (const item of [/Edit/, /Delete/, /Deprecate/, /View responses/])
      await expect(menu.getByRole("menuitem", { name: item })).toHaveCount(0);
    await screenshot(page, "flows-tester-menu");
  });

  test("cannot drive the simulator's control endpoint", async ({ request }) => {
    const response = await request.post("/api/sim/8x8/_control/faults", { data: { kind: "error500" } });
    expect(response.status()).toBe(401);
  });
});
