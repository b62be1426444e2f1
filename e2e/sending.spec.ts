import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import { storageStateFor } from "./support/accounts";
import { screenshot } from "./support/screenshots";

/**
 * Sending templates and flows to people, against the simulator: numbers are checked before any API call,
 * testers reach only test numbers, delivery webhooks update the send log, and the test user's answer
 * comes back as a response attributed to the send.
 */
const SIM_KEY = process.env.SIMULATOR_API_KEY ?? "sim-demo-key";
const HEALTH_CHANNEL = "ec36a867-3dd4-e911-814a-02d85f55fce8";
const TEST_NUMBER = "+15550100001";

async function query<T extends pg.QueryResultRow>(sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

const countSends = async () =>
  Number((await query<{ n: string }>(`SELECT count(*) AS n FROM "MessageSend"`))[0]!.n);

async function openReminderTemplate(page: Page) {
  await page.goto("/templates");
  await page.getByRole("button", { name: "Sync now" }).click();
  await page
    .getByTestId("template-row-appointment_reminder")
    .getByRole("link", { name: "appointment_reminder" })
    .click();
  await expect(page.getByRole("heading", { name: "appointment_reminder" })).toBeVisible();
}

test.describe("as a marketer", () => {
  test.use({ storageState: storageStateFor("marketer") });

  test("a template send refuses bad numbers before any API call, then sends, and webhooks update the log", async ({
    page,
  }) => {
    await openReminderTemplate(page);
    await page.getByRole("button", { name: "Send", exact: true }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Send to").fill("0712 345\n+4477009");
    await dialog.getByLabel("Body {{1}}").fill("Jane");
    await expect(dialog.locator("#recipients-error")).toContainText("“0712 345” has no country code");
    await expect(dialog.getByTestId("recipient-problems")).toContainText("“+4477009” is too short");
    const before = await countSends();
    await dialog.getByRole("button", { name: "Send template" }).click();
    await expect(dialog.getByText("nothing was sent")).toBeVisible();
    expect(await countSends()).toBe(before);

    await dialog.getByLabel("Send to").fill(`${TEST_NUMBER}, +44 7700 900123`);
    await expect(dialog.getByTestId("recipient-chips")).toContainText("+447700900123");
    await expect(dialog.getByTestId("bubble-body")).toContainText("Hi Jane,");
    await screenshot(page, "send-template-dialog");
    await dialog.getByRole("button", { name: "Send template" }).click();
    await expect(dialog.getByTestId("send-outcome")).toContainText("2 messages accepted by 8x8");
    await dialog.getByRole("button", { name: "Close" }).click();

    // Delivery receipts arrive by webhook (sent → delivered → read within seconds).
    await expect(async () => {
      await page.reload();
      await expect(page.getByTestId("send-status").first()).toHaveText("read");
    }).toPass({ timeout: 30_000 });
    await expect(page.getByTestId("send-log-row")).toHaveCount(2);
    await screenshot(page, "template-send-log");
  });

  test("the test user's answer to a sent template becomes a response attributed to the send", async ({
    page,
  }) => {
    await openReminderTemplate(page);
    await page.getByRole("button", { name: "Send", exact: true }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Send to").fill(TEST_NUMBER);
    await dialog.getByLabel("Body {{1}}").fill("Sam");
    await dialog.getByRole("button", { name: "Send template" }).click();
    await expect(dialog.getByTestId("send-outcome")).toContainText("1 message accepted");
    const [send] = await query<{ id: string; flowToken: string }>(
      `SELECT id, "flowToken" FROM "MessageSend" WHERE kind = 'TEMPLATE' ORDER BY "createdAt" DESC LIMIT 1`,
    );
    expect(send!.flowToken).toMatch(/^fp1\./);

    const answer = await page.request.post("/api/sim/8x8/_control/flow-submissions", {
      headers: { Authorization: `Bearer ${SIM_KEY}` },
      data: {
        channelId: HEALTH_CHANNEL,
        recipient: TEST_NUMBER,
        flowToken: send!.flowToken,
        responseJson: { appointment_date: "2026-12-01", notes: "Morning please" },
      },
    });
    expect(answer.status()).toBe(202);
    await expect(async () => {
      const rows = await query<{ sendId: string }>(
        `SELECT "sendId" FROM "FlowResponse" WHERE "sendId" = $1`,
        [send!.id],
      );
      expect(rows).toHaveLength(1);
    }).toPass({ timeout: 30_000 });
    await page.reload();
    await expect(page.getByTestId("send-log-summary")).toContainText("answered");
  });

  test("the flow page's send dialog sends the flow as an interactive message", async ({ page }) => {
    const [flow] = await query<{ id: string }>(`SELECT id FROM "Flow" WHERE name = 'Appointment booking'`);
    await page.goto(`/flows/${flow!.id}`);
    await page.getByRole("button", { name: "Send", exact: true }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Send to").fill(TEST_NUMBER);
    await dialog.getByLabel(/^Message/).fill("Pick a time for your visit.");
    await dialog.getByLabel(/^Button text/).fill("Book now");
    await dialog.getByRole("button", { name: "Send flow" }).click();
    await expect(dialog.getByTestId("send-outcome")).toContainText("1 message accepted");
  });
});

test.describe("as a tester", () => {
  test.use({ storageState: storageStateFor("tester") });

  test("a tester can send a test only to the channel's test numbers", async ({ page }) => {
    await openReminderTemplate(page);
    await page.getByRole("button", { name: "Send test" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Send to").fill("+44 7700 900123");
    await dialog.getByLabel("Body {{1}}").fill("Jane");
    await expect(dialog.locator("#recipients-error")).toContainText(
      "Testers can send only to the channel's test numbers",
    );
    await dialog.getByLabel("Send to").fill("");
    await dialog.getByRole("button", { name: TEST_NUMBER }).click();
    await expect(dialog.getByLabel("Send to")).toHaveValue(TEST_NUMBER);
    await dialog.getByRole("button", { name: "Send test" }).click();
    await expect(dialog.getByTestId("send-outcome")).toContainText("1 message accepted");
  });
});
