import { expect, type Page } from "@playwright/test";
import {
  createPreviewSession,
  fillRequiredFields,
  previewReducer,
  resolveScreen,
  type FieldValue,
  type PreviewEvent,
  type PreviewState,
} from "../../lib/preview";

// Drives the real preview UI the way a tester would, deciding values with lib/preview's own generic tester
// (fillRequiredFields/validValue) on a shadow session that receives the same events, so both must agree at each step.

const fieldId = (screen: string, name: string) => `#${`wa-${screen}-${name}`.replace(/[^\w-]/g, "_")}`;

/** Days are ISO in the calendar's button labels; DatePicker before 5.0 stores a millisecond timestamp. */
function isoDay(value: unknown): string {
  const text = String(value);
  return /^\d+$/.test(text) ? new Date(Number(text)).toISOString().slice(0, 10) : text;
}

async function pickDay(page: Page, iso: string): Promise<void> {
  const sheet = page.getByRole("dialog");
  await sheet.getByLabel("Year").selectOption(iso.slice(0, 4));
  for (let i = 0; i < 24; i++) {
    const day = sheet.locator(`button[aria-label="${iso}"]`);
    if (await day.count()) return day.click();
    const first = await sheet
      .getByRole("grid")
      .locator("button[aria-label]")
      .first()
      .getAttribute("aria-label");
    await sheet.getByRole("button", { name: iso < (first ?? "") ? "Previous month" : "Next month" }).click();
  }
  throw new Error(`Could not reach ${iso} in the calendar`);
}

async function setField(page: Page, state: PreviewState, name: string, value: FieldValue): Promise<void> {
  const screen = resolveScreen(state);
  const field = screen?.fields[name];
  if (!screen || !field) throw new Error(`No field ${name} on screen`);
  const id = fieldId(screen.id, name);
  const phone = page.getByTestId("preview-phone");
  switch (field.type) {
    case "TextInput":
    case "TextArea":
      await phone.locator(id).fill(String(value));
      return;
    case "RadioButtonsGroup":
      await phone.locator(`input[name="${id.slice(1)}"][value="${String(value)}"]`).check();
      return;
    case "CheckboxGroup":
      for (const item of value as string[])
        await phone.locator(`input[name="${id.slice(1)}"][value="${item}"]`).check();
      return;
    case "ChipsSelector":
      for (const item of value as string[]) await phone.locator(`${id} button[data-value="${item}"]`).click();
      return;
    case "Dropdown":
      await phone.locator(id).click();
      await page
        .getByRole("dialog")
        .locator(`[role="option"][data-value="${String(value)}"]`)
        .click();
      return;
    case "OptIn":
      await phone.locator(id).check();
      return;
    case "DatePicker":
    case "CalendarPicker": {
      if (typeof value === "object" && value !== null && !Array.isArray(value)) {
        const range = value as { "start-date"?: string; "end-date"?: string };
        await phone.locator(`${id}-start-date`).click();
        await pickDay(page, isoDay(range["start-date"]));
        await pickDay(page, isoDay(range["end-date"]));
      } else {
        await phone.locator(id).click();
        await pickDay(page, isoDay(value));
      }
      return;
    }
    default:
      throw new Error(`Cannot set a ${field.type} from the UI`);
  }
}

async function applyInUi(page: Page, state: PreviewState, event: PreviewEvent): Promise<void> {
  if (event.type === "field-changed") return setField(page, state, event.name, event.value);
  if (event.type === "files-picked") {
    const label = resolveScreen(state)?.fields[event.name]?.props.label;
    const input = page.getByTestId("preview-phone").locator('input[type="file"]');
    await expect(input, `file input for ${String(label)}`).toHaveCount(1);
    await input.setInputFiles(
      event.files.map((file) => ({
        name: file.fileName,
        mimeType: file.mimeType,
        buffer: Buffer.alloc(file.sizeBytes, 1),
      })),
    );
    return;
  }
  throw new Error(`Unexpected event ${event.type}`);
}

/** Walks an example to its completion panel; returns the screens passed. Fails when UI and shadow session disagree. */
export async function walkExampleInUi(page: Page, slug: string, flowJson: string): Promise<string[]> {
  await page.goto(`/examples/${encodeURIComponent(slug)}`);
  const phone = page.getByTestId("preview-phone");
  let state = createPreviewSession(flowJson, { flowToken: `example-${slug}` });
  const apply = (event: PreviewEvent) => (state = previewReducer(state, event));
  const trail: string[] = [];
  for (let step = 0; step < 40; step++) {
    await expect(phone).toHaveAttribute("data-status", state.status);
    if (state.status === "completed") {
      await expect(page.getByTestId("preview-completion")).toBeVisible();
      return trail;
    }
    const current = state.stack[state.stack.length - 1] ?? "";
    await expect(phone).toHaveAttribute("data-screen", current);
    if (state.status === "awaiting-endpoint" && state.pending) {
      await page.getByRole("button", { name: "Send response" }).click();
      apply({ type: "endpoint-responded", response: state.pending.suggestedResponse });
      continue;
    }
    if (state.status !== "running") throw new Error(`Stopped with status ${state.status} on ${current}`);
    trail.push(current);
    await expect(phone.getByTestId("preview-error")).toHaveCount(0);
    for (let round = 0; round < 3 && state.status === "running"; round++) {
      const events = fillRequiredFields(state);
      if (events.length === 0) break;
      for (const event of events) {
        if (state.status !== "running") break;
        await applyInUi(page, state, event);
        apply(event);
      }
    }
    if (state.status !== "running") continue;
    const screen = resolveScreen(state);
    if (screen?.footer) {
      await expect(page.getByTestId("preview-footer-button")).toBeEnabled();
      await page.getByTestId("preview-footer-button").click();
      apply({ type: "footer-pressed" });
      continue;
    }
    const list = screen?.nodes.find((node) => node.kind === "component" && node.type === "NavigationList");
    if (list?.kind !== "component")
      throw new Error(`Screen ${current} has neither a Footer nor a NavigationList`);
    const items = Array.isArray(list.props["list-items"])
      ? (list.props["list-items"] as Record<string, unknown>[])
      : [];
    await phone.locator(`[data-path="${list.path}"] li button`).first().click();
    apply({
      type: "action-triggered",
      action: items[0]?.["on-click-action"] ?? list.raw["on-click-action"],
      source: list.path,
    });
  }
  throw new Error(`Not completed after 40 steps: ${trail.join(" → ")}`);
}
