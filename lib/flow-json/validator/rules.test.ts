import { describe, expect, it } from "vitest";
import { getFlowJsonSchema, toEditorMarkers, validateFlowJson, parseFlowJson } from "../index";

type J = Record<string, unknown>;
const footer = (name = "complete", extra: J = {}): J => ({
  type: "Footer",
  label: "Go",
  "on-click-action": { name, payload: {}, ...extra },
});
/** One terminal screen with the given children; `version` 7.3 unless set. */
const flow = (children: unknown[], over: J = {}, screen: J = {}): string =>
  JSON.stringify(
    {
      version: "7.3",
      screens: [
        {
          id: "A",
          title: "A",
          terminal: true,
          success: true,
          layout: { type: "SingleColumnLayout", children },
          ...screen,
        },
      ],
      ...over,
    },
    null,
    2,
  );
const errs = (text: string) => validateFlowJson(text).errors.map((e) => `${e.error}@${e.pointers[0]?.path}`);

// Each rule: a failing document (code@path expected) and its passing neighbour.
const CASES: [rule: string, bad: string, expected: string, good: string][] = [
  ["T3 missing version", JSON.stringify({ screens: [] }), "MISSING_FLOW_JSON_VERSION@", flow([footer()])],
  [
    "T3 unknown version",
    flow([footer()], { version: "2024.0" }),
    "INVALID_FLOW_JSON_VERSION@version",
    flow([footer()], { version: "7.2" }),
  ],
  [
    "T3 data_api_version 4.0 < 7.3",
    flow([footer()], { version: "7.2", data_api_version: "4.0", routing_model: {} }),
    "NO_SUPPORTED_DATA_API_VERSION@data_api_version",
    flow([footer()], { data_api_version: "4.0", routing_model: {} }),
  ],
  ["T4 unknown top key", flow([footer()], { name: "x" }), "INVALID_PROPERTY_KEY@name", flow([footer()])],
  [
    "T5 empty screens",
    JSON.stringify({ version: "7.3", screens: [] }),
    "MIN_ITEMS_REQUIRED@screens",
    flow([footer()]),
  ],
  [
    "T6 data_exchange needs data_api_version",
    flow([footer("data_exchange")]),
    "MISSING_REQUIRED_PROPERTY@",
    flow([footer("data_exchange")], { data_api_version: "3.0", routing_model: { A: [] } }),
  ],
  [
    "T7 routing_model required",
    flow([footer()], { data_api_version: "3.0" }),
    "MISSING_REQUIRED_PROPERTY@data_api_version",
    flow([footer()], { data_api_version: "3.0", routing_model: { A: [] } }),
  ],
  [
    "R1 unknown routing screen",
    flow([footer()], { routing_model: { A: ["Z"] } }),
    "INVALID_ROUTING_MODEL@routing_model.A[0]",
    flow([footer()], { routing_model: { A: [] } }),
  ],
  [
    "S2 screen id pattern",
    flow([footer()], {}, { id: "A1" }),
    "PATTERN_MISMATCH@screens[0].id",
    flow([footer()], {}, { id: "A_B" }),
  ],
  [
    "S4 reserved id",
    flow([footer()], {}, { id: "Success" }),
    "SCREEN_ID_IS_RESERVED_KEYWORD@screens[0].id",
    flow([footer()], {}, { id: "DONE" }),
  ],
  [
    "S5 title required",
    flow([footer()], {}, { title: undefined }),
    "MISSING_REQUIRED_PROPERTY@screens[0]",
    flow([footer()]),
  ],
  [
    "S6 layout type",
    flow([footer()], {}, { layout: { type: "Grid", children: [footer()] } }),
    "INVALID_PROPERTY_VALUE@screens[0].layout.type",
    flow([footer()]),
  ],
  [
    "S7 terminal required",
    flow(
      [footer("data_exchange")],
      { data_api_version: "3.0", routing_model: { A: [] } },
      { terminal: false, success: undefined },
    ),
    "MISSING_TERMINAL_SCREEN@screens",
    flow([footer()]),
  ],
  [
    "S8 terminal footer",
    flow([{ type: "TextBody", text: "x" }]),
    "MISSING_FOOTER_ON_TERMINAL_SCREEN@screens[0].terminal",
    flow([footer()]),
  ],
  [
    "S10 success on non-terminal",
    flow([footer()], {}, { terminal: undefined }),
    "NOT_KEYWORD_SCHEMA_VALIDATION_FAILED@screens[0].success",
    flow([footer()]),
  ],
  [
    "S11 success true somewhere",
    flow([footer()], {}, { success: false }),
    "INVALID_PROPERTY_VALUE@screens[0].success",
    flow([footer()]),
  ],
  [
    "S12 refresh_on_back",
    flow([footer()], {}, { refresh_on_back: true }),
    "INVALID_PROPERTY_VALUE@screens[0].refresh_on_back",
    flow([footer()], {}, { refresh_on_back: false }),
  ],
  [
    "S13 sensitive",
    flow([footer()], {}, { sensitive: ["nope"] }),
    "INVALID_SENSITIVE_FIELD@screens[0].sensitive[0]",
    flow([{ type: "TextInput", name: "nope", label: "L" }, footer()], {}, { sensitive: ["nope"] }),
  ],
  [
    "D1 __example__ required",
    flow([footer()], {}, { data: { x: { type: "string" } } }),
    "MISSING_REQUIRED_PROPERTY@screens[0].data.x",
    flow([footer()], {}, { data: { x: { type: "string", __example__: "a" } } }),
  ],
  [
    "D4 __example__ type",
    flow([footer()], {}, { data: { x: { type: "number", __example__: "a" } } }),
    "INVALID_SCREEN_DATA@screens[0].data.x.__example__",
    flow([footer()], {}, { data: { x: { type: "number", __example__: 1 } } }),
  ],
  [
    "D5 undeclared data",
    flow([{ type: "TextBody", text: "${data.x}" }, footer()]),
    "INVALID_SCREEN_DYNAMIC_DATA@screens[0].layout.children[0].text",
    flow(
      [{ type: "TextBody", text: "${data.x}" }, footer()],
      {},
      { data: { x: { type: "string", __example__: "a" } } },
    ),
  ],
  [
    "D5 binding type",
    flow(
      [{ type: "TextBody", text: "t", visible: "${data.x}" }, footer()],
      {},
      { data: { x: { type: "string", __example__: "a" } } },
    ),
    "INVALID_SCREEN_DYNAMIC_DATA@screens[0].layout.children[0].visible",
    flow(
      [{ type: "TextBody", text: "t", visible: "${data.x}" }, footer()],
      {},
      { data: { x: { type: "boolean", __example__: true } } },
    ),
  ],
  [
    "P1 unknown type",
    flow([{ type: "Header", text: "x" }, footer()]),
    "INVALID_PROPERTY_VALUE@screens[0].layout.children[0].type",
    flow([{ type: "TextHeading", text: "x" }, footer()]),
  ],
  [
    "P2 input outside Form < 4.0",
    flow([{ type: "TextInput", name: "a", label: "L" }, footer()], { version: "3.1" }),
    "UNSUPPORTED_FLOW_JSON_VERSION@version",
    flow([{ type: "Form", name: "f", children: [{ type: "TextInput", name: "a", label: "L" }, footer()] }], {
      version: "3.1",
    }),
  ],
  [
    "P3 inputs outside Form",
    flow([{ type: "Form", name: "f", children: [] }, { type: "TextInput", name: "a", label: "L" }, footer()]),
    "COMPONENTS_OUTSIDE_FORM@screens[0].layout.children[1].type",
    flow([{ type: "Form", name: "f", children: [{ type: "TextInput", name: "a", label: "L" }] }, footer()]),
  ],
  [
    "P4 init-value in Form",
    flow([
      {
        type: "Form",
        name: "f",
        children: [{ type: "TextInput", name: "a", label: "L", "init-value": "x" }, footer()],
      },
    ]),
    "INVALID_PROPERTY_KEY@screens[0].layout.children[0].children[0].init-value",
    flow([{ type: "TextInput", name: "a", label: "L", "init-value": "x" }, footer()]),
  ],
  [
    "P6 two footers",
    flow([footer(), footer()]),
    "COMPONENT_TYPE_MAX_NUMBER_PER_SCREEN@screens[0].layout.children[1].type",
    flow([footer()]),
  ],
  [
    "P9 If footer both branches",
    flow([
      { type: "If", condition: "${form.a}", then: [footer()] },
      { type: "OptIn", name: "a", label: "L" },
    ]),
    "MISSING_FOOTER_IN_IF_ELSE_BRANCHES@screens[0].layout.children[0].type",
    flow([
      { type: "If", condition: "${form.a}", then: [footer()], else: [footer()] },
      { type: "OptIn", name: "a", label: "L" },
    ]),
  ],
  [
    "P11 then non-empty",
    flow([
      { type: "If", condition: "${form.a}", then: [] },
      { type: "OptIn", name: "a", label: "L" },
      footer(),
    ]),
    "INVALID_PROPERTY_VALUE@screens[0].layout.children[0].then",
    flow([
      { type: "If", condition: "${form.a}", then: [{ type: "TextBody", text: "x" }] },
      { type: "OptIn", name: "a", label: "L" },
      footer(),
    ]),
  ],
  [
    "P12 empty cases",
    flow([
      { type: "Switch", value: "${form.a}", cases: {} },
      { type: "TextInput", name: "a", label: "L" },
      footer(),
    ]),
    "EMPTY_SWITCH_CASES@screens[0].layout.children[0].cases",
    flow([
      { type: "Switch", value: "${form.a}", cases: { x: [{ type: "TextBody", text: "x" }] } },
      { type: "TextInput", name: "a", label: "L" },
      footer(),
    ]),
  ],
  [
    "P13 RichText alone",
    flow([{ type: "RichText", text: "# T" }, { type: "TextBody", text: "x" }, footer()]),
    "INVALID_COMPONENT_PLACEMENT@screens[0].layout.children[0].type",
    flow([{ type: "RichText", text: "# T" }, footer()]),
  ],
  [
    "P15 duplicate names",
    flow([
      { type: "TextInput", name: "a", label: "L" },
      { type: "TextArea", name: "a", label: "L" },
      footer(),
    ]),
    "DUPLICATE_FORM_COMPONENT_NAMES@screens[0].layout.children[1].name",
    flow([
      { type: "TextInput", name: "a", label: "L" },
      { type: "TextArea", name: "b", label: "L" },
      footer(),
    ]),
  ],
  [
    "P16 dynamic name",
    flow([{ type: "TextInput", name: "${data.x}", label: "L" }, footer()]),
    "PATTERN_MISMATCH@screens[0].layout.children[0].name",
    flow([{ type: "TextInput", name: "x", label: "L" }, footer()]),
  ],
  [
    "C1 unknown property",
    flow([{ type: "TextBody", text: "x", colour: "red" }, footer()]),
    "INVALID_PROPERTY_KEY@screens[0].layout.children[0].colour",
    flow([{ type: "TextBody", text: "x" }, footer()]),
  ],
  [
    "C2 required property",
    flow([{ type: "TextBody" }, footer()]),
    "MISSING_REQUIRED_PROPERTY@screens[0].layout.children[0]",
    flow([{ type: "TextBody", text: "x" }, footer()]),
  ],
  [
    "C3 boolean pattern",
    flow([{ type: "TextBody", text: "x", visible: "yes" }, footer()]),
    "PATTERN_MISMATCH@screens[0].layout.children[0].visible",
    flow([{ type: "TextBody", text: "x", visible: false }, footer()]),
  ],
  [
    "C3 enum",
    flow([{ type: "TextInput", name: "a", label: "L", "input-type": "date" }, footer()]),
    "INVALID_ENUM_VALUE@screens[0].layout.children[0].input-type",
    flow([{ type: "TextInput", name: "a", label: "L", "input-type": "email" }, footer()]),
  ],
  [
    "C4 non-blank ≥ 6.0",
    flow([{ type: "TextBody", text: " " }, footer()]),
    "PATTERN_MISMATCH@screens[0].layout.children[0].text",
    flow([{ type: "TextBody", text: " " }, footer()], { version: "5.1" }),
  ],
  [
    "C5 footer captions",
    flow(
      [footer("complete"), { type: "TextBody", text: "x" }].map((c, i) =>
        i === 0 ? { ...c, "left-caption": "l" } : c,
      ),
    ),
    "INVALID_DEPENDENCIES@screens[0].layout.children[0].left-caption",
    flow([{ ...footer(), "left-caption": "l", "right-caption": "r" }]),
  ],
  [
    "C6 min > max",
    flow([{ type: "TextInput", name: "a", label: "L", "min-chars": 5, "max-chars": 2 }, footer()]),
    "MIN_VALUE_GREATER_THAN_MAX@screens[0].layout.children[0].min-chars",
    flow([{ type: "TextInput", name: "a", label: "L", "min-chars": 1, "max-chars": 2 }, footer()]),
  ],
  [
    "C7 max-selected ≥ 2",
    flow([
      {
        type: "CheckboxGroup",
        name: "a",
        label: "L",
        "data-source": [{ id: "1", title: "t" }],
        "max-selected-items": 1,
      },
      footer(),
    ]),
    "MINIMUM_VALUE_REQUIRED@screens[0].layout.children[0].max-selected-items",
    flow([
      {
        type: "CheckboxGroup",
        name: "a",
        label: "L",
        "data-source": [{ id: "1", title: "t" }],
        "max-selected-items": 2,
      },
      footer(),
    ]),
  ],
  [
    "C16 Image base64",
    flow([{ type: "Image", src: "https://x/y.png" }, footer()]),
    "INVALID_PROPERTY_VALUE@screens[0].layout.children[0].src",
    flow([{ type: "Image", src: "iVBORw0KGgo=" }, footer()]),
  ],
  [
    "A1 action enum",
    flow([
      { type: "EmbeddedLink", text: "x", "on-click-action": { name: "complete", payload: {} } },
      footer(),
    ]),
    "INVALID_ENUM_VALUE@screens[0].layout.children[0].on-click-action.name",
    flow([
      { type: "EmbeddedLink", text: "x", "on-click-action": { name: "open_url", url: "https://x.y" } },
      footer(),
    ]),
  ],
  [
    "A2 next required",
    flow([footer("navigate")]),
    "MISSING_REQUIRED_PROPERTY@screens[0].layout.children[0].on-click-action",
    flow([footer()]),
  ],
  [
    "A3 unknown target",
    flow([
      {
        type: "EmbeddedLink",
        text: "x",
        "on-click-action": { name: "navigate", next: { type: "screen", name: "Z" }, payload: {} },
      },
      footer(),
    ]),
    "INVALID_NAVIGATE_ACTION_NEXT_SCREEN_NAME@screens[0].layout.children[0].on-click-action.next.name",
    flow([footer()]),
  ],
  [
    "A5 complete on terminal only",
    flow([footer()], {}, { terminal: undefined, success: undefined }),
    "INVALID_COMPLETE_ACTION@screens[0].layout.children[0].on-click-action.name",
    flow([footer()]),
  ],
  [
    "A6 payload form ref",
    flow([footer("complete", { payload: { a: "${form.zz}" } })]),
    "INVALID_ON_CLICK_ACTION_PAYLOAD@screens[0].layout.children[0].on-click-action.payload.a",
    flow([
      { type: "TextInput", name: "zz", label: "L" },
      footer("complete", { payload: { a: "${form.zz}" } }),
    ]),
  ],
  [
    "E3 expression type",
    flow([
      { type: "TextBody", text: "x", visible: "`${form.a} + 1`" },
      { type: "TextInput", name: "a", label: "L", "input-type": "number" },
      footer(),
    ]),
    "INVALID_PROPERTY_VALUE@screens[0].layout.children[0].visible",
    flow([
      { type: "TextBody", text: "x", visible: "`${form.a} > 1`" },
      { type: "TextInput", name: "a", label: "L", "input-type": "number" },
      footer(),
    ]),
  ],
  [
    "E4 condition literals",
    flow([{ type: "If", condition: "573 == 376", then: [{ type: "TextBody", text: "x" }] }, footer()]),
    "INVALID_PROPERTY_VALUE@screens[0].layout.children[0].condition",
    flow([
      { type: "If", condition: "${form.a} == 376", then: [{ type: "TextBody", text: "x" }] },
      { type: "TextInput", name: "a", label: "L", "input-type": "number" },
      footer(),
    ]),
  ],
  [
    "E5 interpolation",
    flow(
      [{ type: "TextBody", text: "Hi ${data.x}" }, footer()],
      {},
      { data: { x: { type: "string", __example__: "a" } } },
    ),
    "INVALID_TEXT_DYNAMIC_DATA@screens[0].layout.children[0].text",
    flow(
      [{ type: "TextBody", text: "`'Hi ' ${data.x}`" }, footer()],
      {},
      { data: { x: { type: "string", __example__: "a" } } },
    ),
  ],
];

