import path from "node:path";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { listExamples } from "../lib/examples";
import { storageStateFor } from "./support/accounts";
import { simulatorKey, withDb } from "./support/responses-data";
import { screenshot } from "./support/screenshots";

// The interactive preview in the real app: Examples gallery, AT-PREV-1..4 (portal-ui §3), the live endpoint route,
// and phone screenshots of the components to compare with how WhatsApp draws them.
test.use({ storageState: storageStateFor("tester") });

const phone = (page: Page) => page.getByTestId("preview-phone");
const footerButton = (page: Page) => page.getByTestId("preview-footer-button");

async function phoneShot(page: Page, name: string): Promise<void> {
  await phone(page).screenshot({
    path: path.resolve("test-results", "screenshots", `preview-${name}.png`),
    animations: "disabled",
  });
}

async function open(page: Page, slug: string): Promise<void> {
  await page.goto(`/examples/${slug}`);
  await expect(phone(page)).toHaveAttribute("data-status", /running|awaiting-endpoint/);
}

test("the Examples gallery lists every corpus Flow with a thumbnail of its first screen", async ({
  page,
}) => {
  await page.goto("/examples");
  await expect(
    page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Examples" }),
  ).toBeVisible();
  await expect(page.getByTestId("example-card")).toHaveCount(listExamples().length);
  const card = page.locator('[data-slug="pywa-2.1-book-a-table"]');
  await expect(card).toContainText("Book a table");
  await expect(card).toContainText("Flow JSON 2.1");
  await expect(card).toContainText("Retired version");
  await expect(card).toContainText("pywa test fixtures");
  await expect(page.locator('[data-slug="pywa-6.2-navigation-list"]')).toContainText("Invalid");
  await expect(
    page.locator('[data-slug="healthcare-appointment"] [data-testid="flow-thumbnail"]'),
  ).toContainText("Continue");
  await screenshot(page, "preview-examples-gallery");
  await page.locator('[data-slug="healthcare-appointment"]').click();
  await expect(page).toHaveURL(/\/examples\/healthcare-appointment$/);
  await expect(phone(page)).toHaveAttribute("data-screen", "APPOINTMENT_TYPE");
});

test("AT-PREV-1: in the healthcare example, Continue stays disabled until both required choices are made", async ({
  page,
}) => {
  await open(page, "healthcare-appointment");
  await expect(footerButton(page)).toBeDisabled();
  await phone(page).getByRole("radio", { name: "Sick Visit" }).check();
  await expect(footerButton(page)).toBeDisabled();
  await phoneShot(page, "radio-buttons");
  await phone(page).getByRole("radio", { name: "Illness/Symptoms" }).check();
  await expect(footerButton(page)).toBeEnabled();
  await footerButton(page).click();
  await expect(phone(page)).toHaveAttribute("data-screen", "PATIENT_INFO");
  await expect(phone(page).getByRole("button", { name: "Back" })).toBeVisible();
  await screenshot(page, "preview-example-page");
});

test("AT-PREV-2: abc in an email field shows a validation error", async ({ page }) => {
  await open(page, "component-reference-contact-preferences");
  const email = phone(page).getByLabel("Email Address");
  await email.fill("abc");
  await email.blur();
  await expect(phone(page).getByText("Enter a valid email address")).toBeVisible();
  await expect(page.getByTestId("preview-activity-log")).toContainText("email: Enter a valid email address");
  await phoneShot(page, "text-input-error");
});

test("AT-PREV-3: finishing the component-reference example shows the submission payload", async ({
  page,
}) => {
  await open(page, "component-reference-contact-preferences");
  await phone(page).getByLabel("Full Name").fill("Jane Smith");
  await phone(page).getByLabel("Email Address").fill("jane@example.com");
  await phone(page).getByLabel("Phone Number").fill("+15551234567");
  await footerButton(page).click();
  await expect(phone(page)).toHaveAttribute("data-screen", "PREFERENCES");
  // The heading mixes text and a binding: the validator's finding is outlined on the component and listed beside it.
  await expect(phone(page).locator("[data-findings]").first()).toContainText("INVALID_TEXT_DYNAMIC_DATA");
  await expect(page.getByTestId("preview-findings-panel")).toContainText("INVALID_TEXT_DYNAMIC_DATA");
  await phoneShot(page, "validator-finding");
  await phone(page).getByRole("radio", { name: "WhatsApp" }).check();
  await phone(page).getByRole("checkbox", { name: "New Products" }).check();
  await phone(page)
    .getByRole("checkbox", { name: /Subscribe to newsletter/ })
    .check();
  await phoneShot(page, "checkbox-opt-in");
  await footerButton(page).click();
  const panel = page.getByTestId("preview-completion");
  const responseJson = JSON.parse((await panel.getByLabel("response_json").textContent()) ?? "{}");
  expect(responseJson).toEqual({
    full_name: "Jane Smith",
    email: "jane@example.com",
    phone: "+15551234567",
    contact_method: "whatsapp",
    interests: ["products"],
    newsletter: true,
    flow_token: "example-component-reference-contact-preferences",
  });
  await expect(phone(page)).toContainText("Response sent");
  await phoneShot(page, "completion");
  await screenshot(page, "preview-completion-page");
});

