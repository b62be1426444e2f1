import { expect, test } from "@playwright/test";
import { countDeliveries, corpusSample, signIn, webhookToken, withDb } from "./support/responses-data";
import { screenshot } from "./support/screenshots";

const receiver = "/api/webhooks/8x8";

test.describe("webhook receiver", () => {
  test("a missing or wrong token is 401 and stores nothing", async ({ request }) => {
    const before = await countDeliveries();
    const body = corpusSample("webhook--inbound-text.json");
    const none = await request.post(receiver, { data: body });
    expect(none.status()).toBe(401);
    expect(await none.json()).toEqual({
      error: { code: "unauthenticated", message: "The webhook token is missing or wrong." },
    });
    expect((await request.post(`${receiver}?token=wrong-${webhookToken()}`, { data: body })).status()).toBe(
      401,
    );
    expect(
      (await request.post(receiver, { data: body, headers: { Authorization: "Bearer nope" } })).status(),
    ).toBe(401);
    expect(await countDeliveries()).toBe(before);
  });

  test("a body over 1 MB is 413 and stores nothing, whether declared or streamed without a length", async ({
    request,
    baseURL,
  }) => {
    const before = await countDeliveries();
    const big = "x".repeat(1024 * 1024 + 1);
    const declared = await request.post(`${receiver}?token=${webhookToken()}`, {
      data: big,
      headers: { "Content-Type": "application/json" },
    });
    expect(declared.status()).toBe(413);
    // Chunked upload: no Content-Length, so only the streamed size can catch it.
    const chunk = new TextEncoder().encode("y".repeat(64 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 20) return controller.close();
        sent++;
        controller.enqueue(chunk);
      },
    });
    const streamed = await fetch(`${baseURL}${receiver}`, {
      method: "POST",
      body: stream,
      headers: { Authorization: `Bearer ${webhookToken()}`, "Content-Type": "application/json" },
      duplex: "half",
    } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(await countDeliveries()).toBe(before);
  });

  test("an authenticated malformed body is answered 200, kept as a dead letter, viewed and re-processed by an admin (AT-WH-3)", async ({
    request,
    browser,
  }) => {
    const marker = `not json ${Date.now()}`;
    const answer = await request.post(receiver, {
      data: Buffer.from(marker),
      headers: { Authorization: `Bearer ${webhookToken()}`, "Content-Type": "application/json" },
    });
    expect(answer.status()).toBe(200);
    const { deliveryId } = await answer.json();
    await expect
      .poll(() =>
        withDb(
          async (db) =>
            (await db.query(`SELECT result FROM "WebhookDelivery" WHERE id = $1`, [deliveryId])).rows[0]
              ?.result,
        ),
      )
      .toBe("DEAD_LETTER");
    const stored = await withDb(
      async (db) =>
        (await db.query(`SELECT headers FROM "WebhookDelivery" WHERE id = $1`, [deliveryId])).rows[0],
    );
    expect(stored.headers.authorization).toBeUndefined();

    // A good delivery too, so the log has both kinds.
    const ok = await request.post(`${receiver}?token=${webhookToken()}`, {
      data: corpusSample("webhook--template-quality-update.json"),
    });
    expect(ok.status()).toBe(200);

    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, "admin@example.com");
    await page.goto("/settings");
    await page.getByRole("link", { name: /Webhook deliveries/ }).click();
    await expect(page.getByRole("heading", { name: "Webhook log" })).toBeVisible();
    await expect(page.getByTestId("delivery-row").first()).toBeVisible();
    await expect(page.getByRole("cell", { name: /200 · \d+ ms/ }).first()).toBeVisible();
    await screenshot(page, "webhooks-log");

    await page.getByLabel("Result").selectOption("DEAD_LETTER");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/result=DEAD_LETTER/);
    const rows = page.getByTestId("delivery-row");
    await expect(rows.filter({ hasText: "template_quality_update" })).toHaveCount(0);
    const row = rows.filter({ hasText: "The body is not JSON." }).first();
    await row.getByRole("button", { name: "View" }).click();
    await expect(page.getByTestId("delivery-body")).toContainText("not json");
    await screenshot(page, "webhooks-dead-letter");
    await page.getByRole("dialog").getByRole("button", { name: "Re-process" }).click();
    await expect(page.getByText("Re-processed: still a dead letter.")).toBeVisible();
    const attempts = await withDb(
      async (db) =>
        (await db.query(`SELECT attempts FROM "WebhookDelivery" WHERE id = $1`, [deliveryId])).rows[0]
          ?.attempts,
    );
    expect(attempts).toBeGreaterThanOrEqual(2);
    await context.close();
  });

  test("the webhook log is for admins only", async ({ browser }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, "marketer@example.com");
    expect((await page.goto("/settings/webhooks"))?.status()).toBe(403);
    const api = await page.request.get("/api/webhooks/deliveries/00000000-0000-4000-8000-000000000000");
    expect(api.status()).toBe(403);
    await context.close();
  });
});