describe("rule catalogue", () => {
  for (const [rule, bad, expected, good] of CASES)
    it(rule, () => {
      expect(errs(bad)).toContain(expected);
      expect(errs(good).filter((e) => !e.startsWith("UNSUPPORTED_FLOW_JSON_VERSION"))).toEqual([]);
    });
  it("S9: a navigate Footer on a 7.3 terminal screen is rejected, 7.2 accepts it", () => {
    const two = (version: string) =>
      JSON.stringify({
        version,
        screens: [
          {
            id: "A",
            title: "A",
            layout: {
              type: "SingleColumnLayout",
              children: [footer("navigate", { next: { type: "screen", name: "B" }, payload: undefined })],
            },
          },
          {
            id: "B",
            title: "B",
            terminal: true,
            layout: {
              type: "SingleColumnLayout",
              children: [footer("navigate", { next: { type: "screen", name: "A" } })],
            },
          },
        ],
      });
    expect(errs(two("7.3"))).toContain(
      "INVALID_PROPERTY_VALUE@screens[1].layout.children[0].on-click-action.name",
    );
    expect(errs(two("7.2")).filter((e) => e.includes("on-click-action.name"))).toEqual([]);
  });
  it("reports positions of the offending token", () => {
    const text = flow([{ type: "TextBody", text: "x", colour: "red" }, footer()]);
    const e = validateFlowJson(text).errors[0]!;
    const line = text.split("\n")[e.lineStart - 1]!;
    expect(line.slice(e.columnStart - 1, e.columnEnd - 1)).toBe('"colour"');
  });
});