type SimRequest = { seq: number; method: string; path: string; query: string };

async function simulatorControl(
  request: APIRequestContext,
  method: "GET" | "POST" | "DELETE",
  route: string,
  data?: object,
) {
  const response = await request.fetch(`/api/sim/8x8/_control/${route}`, {
    method,
    headers: { Authorization: `Bearer ${simulatorKey()}` },
    data,
  });
  expect(response.ok()).toBe(true);
  return response.json();
}

const previewRequestsOf = async (request: APIRequestContext, externalId: string, afterSeq: number) =>
  ((await simulatorControl(request, "GET", "requests")).requests as SimRequest[]).filter(
    (r) => r.seq > afterSeq && r.path.endsWith(`/flows/${externalId}/preview`),
  );

test("AT-PREV-4: Refresh preview asks 8x8 for a new link with refresh=true; a failure keeps the old link", async ({
  page,
}) => {
  // A seeded draft no other spec touches: refreshing rotates its link.
  const flow = await withDb(
    async (db) =>
      (
        await db.query<{ id: string; externalId: string }>(
          `SELECT id, "externalId" FROM "Flow" WHERE name = 'Contact preferences'`,
        )
      ).rows[0]!,
  );
  await page.goto(`/flows/${flow.id}/preview`);
  const hosted = page.getByTestId("hosted-preview");
  const link = hosted.getByRole("link", { name: "Preview on the phone (Meta)" });
  const refresh = hosted.getByRole("button", { name: "Refresh preview" });
  await expect(link).toHaveAttribute("href", new RegExp(`/_assets/preview/${flow.externalId}\\?token=`));
  const firstUrl = (await link.getAttribute("href"))!;
  const seen =
    ((await simulatorControl(page.request, "GET", "requests")).requests as SimRequest[]).at(-1)?.seq ?? 0;

  await refresh.click();
  await expect(link).not.toHaveAttribute("href", firstUrl);
  const refreshedUrl = (await link.getAttribute("href"))!;
  expect((await page.request.get(refreshedUrl)).status()).toBe(200);
  expect((await previewRequestsOf(page.request, flow.externalId, seen)).map((r) => r.query)).toEqual([
    "refresh=true",
  ]);
  await screenshot(page, "preview-hosted-link-refreshed");

  await simulatorControl(page.request, "POST", "faults", {
    kind: "error500",
    pathContains: `/flows/${flow.externalId}/preview`,
    count: 20,
  });
  try {
    await refresh.click();
    await expect(hosted.getByRole("alert")).toContainText("8x8 had an internal error", { timeout: 20_000 });
    await expect(link).toHaveAttribute("href", refreshedUrl);
    await expect(refresh).toBeEnabled();
  } finally {
    await simulatorControl(page.request, "DELETE", "faults");
  }
  await refresh.click();
  await expect(hosted.getByRole("alert")).toHaveCount(0);
  await expect(link).not.toHaveAttribute("href", refreshedUrl);
});

