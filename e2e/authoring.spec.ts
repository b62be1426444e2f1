import { expect, type Request } from "@playwright/test";
import { readdirSync, readFileSync } from "node:fs";
import {
  corpusText,
  test,
  createDraft,
  editorText,
  pasteIntoEditor,
  publishFromDetail,
  SEED_EXAMPLES_DIR,
  typeAtLineEnd,
  uniqueName,
  waitForEditor,
} from "./support/authoring";
import { screenshot } from "./support/screenshots";

test.use({ role: "marketer" });

const HELLO = corpusText("hello-world-create-flow.json");

/** A valid 7.3 flow whose first screen title we can look for. */
function simpleFlow(title: string, body = "Hello there"): string {
  return `${JSON.stringify(
    {
      version: "7.3",
      screens: [
        {
          id: "START",
          title,
          terminal: true,
          success: true,
          layout: {
            type: "SingleColumnLayout",
            children: [
              { type: "TextBody", text: body },
              { type: "Footer", label: "Done", "on-click-action": { name: "complete", payload: {} } },
            ],
          },
        },
      ],
    },
    null,
    2,
  )}\n`;
}

function isServerActionPost(request: Request): boolean {
  return request.method() === "POST" && request.headers()["next-action"] !== undefined;
}

test.describe("create (F-CREATE)", () => {
  test("AT-CREATE-5: channel and flow name are required; saving without them is blocked", async ({
    page,
  }) => {
    await page.goto("/flows/new");
    await waitForEditor(page);
    const actionPosts: Request[] = [];
    page.on("request", (request) => isServerActionPost(request) && actionPosts.push(request));
    await page.getByRole("button", { name: "Save draft" }).click();
    await expect(page.getByText("Choose a channel.")).toBeVisible();
    await expect(page.getByText("Enter a flow name.")).toBeVisible();
    expect(actionPosts).toHaveLength(0);
    await expect(page).toHaveURL(/\/flows\/new$/);
  });

  test("AT-CREATE-2: the truncated loan text shows a parse error and nothing is sent", async ({ page }) => {
    await page.goto("/flows/new");
    await page.getByLabel("Channel", { exact: true }).selectOption({ label: "Acme Health" });
    await page.getByLabel("Flow name").fill(uniqueName("Truncated loan"));
    await pasteIntoEditor(page, readFileSync(`${SEED_EXAMPLES_DIR}/loan-application.truncated.txt`, "utf8"));
    await expect(page.getByTestId("problems-list")).toContainText(/not valid|unexpected|Unexpected/);
    const actionPosts: Request[] = [];
    page.on("request", (request) => isServerActionPost(request) && actionPosts.push(request));
    await page.getByRole("button", { name: "Save draft" }).click();
    await expect(page.getByTestId("create-error")).toContainText("does not parse");
    await expect(page.getByTestId("create-error")).toContainText("nothing was sent to 8x8");
    expect(actionPosts).toHaveLength(0);
    await screenshot(page, "authoring-create-parse-error");
  });

  test("AT-CREATE-1: every seed example saves as a Draft and its first screen renders in the preview", async ({
    page,
  }) => {
    test.setTimeout(240_000);
    const files = readdirSync(SEED_EXAMPLES_DIR).filter(
      (file) => file.endsWith(".json") && !file.includes("snippets"),
    );
    expect(files.length).toBeGreaterThanOrEqual(10);
    for (const file of files) {
      const text = corpusText(file);
      const firstTitle = (JSON.parse(text) as { screens: { title?: string }[] }).screens[0]?.title;
      const id = await createDraft(page, { name: uniqueName(file.replace(".json", "")), flowJson: text });
      await waitForEditor(page);
      expect(await editorText(page)).toBe(text);
      if (firstTitle)
        await expect(
          page.getByTestId("preview-phone").getByText(firstTitle, { exact: true }).first(),
        ).toBeVisible();
      await page.goto(`/flows/${id}`);
      await expect(page.getByTestId("flow-status")).toHaveText("Draft");
    }
  });

  test("start from an example from the gallery", async ({ page }) => {
    await page.goto("/flows/new");
    await waitForEditor(page);
    await page.getByRole("button", { name: "Start from an example" }).click();
    const gallery = page.getByRole("dialog");
    await expect(gallery.getByTestId("flow-thumbnail").first()).toBeVisible();
    await screenshot(page, "authoring-example-gallery");
    await gallery.getByRole("button", { name: /Medical Appointment Scheduling/ }).click();
    await expect.poll(() => editorText(page)).toBe(corpusText("healthcare-appointment.json"));
  });

  test("AT-CREATE-3: a footer navigating to a missing screen is reported, with a jump to its line", async ({
    page,
  }) => {
    await page.goto("/flows/new");
    const broken = JSON.parse(simpleFlow("Broken")) as {
      screens: { terminal?: boolean; layout: { children: Record<string, unknown>[] } }[];
    };
    broken.screens[0]!.layout.children[1]!["on-click-action"] = {
      name: "navigate",
      next: { type: "screen", name: "NOWHERE" },
      payload: {},
    };
    await pasteIntoEditor(page, JSON.stringify(broken, null, 2));
    const problem = page
      .getByTestId("problems-list")
      .getByRole("button", { name: /Unknown screen ids found: \[NOWHERE\]/ });
    await expect(problem).toBeVisible();
    await problem.click();
    const line = await page.evaluate(() => {
      const monaco = (
        window as unknown as {
          monaco: { editor: { getEditors(): { getPosition(): { lineNumber: number } | null }[] } };
        }
      ).monaco;
      return monaco.editor.getEditors()[0]?.getPosition()?.lineNumber ?? 0;
    });
    expect(line).toBeGreaterThan(1);
    await expect(page.locator(".monaco-editor .squiggly-error").first()).toBeVisible();
    await screenshot(page, "authoring-editor-errors");
  });

  test("AT-CREATE-4: Run shows the edited rendering without reloading", async ({ page }) => {
    await page.goto("/flows/new");
    await pasteIntoEditor(page, simpleFlow("First title"));
    await expect(page.getByTestId("preview-phone").getByText("First title")).toBeVisible();
    const navigations: string[] = [];
    page.on("framenavigated", (frame) => frame === page.mainFrame() && navigations.push(frame.url()));
    // Line 6 is `      "title": "First title",`: replace "title" by typing, key by key.
    await typeAtLineEnd(page, 6, [
      "ArrowLeft",
      "ArrowLeft",
      ..."title".split("").map(() => "Backspace"),
      ..."heading".split(""),
    ]);
    await expect.poll(() => editorText(page)).toBe(simpleFlow("First heading"));
    await page.getByRole("button", { name: "Run" }).click();
    await expect(page.getByTestId("preview-phone").getByText("First heading")).toBeVisible();
    expect(navigations).toHaveLength(0);
  });
});

