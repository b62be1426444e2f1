import { expect, test, type Page } from "@playwright/test";
import path from "node:path";
import pg from "pg";
import { storageStateFor } from "./support/accounts";
import { screenshot } from "./support/screenshots";

/**
 * Templates with Flow buttons through the UI, against the built-in simulator (portal-ui §5, AT-TPL-1..5):
 * the builder's rules, the chat bubble, the request 8x8 receives, and the review's webhooks.
 */
test.use({ storageState: storageStateFor("marketer") });

const SIM_KEY = process.env.SIMULATOR_API_KEY ?? "sim-demo-key";
const unique = () => Date.now().toString(36);

async function query<T extends pg.QueryResultRow>(sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

async function openBuilder(page: Page) {
  await page.goto("/templates/new");
  await expect(page.getByRole("heading", { name: "New message template" })).toBeVisible();
}

async function addFlowButton(page: Page, label: string, flowName = "Healthcare appointment") {
  await page.getByRole("button", { name: "Add button" }).click();
  await page.getByRole("menuitem", { name: /Flow button/ }).click();
  const editor = page.getByTestId("button-editor-0");
  await editor.getByLabel("Button text").fill(label);
  await editor.getByRole("combobox", { name: "Flow", exact: true }).click();
  await page.getByRole("option", { name: new RegExp(flowName) }).click();
  return editor;
}

async function finishReviews(page: Page) {
  const response = await page.request.post("/api/sim/8x8/_control/template-reviews", {
    headers: { Authorization: `Bearer ${SIM_KEY}` },
  });
  expect(response.status()).toBe(200);
}

test("AT-TPL-1: the Flow dropdown lists only the channel's published flows", async ({ page }) => {
  await openBuilder(page);
  await page.getByRole("button", { name: "Add button" }).click();
  await page.getByRole("menuitem", { name: /Flow button/ }).click();
  await page.getByTestId("button-editor-0").getByRole("combobox", { name: "Flow", exact: true }).click();
  const options = page.getByRole("listbox").getByRole("option");
  await expect(options.filter({ hasText: "Healthcare appointment" })).toHaveCount(1);
  await expect(options.filter({ hasText: "Appointment booking" })).toHaveCount(1);
  // Drafts and deprecated flows of the channel, and flows of the other channel, are not offered.
  for (const absent of ["Hello World", "Product return", "Lead generation (2024)", "Interests picker"]) {
    await expect(options.filter({ hasText: absent })).toHaveCount(0);
  }
  await page.getByRole("textbox", { name: "Search flows" }).fill("booking");
  await expect(options).toHaveCount(1);
});

test("AT-TPL-2 and AT-TPL-3: button labels over 20 characters and names with capitals or spaces are refused as you type", async ({
  page,
}) => {
  await openBuilder(page);
  const name = page.getByLabel("Template name");
  await name.fill("Appointment Booking");
  await expect(page.locator("#name-error")).toContainText("lowercase");
  await name.fill("appointment booking");
  await expect(page.locator("#name-error")).toContainText("No spaces");
  await name.fill("appointment_booking_v1");
  await expect(page.locator("#name-error")).toHaveCount(0);

  const editor = await addFlowButton(page, "x".repeat(21));
  await expect(page.locator("[id='buttons.0.text-error']")).toContainText("At most 20 characters (now 21)");
  await editor.getByLabel("Button text").fill("x".repeat(20));
  await expect(page.locator("[id='buttons.0.text-error']")).toHaveCount(0);
  await expect(editor.getByText("although its guide says 25")).toBeVisible();
});

test("AT-TPL-4: submitting sends the documented body, shows Pending, and the review's webhook approves it", async ({
  page,
}) => {
  const name = `visit_reminder_${unique()}`;
  await openBuilder(page);
  await page.getByLabel("Template name").fill(name);
  await page.getByLabel("Message").fill("Hi {{1}}, your appointment is coming up. Need to reschedule?");
  await page.getByLabel("Sample for {{1}}").fill("Jane");
  await page.getByLabel(/^Footer/).fill("Acme Health clinics");
  await addFlowButton(page, "Reschedule");

  const bubble = page.getByTestId("chat-bubble");
  await expect(bubble.getByTestId("bubble-body")).toHaveText(
    "Hi Jane, your appointment is coming up. Need to reschedule?",
  );
  await expect(bubble.getByTestId("bubble-footer")).toHaveText("Acme Health clinics");
  await expect(bubble.getByTestId("bubble-button")).toHaveText("Reschedule");
  await screenshot(page, "template-builder");
  await page.evaluate(() => window.scrollTo(0, 0));
  await page
    .getByTestId("chat-bubble-preview")
    .screenshot({ path: path.resolve("test-results", "screenshots", "template-chat-bubble.png") });

  // The Flow button opens the flow in the preview renderer.
  await bubble.getByRole("button", { name: "Reschedule" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByTestId("flow-button-preview")).toBeVisible();
  await screenshot(page, "template-flow-button-preview");
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);

  await page.getByRole("button", { name: "Submit for approval" }).click();
  await expect(page).toHaveURL(/\/templates\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("template-status").first()).toHaveText("Pending");

  const [stored] = await query<{ components: unknown; flowIds: string[] }>(
    `SELECT components, "flowIds" FROM "SimTemplate" WHERE name = $1`,
    [name],
  );
  const [flow] = await query<{ externalId: string }>(
    `SELECT "externalId" FROM "Flow" WHERE name = 'Healthcare appointment'`,
  );
  expect(stored!.components).toEqual([
    {
      type: "BODY",
      text: "Hi {{1}}, your appointment is coming up. Need to reschedule?",
      examples: ["Jane"],
    },
    { type: "FOOTER", text: "Acme Health clinics" },
    { type: "BUTTONS", buttons: [{ type: "FLOW", text: "Reschedule", flowId: flow!.externalId }] },
  ]);

  await finishReviews(page);
  await expect(page.getByTestId("template-status").first()).toHaveText("Approved", { timeout: 30_000 });
  await screenshot(page, "template-approved");
});

test("AT-TPL-5: a REJECTED / INCORRECT_CATEGORY webhook shows Rejected with the reason and its usual cause", async ({
  page,
}) => {
  const name = `visit_offer_${unique()}`;
  await openBuilder(page);
  await page.getByLabel("Template name").fill(name);
  await page.getByLabel("Message").fill("Book your next check-up today and get a 20% discount.");
  await addFlowButton(page, "Book now", "Appointment booking");
  await page.getByRole("button", { name: "Submit for approval" }).click();
  await expect(page.getByTestId("template-status").first()).toHaveText("Pending");

  await finishReviews(page);
  await expect(page.getByTestId("template-status").first()).toHaveText("Rejected", { timeout: 30_000 });
  await expect(page.getByTestId("rejection-reason")).toContainText("Incorrect category");
  await expect(page.getByTestId("rejection-reason")).toContainText("promotional wording");

  await page.goto("/templates?status=REJECTED");
  const row = page.getByTestId(`template-row-${name}`);
  await expect(row).toContainText("Rejected");
  await expect(row).toContainText("Incorrect category");
  await expect(row).toContainText("Appointment booking");
  await screenshot(page, "templates-list-rejected");
});

test("the list syncs from 8x8, filters, and deletion warns that the name is blocked for 30 days", async ({
  page,
}) => {
  await page.goto("/templates");
  await page.getByRole("button", { name: "Sync now" }).click();
  await expect(page.getByTestId("template-row-appointment_reminder")).toBeVisible();
  await expect(page.getByTestId("template-row-appointment_reminder")).toContainText("Healthcare appointment");
  await page.getByLabel("Filter by category").selectOption("MARKETING");
  await expect(page.getByTestId("template-row-appointment_reminder")).toHaveCount(0);
  await page.getByLabel("Filter by category").selectOption("");
  await screenshot(page, "templates-list");

  const name = `to_delete_${unique()}`;
  await openBuilder(page);
  await page.getByLabel("Template name").fill(name);
  await page.getByLabel("Message").fill("A short note about your visit.");
  await page.getByRole("button", { name: "Submit for approval" }).click();
  await expect(page).toHaveURL(/\/templates\/[0-9a-f-]{36}$/);
  await page.getByRole("button", { name: "Delete" }).click();
  await expect(page.getByRole("dialog")).toContainText("30 days");
  await page.getByRole("button", { name: "Delete template" }).click();
  await expect(page).toHaveURL(/\/templates$/);
  await expect(page.getByTestId(`template-row-${name}`)).toHaveCount(0);

  await openBuilder(page);
  await page.getByLabel("Template name").fill(name);
  await expect(page.locator("#name-error")).toContainText("deleted recently");
});
