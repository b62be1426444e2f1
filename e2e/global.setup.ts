import { test as setup, expect } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { DEMO_ACCOUNTS, storageStateFor } from "./support/accounts";

setup("seed demo users and sign in once per role", async ({ page }) => {
  const url = new URL(process.env.DATABASE_URL ?? "");
  if (!["localhost", "127.0.0.1", "::1", "[::1]"].includes(url.hostname)) {
    throw new Error(`End-to-end tests write to the database; refusing the non-local host ${url.hostname}.`);
  }
  execFileSync("node_modules/.bin/tsx", ["--conditions=react-server", "scripts/db.ts", "seed", "--demo"], {
    stdio: "inherit",
  });

  for (const account of DEMO_ACCOUNTS) {
    await page.context().clearCookies();
    await page.goto("/login");
    await page.getByLabel("Email").fill(account.email);
    await page.getByLabel("Password").fill(account.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("current-user")).toContainText(account.email);
    await page.context().storageState({ path: storageStateFor(account.role) });
  }
});