describe("version gates", () => {
  const gate = (version: string, children: unknown[]) => errs(flow(children, { version }));
  it.each([
    [
      "ChipsSelector",
      "6.3",
      "6.2",
      [
        {
          type: "ChipsSelector",
          name: "c",
          label: "L",
          "data-source": [
            { id: "1", title: "a" },
            { id: "2", title: "b" },
          ],
        },
        footer(),
      ],
    ],
    ["CalendarPicker", "6.1", "6.0", [{ type: "CalendarPicker", name: "c", label: "L" }, footer()]],
    ["RichText", "5.1", "5.0", [{ type: "RichText", text: "# x" }]],
    [
      "ImageCarousel",
      "7.1",
      "7.0",
      [{ type: "ImageCarousel", images: [{ src: "AAAA", "alt-text": "a" }] }, footer()],
    ],
    [
      "TextInput pattern",
      "6.2",
      "6.1",
      [{ type: "TextInput", name: "a", label: "L", pattern: "^a$", "helper-text": "h" }, footer()],
    ],
    [
      "label-variant",
      "7.0",
      "6.3",
      [{ type: "TextInput", name: "a", label: "L", "label-variant": "large" }, footer()],
    ],
    [
      "open_url",
      "6.0",
      "5.1",
      [
        { type: "EmbeddedLink", text: "x", "on-click-action": { name: "open_url", url: "https://a.b" } },
        footer(),
      ],
    ],
  ])("%s from %s, not in %s", (_name, first, before, children) => {
    // Judge only the gated component: other findings (e.g. a RichText screen without Footer) are not the point here.
    const onComponent = (v: string) =>
      gate(v, children as unknown[]).filter((e) => e.includes("@screens[0].layout.children[0]"));
    expect(onComponent(first)).toEqual([]);
    expect(onComponent(before).length).toBeGreaterThan(0);
  });
});

