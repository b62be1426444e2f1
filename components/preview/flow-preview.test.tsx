// @vitest-environment jsdom
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { act, cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { FlowPreview } from "./index";

const CORPUS = path.resolve(__dirname, "../../lib/examples/corpus");
const read = (file: string) => readFileSync(path.join(CORPUS, file), "utf8");

afterEach(cleanup);

const footerButton = () => screen.getByTestId("preview-footer-button");

describe("FlowPreview", () => {
  it("AT-PREV-1: Continue stays disabled until both required radios are chosen", () => {
    render(<FlowPreview flowJson={read("seed-examples/healthcare-appointment.json")} />);
    expect(footerButton()).toHaveProperty("disabled", true);
    expect(footerButton().textContent).toBe("Continue");
    fireEvent.click(screen.getByRole("radio", { name: "Sick Visit" }));
    expect(footerButton()).toHaveProperty("disabled", true);
    fireEvent.click(screen.getByRole("radio", { name: "Illness/Symptoms" }));
    expect(footerButton()).toHaveProperty("disabled", false);
    fireEvent.click(footerButton());
    expect(screen.getByTestId("preview-phone").getAttribute("data-screen")).toBe("PATIENT_INFO");
    expect(screen.getByRole("button", { name: "Back" })).toBeTruthy();
  });

  it("AT-PREV-2: abc in an email field shows a validation error", () => {
    render(<FlowPreview flowJson={read("seed-examples/component-reference-contact-preferences.json")} />);
    const email = screen.getByLabelText("Email Address");
    fireEvent.change(email, { target: { value: "abc" } });
    fireEvent.blur(email);
    expect(screen.getByText("Enter a valid email address")).toBeTruthy();
    expect(
      within(screen.getByTestId("preview-activity-log")).getByText(/email: Enter a valid email address/),
    ).toBeTruthy();
  });

  it("AT-PREV-3: finishing the component-reference example shows the submission payload", () => {
    render(
      <FlowPreview
        flowJson={read("seed-examples/component-reference-contact-preferences.json")}
        flowToken="TOKEN"
      />,
    );
    fireEvent.change(screen.getByLabelText("Full Name"), { target: { value: "Jane Smith" } });
    fireEvent.change(screen.getByLabelText("Email Address"), { target: { value: "jane@example.com" } });
    fireEvent.change(screen.getByLabelText("Phone Number"), { target: { value: "+15551234567" } });
    fireEvent.click(footerButton());
    fireEvent.click(screen.getByRole("radio", { name: "WhatsApp" }));
    fireEvent.click(screen.getByRole("checkbox", { name: "New Products" }));
    fireEvent.click(screen.getByRole("checkbox", { name: /Subscribe to newsletter/ }));
    fireEvent.click(footerButton());
    const panel = screen.getByTestId("preview-completion");
    const json = JSON.parse(within(panel).getByLabelText("response_json").textContent ?? "{}");
    expect(json).toEqual({
      full_name: "Jane Smith",
      email: "jane@example.com",
      phone: "+15551234567",
      contact_method: "whatsapp",
      interests: ["products"],
      newsletter: true,
      flow_token: "TOKEN",
    });
    expect(screen.getByText("Response sent")).toBeTruthy();
  });

  it("keeps the screen and typed values when the Flow text changes, and shows a parse error box", () => {
    const text = read("seed-examples/component-reference-contact-preferences.json");
    const { rerender } = render(<FlowPreview flowJson={text} />);
    fireEvent.change(screen.getByLabelText("Full Name"), { target: { value: "Jane" } });
    rerender(<FlowPreview flowJson={text.replace("Let's Get Started", "Welcome")} />);
    expect(screen.getByText("Welcome")).toBeTruthy();
    expect((screen.getByLabelText("Full Name") as HTMLInputElement).value).toBe("Jane");
    rerender(<FlowPreview flowJson={text.slice(0, 50)} />);
    expect(screen.getByTestId("preview-error").textContent).toMatch(/not valid JSON/);
    expect(screen.getByText("Welcome")).toBeTruthy();
  });

  it("answers a data_exchange from the endpoint panel", async () => {
    render(<FlowPreview flowJson={read("meta-examples/metadocs-7.2-routing-model-endpoint.json")} />);
    fireEvent.click(footerButton());
    expect(screen.getByLabelText("Decrypted endpoint request").textContent).toContain(
      '"action": "data_exchange"',
    );
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Send response" })));
    expect(screen.getByTestId("preview-phone").getAttribute("data-screen")).toBe("MY_SECOND_SCREEN");
  });

  it("draws unknown components as an error box with the path", () => {
    const flow = {
      version: "7.3",
      screens: [
        {
          id: "A",
          title: "A",
          terminal: true,
          layout: {
            type: "SingleColumnLayout",
            children: [
              { type: "Marquee" },
              { type: "Footer", label: "Done", "on-click-action": { name: "complete", payload: {} } },
            ],
          },
        },
      ],
    };
    render(<FlowPreview flowJson={flow} />);
    expect(screen.getByTestId("preview-error").getAttribute("data-path")).toBe(
      "screens[0].layout.children[0].type",
    );
  });

  it("switches the phone theme", () => {
    render(<FlowPreview flowJson={read("seed-examples/hello-world-create-flow.json")} />);
    fireEvent.click(screen.getByRole("button", { name: "Dark phone" }));
    expect(screen.getByTestId("preview-phone").getAttribute("data-theme")).toBe("dark");
  });

  const files = ["meta-examples", "seed-examples"].flatMap((dir) =>
    readdirSync(path.join(CORPUS, dir))
      .filter((name) => name.endsWith(".json") && !name.includes("snippets"))
      .map((name) => `${dir}/${name}`),
  );
  it.each(files)("renders the first screen of %s without an error box", (file) => {
    render(<FlowPreview flowJson={read(file)} />);
    expect(screen.queryAllByTestId("preview-error")).toEqual([]);
    // The 6.1 CalendarPicker examples start with a data_exchange: their on-select-action runs on first render (§9.4).
    expect(screen.getByTestId("preview-phone").getAttribute("data-status")).toMatch(
      /^(running|awaiting-endpoint)$/,
    );
  });
});
