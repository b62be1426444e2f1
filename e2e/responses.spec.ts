import { expect, test, type Page } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import {
  corpusFlowJson,
  createFlowWithSend,
  nfmReply,
  signIn,
  simulatorKey,
  webhookToken,
  withDb,
} from "./support/responses-data";
import { screenshot } from "./support/screenshots";

type Setup = Awaited<ReturnType<typeof createFlowWithSend>>;

async function post(page: Page, body: unknown) {
  const response = await page.request.post(`/api/webhooks/8x8?token=${webhookToken()}`, { data: body });
  expect(response.status()).toBe(200);
}

async function downloadCsv(page: Page): Promise<string> {
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByTestId("export-csv").click(),
  ]);
  return readFileSync((await download.path())!, "utf8");
}

const retail = {
  order_number: "ORD-98765",
  item_name: "Blue Denim Jacket - Size M",
  customer_email: "customer@example.com",
  return_reason: "wrong_size",
  additional_details: 'Fits too small, "need" size L,\nplease',
  resolution_type: "exchange",
  exchange_pref: '=HYPERLINK("http://evil")',
  contact_method: "whatsapp",
};

let flow: Setup;

test.beforeAll(async () => {
  flow = await createFlowWithSend(
    `Returns ${Date.now()}`,
    corpusFlowJson("retail-product-return-exchange.json"),
  );
});

test.describe("responses as an admin", () => {
  test.beforeEach(({ page }) => signIn(page, "admin@example.com"));

  test("submissions arrive in the table with traced labels, details, filters, and a CSV export of all rows", async ({
    page,
  }) => {
    await post(
      page,
      nfmReply({
        umid: `e2e-${randomUUID()}`,
        channelExternalId: flow.channelExternalId,
        flowToken: flow.flowToken,
        timestamp: "2026-01-20T14:30:00.000Z",
        values: retail,
      }),
    );
    await post(
      page,
      nfmReply({
        umid: `e2e-${randomUUID()}`,
        channelExternalId: flow.channelExternalId,
        flowToken: flow.flowToken,
        timestamp: "2026-01-10T09:00:00.000Z",
        msisdn: "+447700900123",
        values: { ...retail, order_number: "ORD-00001", exchange_pref: "Same item" },
      }),
    );

    // Deliveries are processed after the 200, so the page may first render before both have landed.
    await expect(async () => {
      await page.goto(`/flows/${flow.flowId}/responses`);
      await expect(page.getByTestId("responses-total")).toHaveText("2", { timeout: 1_000 });
    }).toPass({ timeout: 20_000 });
    const table = page.getByTestId("responses-table");
    await expect(table.getByRole("columnheader", { name: /Date Submitted/ })).toBeVisible();
    await expect(table.getByRole("columnheader", { name: "Phone Number" })).toBeVisible();
    // Labels traced from the flow's own Flow JSON, not the payload keys.
    await expect(table.getByRole("columnheader", { name: "order_number" })).toHaveCount(0);
    await expect(table.getByRole("row").nth(1)).toContainText("ORD-98765");
    await expect(table.getByRole("row").nth(1)).toContainText("+15551234567");
    await screenshot(page, "responses-flow-table");

    await table.getByRole("row").nth(1).getByRole("button", { name: "View details" }).click();
    const dialog = page.getByRole("dialog");
    await expect(dialog).toContainText("order_number");
    await expect(dialog).toContainText("Blue Denim Jacket - Size M");
    await expect(dialog).toContainText(flow.flowToken);
    await expect(dialog).toContainText("Send log");
    await screenshot(page, "responses-details");
    await page.keyboard.press("Escape");

    const csv = await downloadCsv(page);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).split("\r\n");
    expect(lines[0]).toMatch(/^Date Submitted,Phone Number,.*,Flow Token,Message ID$/);
    expect(csv).toContain('"Fits too small, ""need"" size L,\nplease"');
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(csv).toContain("ORD-00001");

    // The date filter narrows the table and the export alike.
    await page.getByLabel("From (UTC)").fill("2026-01-15");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page.getByTestId("responses-total")).toHaveText("1");
    const filtered = await downloadCsv(page);
    expect(filtered).toContain("ORD-98765");
    expect(filtered).not.toContain("ORD-00001");

    await page.getByLabel("Search values").fill("no such value anywhere");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page.getByText("No responses match these filters")).toBeVisible();
  });

  test("the global page picks a flow; unattributed responses are assigned to a flow by an admin", async ({
    page,
  }) => {
    const umid = `e2e-orphan-${randomUUID()}`;
    await post(
      page,
      nfmReply({
        umid,
        channelExternalId: flow.channelExternalId,
        values: { orphan_field: `orphan ${umid}` },
      }),
    );
    await page.goto("/responses");
    await page.getByLabel("Flow").selectOption("unattributed");
    await expect(page).toHaveURL(/flowId=unattributed/);
    const row = page
      .getByTestId("responses-table")
      .getByRole("row")
      .filter({ hasText: umid.slice(-12) });
    await expect(page.getByText(`orphan ${umid}`)).toBeVisible({ timeout: 15_000 });
    await screenshot(page, "responses-unattributed");
    await page
      .getByTestId("responses-table")
      .getByRole("row")
      .filter({ hasText: `orphan ${umid}` })
      .getByRole("button", { name: "View details" })
      .click();
    await page.getByLabel("Assign to a flow").selectOption(flow.flowId);
    await page.getByRole("button", { name: "Assign" }).click();
    await expect(page.getByText(/Assigned to Returns/)).toBeVisible();
    await expect(row).toHaveCount(0);
    const attribution = await withDb(
      async (db) =>
        (await db.query(`SELECT attribution FROM "FlowResponse" WHERE umid = $1`, [umid])).rows[0]
          ?.attribution,
    );
    expect(attribution).toBe("MANUAL");
  });

  test("a flow id that does not exist is a 404", async ({ page }) => {
    expect((await page.goto(`/flows/${randomUUID()}/responses`))?.status()).toBe(404);
    expect((await page.request.get(`/api/responses/export?flowId=${randomUUID()}`)).status()).toBe(404);
    const bad = await page.request.get(`/api/responses/export?flowId=x`);
    expect(bad.status()).toBe(400);
    expect((await bad.json()).error.message).toBe('flowId must be a flow id or "unattributed".');
  });

  test("the simulator's test user answers a sent flow and the submission appears within seconds", async ({
    page,
  }) => {
    const marker = `SIM-${randomUUID().slice(0, 8)}`;
    const answer = await page.request.post("/api/sim/8x8/_control/flow-submissions", {
      headers: { Authorization: `Bearer ${simulatorKey()}` },
      data: {
        channelId: flow.channelExternalId,
        recipient: "+15551234567",
        flowToken: flow.flowToken,
        responseJson: { ...retail, order_number: marker },
      },
    });
    expect(answer.status()).toBe(202);
    await page.goto(`/flows/${flow.flowId}/responses`);
    await expect(async () => {
      await page.reload();
      await expect(page.getByTestId("responses-table")).toContainText(marker, { timeout: 1000 });
    }).toPass({ timeout: 20_000 });
  });
});