test.describe("editor (F-EDITOR)", () => {
  test("save, history diff and restore into the editor", async ({ page }) => {
    const id = await createDraft(page, { name: uniqueName("History"), flowJson: simpleFlow("Version one") });
    await pasteIntoEditor(page, simpleFlow("Version two"));
    await expect(page.getByTestId("save-state")).toHaveText("Unsaved changes");
    await page.keyboard.press("ControlOrMeta+S");
    await expect(page.getByTestId("save-state")).toHaveText("Saved · revision 2");

    await page.getByRole("button", { name: "History" }).click();
    const dialog = page.getByRole("dialog");
    await expect(dialog.getByRole("button", { name: /Revision 2/ })).toBeVisible();
    await dialog.getByRole("button", { name: /Revision 1/ }).click();
    await expect(dialog.getByTestId("history-diff").locator(".monaco-diff-editor")).toBeVisible();
    await expect(dialog.getByTestId("history-diff").getByText("Version one")).toBeVisible();
    await screenshot(page, "authoring-history-diff");
    await dialog.getByRole("button", { name: "Restore into editor" }).click();
    await expect.poll(() => editorText(page)).toBe(simpleFlow("Version one"));
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page.getByTestId("save-state")).toHaveText("Saved · revision 3");
    await page.goto(`/flows/${id}`);
    await expect(page.getByText("revision 3")).toBeVisible();
  });

  test("format button and Shift+Alt+F pretty-print the JSON", async ({ page }) => {
    await createDraft(page, { name: uniqueName("Format"), flowJson: JSON.stringify(JSON.parse(HELLO)) });
    await page.getByRole("button", { name: "Format" }).click();
    await expect.poll(() => editorText(page)).toContain('\n  "version"');
  });

  test("a conflicting save from a second browser is refused and offers their change", async ({
    page,
    browser,
    sessions,
  }) => {
    const id = await createDraft(page, { name: uniqueName("Conflict"), flowJson: simpleFlow("Original") });
    const other = await browser.newContext({ storageState: sessions.get("admin") });
    const theirs = await other.newPage();
    await theirs.goto(`/flows/${id}/edit`);
    await pasteIntoEditor(theirs, simpleFlow("Their change"));
    await theirs.getByRole("button", { name: "Save", exact: true }).click();
    await expect(theirs.getByTestId("save-state")).toHaveText("Saved · revision 2");
    await other.close();

    await pasteIntoEditor(page, simpleFlow("My change"));
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page.getByTestId("save-failure")).toContainText(
      "admin@example.com saved this flow (revision 2) after you opened it",
    );
    expect(await editorText(page)).toBe(simpleFlow("My change"));
    await page.getByRole("button", { name: "See their change" }).click();
    const dialog = page.getByRole("dialog");
    await expect(dialog.getByRole("button", { name: /Revision 2/ })).toHaveAttribute("aria-current", "true");
    await expect(dialog.getByTestId("history-diff").getByText("Their change")).toBeVisible();
    await page.keyboard.press("Escape");
    await page.getByRole("button", { name: "Save mine over theirs" }).click();
    await expect(page.getByTestId("save-state")).toHaveText("Saved · revision 3");
  });

  test("an 8x8 failure keeps the text, in the editor and in the browser after a reload", async ({
    page,
    browser,
    sessions,
  }) => {
    const id = await createDraft(page, { name: uniqueName("Failure"), flowJson: simpleFlow("Before") });
    const admin = await browser.newContext({ storageState: sessions.get("admin") });
    const faults = await admin.request.post("/api/sim/8x8/_control/faults", {
      data: { kind: "error500", pathContains: "/flows/", count: 20 },
    });
    expect(faults.status()).toBe(201);
    try {
      await pasteIntoEditor(page, simpleFlow("Typed during an outage"));
      await page.getByRole("button", { name: "Save", exact: true }).click();
      await expect(page.getByTestId("save-failure")).toContainText("8x8 had an internal error", {
        timeout: 45_000,
      });
      await expect(page.getByTestId("save-failure")).toContainText("Your text is kept");
      expect(await editorText(page)).toBe(simpleFlow("Typed during an outage"));
    } finally {
      await admin.request.delete("/api/sim/8x8/_control/faults");
      await admin.close();
    }
    page.on("dialog", (dialog) => void dialog.accept());
    await page.goto(`/flows/${id}/edit`);
    await waitForEditor(page);
    await expect(page.getByText("Restored your unsaved changes")).toBeVisible();
    expect(await editorText(page)).toBe(simpleFlow("Typed during an outage"));
  });
});

