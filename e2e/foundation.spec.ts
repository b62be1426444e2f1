import { expect, test } from "@playwright/test";
import { DEMO_ACCOUNTS, storageStateFor } from "./support/accounts";
import { screenshot } from "./support/screenshots";

const expectedNav: Record<string, string[]> = {
  admin: ["Flows", "Examples", "Templates", "Responses", "Settings"],
  marketer: ["Flows", "Examples", "Templates", "Responses"],
  tester: ["Flows", "Examples", "Templates"],
};

test.describe("signed out", () => {
  test("pages redirect to the sign-in page and come back after signing in", async ({ page }) => {
    await page.goto("/settings/users");
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fsettings%2Fusers/);
    await screenshot(page, "login");
    await page.getByLabel("Email").fill("admin@example.com");
    await page.getByLabel("Password").fill("flowport-demo");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/settings\/users$/);
    await expect(page.getByRole("heading", { name: "Users" })).toBeVisible();
  });

  test("a wrong password is refused with a clear message", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("Email").fill("tester@example.com");
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "email or password is not right" })).toBeVisible();
    await expect(page).toHaveURL(/\/login/);
  });

  test("API routes answer 401 with a JSON body, health is public", async ({ request }) => {
    const health = await request.get("/api/health");
    expect(health.status()).toBe(200);
    expect(await health.json()).toEqual({ status: "ok", db: "ok", api: { mode: "simulator" } });
  });
});

for (const account of DEMO_ACCOUNTS) {
  test.describe(`signed in as ${account.role}`, () => {
    test.use({ storageState: storageStateFor(account.role) });

    test("sees the shell with the navigation of the role", async ({ page }) => {
      await page.goto("/flows");
      await expect(page.getByTestId("current-role")).toHaveText(account.roleLabel);
      const nav = page.getByRole("navigation", { name: "Main" }).getByRole("link");
      await expect(nav).toHaveText(expectedNav[account.role]!);
      await expect(page.getByText("Demo mode")).toBeVisible();
      await screenshot(page, `shell-${account.role}`);
    });
  });
}

test.describe("permissions", () => {
  test("a marketer gets 403 on the users page", async ({ browser }) => {
    const context = await browser.newContext({ storageState: storageStateFor("marketer") });
    const page = await context.newPage();
    const response = await page.goto("/settings/users");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();
    await screenshot(page, "forbidden");
    await context.close();
  });

  test("an unknown page shows the 404 page", async ({ browser }) => {
    const context = await browser.newContext({ storageState: storageStateFor("tester") });
    const page = await context.newPage();
    const response = await page.goto("/no-such-page");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "This page does not exist" })).toBeVisible();
    await context.close();
  });
});

test.describe("users page", () => {
  test.use({ storageState: storageStateFor("admin") });

  test("an admin creates a user, changes the role, deactivates them, and their session stops working", async ({
    page,
    browser,
  }) => {
    const email = `e2e-${Date.now()}@example.com`;
    await page.goto("/settings/users");
    await expect(page.getByTestId("user-row-marketer@example.com")).toBeVisible();
    await screenshot(page, "users");

    await page.getByRole("button", { name: "Add user" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Name").fill("Erin Example");
    await dialog.getByLabel("Email").fill(email);
    await dialog.getByLabel("Role").selectOption("TESTER");
    await dialog.getByLabel("Initial password").fill("short");
    await dialog.getByRole("button", { name: "Add user" }).click();
    await expect(dialog.getByText("Use at least 10 characters")).toBeVisible();
    await dialog.getByLabel("Initial password").fill("a-long-enough-password");
    await dialog.getByRole("button", { name: "Add user" }).click();
    const row = page.getByTestId(`user-row-${email}`);
    await expect(row).toBeVisible();

    // The new user signs in in another browser (a context without the admin's cookies).
    const other = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const otherPage = await other.newPage();
    await otherPage.goto("/login");
    await otherPage.getByLabel("Email").fill(email);
    await otherPage.getByLabel("Password").fill("a-long-enough-password");
    await otherPage.getByRole("button", { name: "Sign in" }).click();
    await expect(otherPage.getByTestId("current-role")).toHaveText("Tester");

    await row.getByLabel(`Role of ${email}`).selectOption("MARKETER");
    await expect(page.getByText(`${email} is now marketer.`)).toBeVisible();
    await otherPage.reload();
    await expect(otherPage.getByTestId("current-role")).toHaveText("Marketer");

    await row.getByRole("button", { name: "Deactivate" }).click();
    await expect(row.getByText("Deactivated")).toBeVisible();
    await otherPage.goto("/flows");
    await expect(otherPage).toHaveURL(/\/login/);
    await other.close();
  });
});

test("sign out ends the session", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("Email").fill("tester@example.com");
  await page.getByLabel("Password").fill("flowport-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("current-user")).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/flows");
  await expect(page).toHaveURL(/\/login/);
  await context.close();
});

test.describe("API authorization", () => {
  test("without a session: 401 with a JSON error body", async ({ request }) => {
    const response = await request.get("/api/users");
    expect(response.status()).toBe(401);
    expect(await response.json()).toEqual({
      error: { code: "unauthenticated", message: "Sign in to continue." },
    });
  });

  test("without the permission: 403; with it: 200", async ({ browser }) => {
    const marketer = await browser.newContext({ storageState: storageStateFor("marketer") });
    const denied = await marketer.request.get("/api/users");
    expect(denied.status()).toBe(403);
    expect((await denied.json()).error.code).toBe("forbidden");
    const me = await marketer.request.get("/api/me");
    expect((await me.json()).user.email).toBe("marketer@example.com");
    await marketer.close();

    const admin = await browser.newContext({ storageState: storageStateFor("admin") });
    const allowed = await admin.request.get("/api/users");
    expect(allowed.status()).toBe(200);
    const { users } = await allowed.json();
    expect(users.map((u: { email: string }) => u.email)).toEqual(
      expect.arrayContaining(["admin@example.com", "tester@example.com"]),
    );
    expect(JSON.stringify(users)).not.toContain("passwordHash");
    await admin.close();
  });
});