test.describe("responses without log access", () => {
  test.beforeEach(({ page }) => signIn(page, "marketer@example.com"));

  test("a marketer sees masked phones and values in the page, the details and the CSV (AT-RESP-5)", async ({
    page,
  }) => {
    const umid = `e2e-${randomUUID()}`;
    await post(
      page,
      nfmReply({
        umid,
        channelExternalId: flow.channelExternalId,
        flowToken: flow.flowToken,
        values: { ...retail, order_number: "ORD-SECRET" },
      }),
    );
    await page.goto(`/flows/${flow.flowId}/responses`);
    await expect(page.getByText("masked because your account does not have log access")).toBeVisible();
    await expect(page.getByLabel("Search values")).toBeDisabled();
    const table = page.getByTestId("responses-table");
    await expect(table.getByRole("row").nth(1)).toContainText("**MASKED**");
    await expect(table.getByRole("row").nth(1)).toContainText("+*******4567");
    await expect(page.locator("body")).not.toContainText("ORD-SECRET");
    await expect(page.locator("body")).not.toContainText("+15551234567");
    await screenshot(page, "responses-masked");
    await table.getByRole("row").nth(1).getByRole("button", { name: "View details" }).click();
    await expect(page.getByRole("dialog")).toContainText("**MASKED**");
    await expect(page.getByRole("dialog")).not.toContainText("customer@example.com");
    await page.keyboard.press("Escape");
    expect(await page.content()).not.toContain("ORD-SECRET");

    const csv = await downloadCsv(page);
    expect(csv).toContain("**MASKED**");
    expect(csv).toContain("+*******4567");
    expect(csv).not.toContain("ORD-SECRET");
    expect(csv).not.toContain("+15551234567");
  });
});