describe("parser, schema and markers", () => {
  it("reports a trailing comma and a duplicate key with positions", () => {
    const trailing = validateFlowJson('{\n  "version": "7.3",\n}');
    expect(trailing.errors[0]).toMatchObject({ error: "INVALID_FLOW_JSON", lineStart: 2, columnStart: 19 });
    expect(trailing.errors[0]!.message).toContain("trailing comma");
    const dup = validateFlowJson('{"version": "7.3", "version": "7.3", "screens": []}');
    expect(dup.errors[0]).toMatchObject({ error: "INVALID_FLOW_JSON", columnStart: 20 });
    expect(dup.errors[0]!.message).toContain("duplicate key");
    expect(validateFlowJson('{"a": "unterminated').errors[0]!.message).toContain("unterminated string");
  });
  it("never throws on odd input", () => {
    for (const t of [
      "",
      "null",
      "[]",
      "1",
      '{"version": 7.3}',
      '{"version":"7.3","screens":[null,{"layout":5}]}',
    ])
      expect(() => validateFlowJson(t)).not.toThrow();
  });
  it("treats names every object inherits as unknown types and keys", () => {
    expect(errs(flow([{ type: "constructor" }, footer()]))).toEqual([
      "INVALID_PROPERTY_VALUE@screens[0].layout.children[0].type",
    ]);
    expect(errs(flow([{ type: "TextBody", text: "x", toString: "y" }, footer()]))).toEqual([
      "INVALID_PROPERTY_KEY@screens[0].layout.children[0].toString",
    ]);
    const item = { id: "a", title: "A", constructor: "x" };
    expect(
      errs(flow([{ type: "RadioButtonsGroup", name: "r", label: "R", "data-source": [item] }, footer()])),
    ).toEqual(["INVALID_PROPERTY_KEY@screens[0].layout.children[0].data-source[0].constructor"]);
  });
  it("C10 finds repeated and empty ids in short and long lists alike", () => {
    const dropdown = (ids: string[]) =>
      flow([
        {
          type: "Dropdown",
          name: "d",
          label: "D",
          "data-source": ids.map((id) => ({ id, title: id || "x" })),
        },
        footer(),
      ]);
    const repeated = (text: string) =>
      validateFlowJson(text)
        .warnings.filter((w) => w.error === "PORTAL_DUPLICATE_ITEM_ID")
        .map((w) => w.pointers[0]?.path.replace("screens[0].layout.children[0].", ""));
    const many = Array.from({ length: 30 }, (_, n) => `id${n}`);
    expect(repeated(dropdown(["a", "b", "c", "d", "e", "a", ""]))).toEqual([
      "data-source[5].id",
      "data-source[6].id",
    ]);
    expect(repeated(dropdown([...many, "id3", "id29", ""]))).toEqual([
      "data-source[30].id",
      "data-source[31].id",
      "data-source[32].id",
    ]);
    expect(repeated(dropdown(many))).toEqual([]);
  });
  it("parseFlowJson gives a position tree", () => {
    const p = parseFlowJson('{"a": [1, 2]}');
    expect(p.value).toEqual({ a: [1, 2] });
    expect(p.tree?.children?.[0]?.children?.[1]?.offset).toBe(6);
  });
  it("schema lists only components of the version", () => {
    const s = JSON.stringify(getFlowJsonSchema("6.0"));
    expect(s).toContain("TextInput");
    expect(s).not.toContain("ChipsSelector");
    expect(JSON.stringify(getFlowJsonSchema("7.3"))).toContain("ChipsSelector");
  });
  it("maps problems to Monaco markers", () => {
    const r = validateFlowJson(flow([{ type: "TextBody", text: "x", colour: "red" }, footer()]));
    const [m] = toEditorMarkers(r);
    expect(m).toMatchObject({ severity: 8, code: "INVALID_PROPERTY_KEY", source: "flowport" });
    expect(m!.startLineNumber).toBe(r.errors[0]!.lineStart);
  });
});