test.describe("component screenshots", () => {
  test("dropdown sheet and date picker", async ({ page }) => {
    await open(page, "technical-overview-appointment-booking");
    await phoneShot(page, "text-inputs-dropdown-date");
    await phone(page).locator('[data-component="Dropdown"] button').click();
    await expect(page.getByRole("dialog")).toBeVisible();
    await phoneShot(page, "dropdown-open");
    await page.getByRole("dialog").getByRole("option").first().click();
    await phone(page).locator('[data-component="DatePicker"] button').click();
    await expect(page.getByRole("grid")).toBeVisible();
    await phoneShot(page, "date-picker-open");
  });

  test("calendar range, chips, carousel, navigation list, rich text, photo picker, open_url", async ({
    page,
  }) => {
    await open(page, "pywa-6.1-calendar-picker-range");
    await phoneShot(page, "calendar-picker-range");
    await open(page, "pywa-6.3-chips-selector");
    await phone(page).locator('[data-component="ChipsSelector"] button').first().click();
    await phoneShot(page, "chips-selector");
    await open(page, "pywa-7.1-image-carousel");
    await phoneShot(page, "image-carousel");
    await open(page, "pywa-6.2-navigation-list");
    await phoneShot(page, "navigation-list");
    await open(page, "pywa-5.1-rich-text");
    await phoneShot(page, "markdown-text-opt-in");
    await phone(page).getByRole("button", { name: "Read more" }).click();
    await expect(phone(page)).toHaveAttribute("data-screen", "TOC");
    await phoneShot(page, "rich-text");
    await open(page, "pywa-4.0-photo-picker");
    await phoneShot(page, "photo-picker");
    await open(page, "pywa-6.0-open-url");
    await phoneShot(page, "embedded-link-opt-in");
    await phone(page)
      .locator('[data-component="EmbeddedLink"] button, [data-component="EmbeddedLink"] a')
      .first()
      .click();
    await expect(phone(page).getByRole("dialog", { name: "Open link" })).toBeVisible();
    await phoneShot(page, "open-url");
  });

  test("dark theme, checkbox groups and survey captions", async ({ page }) => {
    await open(page, "pywa-2.1-communication-preferences");
    await page.getByRole("button", { name: "Dark phone" }).click();
    await expect(phone(page)).toHaveAttribute("data-theme", "dark");
    await phoneShot(page, "dark-theme");
    await open(page, "wft-3.1-survey");
    await phoneShot(page, "survey-captions");
  });

  test("footer captions, image and input variants (drawn from a hand-written Flow)", async ({ page }) => {
    await page.goto("/examples/hello-world-create-flow?bench=1");
    await expect(phone(page)).toBeVisible();
    const pixel =
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";
    const flow = {
      version: "7.3",
      screens: [
        {
          id: "DETAILS",
          title: "Your details",
          terminal: true,
          layout: {
            type: "SingleColumnLayout",
            children: [
              { type: "Image", src: pixel, height: 80, "scale-type": "cover", "alt-text": "Banner" },
              {
                type: "TextInput",
                name: "code",
                label: "Passcode",
                "input-type": "passcode",
                required: true,
                "helper-text": "6 digits",
              },
              { type: "TextInput", name: "amount", label: "Amount", "input-type": "number" },
              { type: "TextArea", name: "notes", label: "Notes", "max-length": 200 },
              {
                type: "Footer",
                label: "Pay now",
                "left-caption": "Total",
                "right-caption": "€ 42.00",
                "on-click-action": { name: "complete", payload: {} },
              },
            ],
          },
        },
      ],
    };
    // The bench hook appears once the page has hydrated; an edit sent before that would be lost.
    await page.waitForFunction(() => Boolean(window.flowportPreviewBench));
    await page.evaluate((text) => window.flowportPreviewBench?.edit(text), JSON.stringify(flow));
    await expect(phone(page)).toContainText("€ 42.00");
    await phoneShot(page, "footer-captions-image-inputs");
  });
});

test.describe("live endpoint route", () => {
  test("explains what is missing instead of calling", async ({ request }) => {
    const exchange = { version: "3.0", action: "data_exchange", screen: "A", data: {}, flow_token: "t" };
    const http = await request.post("/api/preview/endpoint", {
      data: { endpointUri: "http://example.com/flow", request: exchange },
    });
    expect(http.status()).toBe(400);
    expect((await http.json()).error).toMatchObject({ code: "endpoint_not_https" });
    const noKey = await request.post("/api/preview/endpoint", {
      data: { endpointUri: "https://example.invalid/flow", request: exchange },
    });
    expect(noKey.status()).toBe(400);
    expect((await noKey.json()).error).toMatchObject({ code: "endpoint_key_missing" });
    const bad = await request.post("/api/preview/endpoint", { data: { request: exchange } });
    expect(bad.status()).toBe(400);
  });

  test("is refused without signing in", async ({ browser }) => {
    const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const response = await context.request.post("/api/preview/endpoint", { data: {} });
    expect(response.status()).toBe(401);
    await context.close();
  });

  test("the examples page says why live calls are unavailable", async ({ page }) => {
    await open(page, "metadocs-7.2-routing-model-endpoint");
    await footerButton(page).click();
    await expect(page.getByText("Examples have no endpoint URI")).toBeVisible();
  });
});