test.describe("lifecycle (F-PUB, F-VERSION, F-DEPRECATE, F-DELETE, F-EXPORT)", () => {
  test("AT-PUB-2: a draft with validation errors cannot be published and the errors are shown", async ({
    page,
  }) => {
    const broken = JSON.parse(simpleFlow("Broken")) as { screens: Record<string, unknown>[] };
    delete broken.screens[0]!.terminal;
    const id = await createDraft(page, {
      name: uniqueName("Unpublishable"),
      flowJson: JSON.stringify(broken, null, 2),
    });
    await page.goto(`/flows/${id}`);
    await page.getByTestId("flow-actions").getByRole("button", { name: "Publish" }).click();
    const dialog = page.getByRole("dialog");
    await expect(dialog.getByTestId("publish-blockers")).toContainText(
      "can only be specified on a terminal screen",
    );
    await dialog.getByLabel("I understand that the published flow cannot be edited.").check();
    await expect(dialog.getByRole("button", { name: "Publish" })).toBeDisabled();
  });

  test("AT-PUB-1, AT-VER-1, AT-DEP-1, AT-EXP-1: publish, new version, deprecate, export", async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const name = uniqueName("Lifecycle");
    const flowJson = simpleFlow("Lifecycle");
    const id = await createDraft(page, { name, flowJson });

    await page.goto(`/flows/${id}`);
    await page.getByTestId("flow-actions").getByRole("button", { name: "Publish" }).click();
    const dialog = page.getByRole("dialog");
    await expect(dialog).toContainText(
      "Once published, the Flow becomes live and cannot be edited. This is a Meta/WhatsApp restriction to ensure consistency for users.",
    );
    await expect(dialog.getByRole("button", { name: "Publish" })).toBeDisabled();
    await screenshot(page, "authoring-publish-dialog");
    await publishFromDetail(page, id);
    await expect(page.getByTestId("flow-actions").getByRole("link", { name: "Edit" })).toHaveCount(0);
    await page.goto(`/flows/${id}/edit`);
    await expect(page.getByText("cannot be edited")).toBeVisible();
    await expect(page.getByRole("button", { name: "Save", exact: true })).toHaveCount(0);

    // AT-EXP-1
    await page.goto(`/flows/${id}`);
    const downloadPromise = page.waitForEvent("download");
    await page.getByTestId("flow-actions").getByRole("link", { name: "Export JSON" }).click();
    const download = await downloadPromise;
    expect(download.suggestedFilename()).toMatch(/\.json$/);
    const exported = readFileSync(await download.path(), "utf8");
    expect(JSON.parse(exported)).toEqual(JSON.parse(flowJson));
    expect(exported).toBe(flowJson);

    // AT-VER-1
    await page.getByTestId("flow-actions").getByRole("link", { name: "New version" }).click();
    await expect(page).toHaveURL(new RegExp(`/flows/new\\?from=${id}$`));
    await waitForEditor(page);
    expect(await editorText(page)).toBe(flowJson);
    await page.getByRole("button", { name: "Save draft" }).click();
    await expect(page).toHaveURL(/\/flows\/[0-9a-f-]{36}\/edit$/);
    const newId = page.url().split("/").at(-2)!;
    expect(newId).not.toBe(id);
    await page.goto(`/flows/${newId}`);
    await expect(page.getByTestId("flow-status")).toHaveText("Draft");
    await expect(page.getByTestId("flow-lineage")).toContainText(name);
    await page.goto(`/flows/${id}`);
    await expect(page.getByTestId("flow-status")).toHaveText("Published");
    await expect(page.getByTestId("flow-lineage")).toContainText(`${name} (new version)`);

    // AT-DEP-1
    await page.getByTestId("flow-actions").getByRole("button", { name: "Deprecate" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Deprecate" }).click();
    await expect(page.getByTestId("flow-status")).toHaveText("Deprecated");
    await expect(page.getByTestId("flow-actions").getByRole("link", { name: "Export JSON" })).toBeVisible();
    await expect(page.getByTestId("flow-actions").getByRole("link", { name: "Responses" })).toBeVisible();
    await page.getByTestId("flow-actions").getByRole("link", { name: "Preview" }).click();
    await expect(page.getByTestId("preview-phone")).toBeVisible();
  });

  test("AT-DEL-1: a draft is deleted after confirmation; published flows offer no delete", async ({
    page,
  }) => {
    const name = uniqueName("Delete me");
    const id = await createDraft(page, { name, flowJson: HELLO.replace('"5.0"', '"7.3"') });
    await page.goto(`/flows/${id}`);
    await page.getByTestId("flow-actions").getByRole("button", { name: "Delete" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Delete permanently" }).click();
    await expect(page).toHaveURL(/\/flows$/);
    await expect(page.getByText(name)).toHaveCount(0);
    expect((await page.goto(`/flows/${id}`))?.status()).toBe(404);

    const published = await createDraft(page, { name: uniqueName("Kept"), flowJson: simpleFlow("Kept") });
    await publishFromDetail(page, published);
    await expect(page.getByTestId("flow-actions").getByRole("button", { name: "Delete" })).toHaveCount(0);
  });
});

test.describe("tester", () => {
  test.use({ role: "tester" });

  test("sees flows read-only: no save, publish, delete or create", async ({ page, browser, sessions }) => {
    const marketer = await browser.newContext({ storageState: sessions.get("marketer") });
    const id = await createDraft(await marketer.newPage(), {
      name: uniqueName("Read only"),
      flowJson: simpleFlow("Read only"),
    });
    await marketer.close();

    await page.goto(`/flows/${id}`);
    await expect(page.getByTestId("flow-actions").getByRole("link", { name: "Preview" })).toBeVisible();
    for (const name of ["Publish", "Delete"])
      await expect(page.getByTestId("flow-actions").getByRole("button", { name })).toHaveCount(0);
    await expect(page.getByTestId("flow-actions").getByRole("link", { name: "Edit" })).toHaveCount(0);
    await page.goto(`/flows/${id}/edit`);
    await waitForEditor(page);
    await expect(page.getByText("Editing needs the Marketer or Admin role")).toBeVisible();
    await expect(page.getByRole("button", { name: "Save", exact: true })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Publish" })).toHaveCount(0);
    expect((await page.goto("/flows/new"))?.status()).toBe(403);
  });
});
