import { generateKeyPairSync } from "node:crypto";
import { expect, test } from "@playwright/test";
import { storageStateFor } from "./support/accounts";
import { screenshot } from "./support/screenshots";

test.describe("settings as admin", () => {
  test.use({ storageState: storageStateFor("admin") });

  test("adds a channel, tests the connection and switches to it", async ({ page }) => {
    await page.goto("/settings");
    await expect(page.getByRole("heading", { name: "WhatsApp channels" })).toBeVisible();
    await expect(page.getByText("Built-in simulator", { exact: true })).toBeVisible();
    await expect(page.getByLabel("Webhook URL")).toHaveValue(/\/api\/webhooks\/8x8\?token=.{24,}/);
    await screenshot(page, "settings");

    await page.getByRole("button", { name: "Add channel" }).click();
    const dialog = page.getByRole("dialog", { name: "Add a WhatsApp channel" });
    await dialog.getByLabel("8x8 channel id").fill("e2e-channel-1");
    await dialog.getByLabel("Display name").fill("E2E Channel");
    await dialog.getByLabel("Phone number").fill("0612");
    await dialog.getByRole("button", { name: "Add channel" }).click();
    await expect(dialog.getByText("Enter the number in international format")).toBeVisible();
    await screenshot(page, "settings-channel-error");
    await dialog.getByLabel("Phone number").fill("+1 555 010 9999");
    await dialog.getByRole("button", { name: "Add channel" }).click();
    await expect(dialog).toHaveCount(0);

    const channelRow = page.getByTestId("channel-row-e2e-channel-1");
    await expect(channelRow).toContainText("E2E Channel");
    await expect(channelRow).toContainText("+15550109999");
    await channelRow.getByRole("button", { name: "Test connection" }).click();
    await expect(channelRow.getByRole("status")).toContainText("Connected: 8x8 lists 0 flows");

    const switcher = () => page.getByRole("combobox", { name: "WhatsApp channel", exact: true });
    await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST"),
      switcher().selectOption({ label: "E2E Channel" }),
    ]);
    await page.goto("/flows");
    await expect(page.getByText("This channel has no flows yet")).toBeVisible();
    await screenshot(page, "flows-empty-channel");
    await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST"),
      switcher().selectOption({ label: "Acme Health" }),
    ]);
    await expect(page.getByTestId("flow-row").first()).toBeVisible();
  });

  test("refuses a channel id that is already configured", async ({ page }) => {
    await page.goto("/settings");
    await page.getByRole("button", { name: "Add channel" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("8x8 channel id").fill("ec36a867-3dd4-e911-814a-02d85f55fce8");
    await dialog.getByLabel("Display name").fill("Duplicate");
    await dialog.getByRole("button", { name: "Add channel" }).click();
    await expect(page.getByText("is already configured")).toBeVisible();
  });
});

test.describe("the flow data endpoint's public key", () => {
  test.use({ storageState: storageStateFor("admin") });

  test("an admin sets it, is told why a bad key is refused, and removes it", async ({ page }) => {
    const { publicKey, privateKey } = generateKeyPairSync("rsa", {
      modulusLength: 2048,
      publicKeyEncoding: { type: "spki", format: "pem" },
      privateKeyEncoding: { type: "pkcs8", format: "pem" },
    });
    await page.goto("/settings");
    const section = page.getByRole("region", { name: "Flow data endpoint" });
    const field = section.getByLabel("Public key (PEM)");
    const status = section.getByTestId("endpoint-key-status");
    await expect(status).toContainText("No key is stored");

    await field.fill(privateKey);
    await section.getByRole("button", { name: "Save public key" }).click();
    await expect(section.locator("#endpoint-public-key-error")).toContainText("This is a private key");
    await expect(field).toHaveAttribute("aria-invalid", "true");
    await screenshot(page, "settings-endpoint-key-error");
    await field.fill("-----BEGIN PUBLIC KEY-----\nnope\n-----END PUBLIC KEY-----");
    await section.getByRole("button", { name: "Save public key" }).click();
    await expect(section.locator("#endpoint-public-key-error")).toContainText("not a PEM-encoded public key");
    await expect(status).toContainText("No key is stored");

    await field.fill(publicKey);
    await section.getByRole("button", { name: "Save public key" }).click();
    await expect(status).toContainText("RSA 2048-bit key, SHA-256 fingerprint");
    await expect(section.locator("#endpoint-public-key-error")).toHaveCount(0);
    await page.reload();
    await expect(field).toHaveValue(publicKey.trim());
    await screenshot(page, "settings-endpoint-key");

    await section.getByRole("button", { name: "Remove key" }).click();
    await expect(status).toContainText("No key is stored");
    await expect(field).toHaveValue("");
    await expect(section.getByRole("button", { name: "Remove key" })).toHaveCount(0);
  });
});

test.describe("settings as marketer", () => {
  test.use({ storageState: storageStateFor("marketer") });

  test("is forbidden", async ({ page }) => {
    const response = await page.goto("/settings");
    expect(response?.status()).toBe(403);
  });
});
