import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildFieldColumns, traceCompletePayloadColumns } from "./field-columns";

const example = (name: string) =>
  readFileSync(path.resolve("lib/examples/corpus/seed-examples", name), "utf8");

describe("field columns from the Flow JSON", () => {
  it("follows ${data.x} back through navigate payloads to the input's label", () => {
    const columns = traceCompletePayloadColumns(example("retail-product-return-exchange.json"));
    expect(columns.map((c) => c.key)).toEqual([
      "order_number",
      "item_name",
      "customer_email",
      "return_reason",
      "additional_details",
      "resolution_type",
      "exchange_pref",
      "contact_method",
    ]);
    expect(columns.every((c) => c.label !== "")).toBe(true);
    expect(columns.find((c) => c.key === "order_number")!.label).not.toBe("order_number");
  });

  it("uses the component's label for a renamed ${form.x} key and marks photo pickers as attachments", () => {
    const flows = traceCompletePayloadColumns(example("flows-api-appointment-booking.json"));
    expect(flows).toHaveLength(1);
    expect(flows[0]!.key).toBe("date");
    expect(flows[0]!.label).not.toBe("date");
    const services = traceCompletePayloadColumns(example("professional-services-appointment-booking.json"));
    expect(services.find((c) => c.key === "problem_photo")).toEqual({
      key: "problem_photo",
      label: "Upload Photo (Optional)",
      kind: "attachment",
    });
  });

  it("adds keys seen in responses but not in the flow, by name, and never flow_token", () => {
    const flowJson = JSON.stringify({
      version: "7.2",
      screens: [
        {
          id: "A",
          terminal: true,
          layout: {
            type: "SingleColumnLayout",
            children: [
              { type: "TextInput", name: "n", label: "Your name" },
              {
                type: "Footer",
                label: "Done",
                "on-click-action": { name: "complete", payload: { name: "${form.n}", fixed: "x" } },
              },
            ],
          },
        },
      ],
    });
    expect(buildFieldColumns(flowJson, ["flow_token", "name", "extra"])).toEqual([
      { key: "name", label: "Your name", kind: "value" },
      { key: "fixed", label: "fixed", kind: "value" },
      { key: "extra", label: "extra", kind: "value" },
    ]);
    expect(buildFieldColumns(null, ["b", "a"]).map((c) => c.key)).toEqual(["b", "a"]);
    expect(traceCompletePayloadColumns("{not json")).toEqual([]);
  });
});
