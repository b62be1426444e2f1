import { describe, expect, it } from "vitest";
import {
  createPreviewSession,
  previewReducer,
  resolveScreen,
  type PreviewEvent,
  type PreviewState,
} from "./index";

type Obj = Record<string, unknown>;

function flow(screens: Obj[], extra: Obj = {}): Obj {
  return { version: "7.3", ...extra, screens };
}

function screen(id: string, children: unknown[], extra: Obj = {}): Obj {
  return { id, title: id.toLowerCase(), ...extra, layout: { type: "SingleColumnLayout", children } };
}

const footer = (action: Obj, extra: Obj = {}) => ({
  type: "Footer",
  label: "Continue",
  "on-click-action": action,
  ...extra,
});
const complete = (payload: Obj = {}) => ({ name: "complete", payload });

function run(state: PreviewState, ...events: PreviewEvent[]): PreviewState {
  return events.reduce(previewReducer, state);
}

describe("session", () => {
  it("opens on the entry screen with its __example__ data", () => {
    const state = createPreviewSession(
      flow([
        screen("SECOND", [footer(complete())], {
          terminal: true,
          data: { x: { type: "string", __example__: "b" } },
        }),
        screen(
          "FIRST",
          [
            { type: "TextHeading", text: "${data.greeting}" },
            footer({ name: "navigate", next: { type: "screen", name: "SECOND" }, payload: { x: "a" } }),
          ],
          {
            data: { greeting: { type: "string", __example__: "Hi" } },
          },
        ),
      ]),
    );
    expect(state.stack).toEqual(["FIRST"]);
    const resolved = resolveScreen(state);
    expect(resolved?.nodes[0]).toMatchObject({ type: "TextHeading", props: { text: "Hi" } });
  });

  it("accepts Flow JSON text and reports unparseable text in the log", () => {
    const state = createPreviewSession("{ nope");
    expect(state.status).toBe("no-screens");
    expect(state.log.map((entry) => entry.kind)).toContain("error");
  });

  it("starts at a chosen screen with given data", () => {
    const doc = flow([
      screen("A", [footer(complete())]),
      screen("B", [{ type: "TextBody", text: "${data.n}" }, footer(complete())], {
        data: { n: { type: "string", __example__: "ex" } },
      }),
    ]);
    const state = run(createPreviewSession(doc), {
      type: "start-at-screen",
      screenId: "B",
      data: { n: "given" },
    });
    expect(state.stack).toEqual(["B"]);
    expect(resolveScreen(state)?.nodes[0]).toMatchObject({ props: { text: "given" } });
  });

  it("prefills from init-value and Form init-values, and shows error-message(s) on render", () => {
    const doc = flow([
      screen("A", [
        {
          type: "Form",
          name: "f",
          "init-values": { a: "from form" },
          "error-messages": { a: "Server says no" },
          children: [{ type: "TextInput", name: "a", label: "A" }, footer(complete())],
        },
      ]),
      screen(
        "B",
        [
          { type: "TextInput", name: "b", label: "B", "init-value": "${data.v}", "error-message": "Bad" },
          footer(complete()),
        ],
        {
          data: { v: { type: "string", __example__: "bound" } },
        },
      ),
    ]);
    const a = createPreviewSession(doc);
    expect(a.screens.A?.form.a).toBe("from form");
    expect(resolveScreen(a)?.visibleErrors.a).toBe("Server says no");
    const b = createPreviewSession(doc, { startScreen: "B" });
    expect(b.screens.B?.form.b).toBe("bound");
    expect(resolveScreen(b)?.visibleErrors.b).toBe("Bad");
    // Changing the field clears the server error.
    expect(
      resolveScreen(run(b, { type: "field-changed", name: "b", value: "x" }))?.visibleErrors.b,
    ).toBeUndefined();
  });
});

describe("footer and validation", () => {
  const doc = flow([
    screen(
      "A",
      [
        { type: "TextInput", name: "email", label: "Email", "input-type": "email", required: true },
        { type: "TextInput", name: "nick", label: "Nick" },
        footer(complete({ email: "${form.email}", nick: "${form.nick}" })),
      ],
      { terminal: true },
    ),
  ]);

  it("keeps the footer disabled until required fields are valid", () => {
    let state = createPreviewSession(doc);
    expect(resolveScreen(state)?.footerEnabled).toBe(false);
    state = run(state, { type: "field-changed", name: "email", value: "abc" });
    expect(resolveScreen(state)?.footerEnabled).toBe(false);
    state = run(state, { type: "field-changed", name: "email", value: "a@b.co" });
    expect(resolveScreen(state)?.footerEnabled).toBe(true);
  });

  it("shows an input-type error after blur (AT-PREV-2)", () => {
    let state = run(createPreviewSession(doc), { type: "field-changed", name: "email", value: "abc" });
    expect(resolveScreen(state)?.visibleErrors.email).toBeUndefined();
    state = run(state, { type: "field-blurred", name: "email" });
    expect(resolveScreen(state)?.visibleErrors.email).toBe("Enter a valid email address");
    expect(state.log.at(-1)).toMatchObject({ kind: "validation" });
  });

  it("logs a validation failure and shows every error when pressed while invalid", () => {
    const state = run(createPreviewSession(doc), { type: "footer-pressed" });
    expect(state.status).toBe("running");
    expect(state.log.at(-1)?.kind).toBe("validation");
    expect(resolveScreen(state)?.visibleErrors.email).toBe("This field is required");
  });

  it("completes with the evaluated payload plus flow_token", () => {
    const state = run(
      createPreviewSession(doc, { flowToken: "tok" }),
      { type: "field-changed", name: "email", value: "a@b.co" },
      { type: "footer-pressed" },
    );
    expect(state.status).toBe("completed");
    expect(state.completion?.responseJson).toEqual({ email: "a@b.co", nick: undefined, flow_token: "tok" });
  });

  it("does not enforce hidden or disabled required fields", () => {
    const hidden = flow([
      screen(
        "A",
        [
          { type: "TextInput", name: "a", label: "A", required: true, visible: false },
          { type: "TextInput", name: "b", label: "B", required: true, enabled: false },
          footer(complete()),
        ],
        { terminal: true },
      ),
    ]);
    expect(resolveScreen(createPreviewSession(hidden))?.footerEnabled).toBe(true);
  });

  it("honours Footer enabled:false", () => {
    const disabled = flow([screen("A", [footer(complete(), { enabled: false })], { terminal: true })]);
    const state = createPreviewSession(disabled);
    expect(resolveScreen(state)?.footerEnabled).toBe(false);
    expect(run(state, { type: "footer-pressed" }).status).toBe("running");
  });
});

describe("navigation", () => {
  const doc = flow([
    screen("A", [
      { type: "TextInput", name: "name", label: "Name" },
      footer({ name: "navigate", next: { type: "screen", name: "B" }, payload: { who: "${form.name}" } }),
    ]),
    screen(
      "B",
      [
        { type: "TextBody", text: "${data.who}" },
        { type: "TextBody", text: "${screen.A.form.name}" },
        footer(complete()),
      ],
      {
        terminal: true,
        data: { who: { type: "string", __example__: "x" } },
      },
    ),
  ]);

  it("navigates with the evaluated payload as the target's data; global references see earlier screens", () => {
    const state = run(
      createPreviewSession(doc),
      { type: "field-changed", name: "name", value: "Ana" },
      { type: "footer-pressed" },
    );
    expect(state.stack).toEqual(["A", "B"]);
    expect(state.screens.B?.data).toEqual({ who: "Ana" });
    const nodes = resolveScreen(state)?.nodes;
    expect(nodes?.map((node) => (node.kind === "component" ? node.props.text : null))).toEqual([
      "Ana",
      "Ana",
    ]);
    expect(resolveScreen(state)?.canGoBack).toBe(true);
  });

  it("back restores the previous screen's form; back on the first screen closes", () => {
    let state = run(
      createPreviewSession(doc),
      { type: "field-changed", name: "name", value: "Ana" },
      { type: "footer-pressed" },
      { type: "back" },
    );
    expect(state.stack).toEqual(["A"]);
    expect(state.screens.A?.form.name).toBe("Ana");
    state = run(state, { type: "back" });
    expect(state.status).toBe("closed");
  });

  it("logs navigation to a missing screen instead of crashing", () => {
    const broken = flow([
      screen("A", [footer({ name: "navigate", next: { type: "screen", name: "NOPE" } })]),
    ]);
    const state = run(createPreviewSession(broken), { type: "footer-pressed" });
    expect(state.stack).toEqual(["A"]);
    expect(state.log.at(-1)).toMatchObject({ kind: "error" });
  });

  it("close ends the session", () => {
    expect(run(createPreviewSession(doc), { type: "close" }).status).toBe("closed");
  });

  it("reset starts over", () => {
    const state = run(
      createPreviewSession(doc),
      { type: "field-changed", name: "name", value: "Ana" },
      { type: "footer-pressed" },
      { type: "reset" },
    );
    expect(state.stack).toEqual(["A"]);
    expect(state.screens.A?.form).toEqual({});
  });
});

describe("data_exchange", () => {
  const doc = flow(
    [
      screen("A", [
        { type: "TextInput", name: "q", label: "Q" },
        footer({ name: "data_exchange", payload: { q: "${form.q}" } }),
      ]),
      screen(
        "B",
        [
          { type: "TextBody", text: "${data.answer}" },
          footer({ name: "data_exchange", payload: { done: true } }),
        ],
        {
          terminal: true,
          refresh_on_back: false,
          data: { answer: { type: "string", __example__: "42" } },
        },
      ),
    ],
    { data_api_version: "3.0", routing_model: { A: ["B"] } },
  );

  it("builds the §12.3 request and suggests the routing target with its examples", () => {
    const state = run(
      createPreviewSession(doc, { flowToken: "T" }),
      { type: "field-changed", name: "q", value: "why" },
      { type: "footer-pressed" },
    );
    expect(state.status).toBe("awaiting-endpoint");
    expect(state.pending?.request).toEqual({
      version: "3.0",
      action: "data_exchange",
      screen: "A",
      data: { q: "why" },
      flow_token: "T",
    });
    expect(state.pending?.suggestedResponse).toEqual({ screen: "B", data: { answer: "42" } });
  });

  it("applies the endpoint's answer, shows error_message as a snackbar, and completes on SUCCESS", () => {
    let state = run(createPreviewSession(doc, { flowToken: "T" }), { type: "footer-pressed" });
    state = run(state, {
      type: "endpoint-responded",
      response: { screen: "B", data: { answer: "yes", error_message: "Heads up" } },
    });
    expect(state.stack).toEqual(["A", "B"]);
    expect(state.snackbar).toBe("Heads up");
    state = run(state, { type: "footer-pressed" });
    expect(state.pending?.suggestedResponse.screen).toBe("SUCCESS");
    state = run(state, {
      type: "endpoint-responded",
      response: JSON.stringify({
        screen: "SUCCESS",
        data: { extension_message_response: { params: { flow_token: "T", ok: 1 } } },
      }),
    });
    expect(state.status).toBe("completed");
    expect(state.completion).toMatchObject({ via: "endpoint", responseJson: { flow_token: "T", ok: 1 } });
  });

  it("rejects malformed answers and transitions the routing model forbids, keeping the request open", () => {
    let state = run(createPreviewSession(doc), { type: "footer-pressed" });
    state = run(state, { type: "endpoint-responded", response: { data: {} } });
    expect(state.status).toBe("awaiting-endpoint");
    expect(state.log.at(-1)?.kind).toBe("endpoint-error");
    const looping = flow(
      [
        screen("A", [footer({ name: "data_exchange", payload: {} })]),
        screen("B", [footer(complete())], { terminal: true }),
        screen("C", [footer(complete())], { terminal: true }),
      ],
      {
        data_api_version: "3.0",
        routing_model: { A: ["B"] },
      },
    );
    state = run(
      createPreviewSession(looping),
      { type: "footer-pressed" },
      { type: "endpoint-responded", response: { screen: "C", data: {} } },
    );
    expect(state.status).toBe("awaiting-endpoint");
    expect(state.log.at(-1)?.message).toContain("invalid-screen-transition");
  });

  it("427 disables the CTA and shows the endpoint's message", () => {
    const state = run(
      createPreviewSession(doc),
      { type: "footer-pressed" },
      { type: "endpoint-failed", status: 427, message: "Order already placed" },
    );
    expect(state.ctaBlocked).toBe(true);
    expect(state.snackbar).toBe("Order already placed");
    expect(resolveScreen(state)?.footerEnabled).toBe(false);
  });

  it("refresh_on_back sends a BACK request for the screen returned to", () => {
    const refresh = flow(
      [
        screen("A", [footer({ name: "navigate", next: { type: "screen", name: "B" }, payload: {} })], {
          refresh_on_back: true,
        }),
        screen("B", [footer(complete())], { terminal: true }),
      ],
      { data_api_version: "3.0", routing_model: { A: ["B"] } },
    );
    let state = run(
      createPreviewSession(refresh, { flowToken: "T" }),
      { type: "footer-pressed" },
      { type: "back" },
    );
    expect(state.pending?.request).toEqual({
      version: "3.0",
      action: "BACK",
      screen: "A",
      data: {},
      flow_token: "T",
    });
    state = run(state, { type: "endpoint-responded", response: { screen: "A", data: { fresh: true } } });
    expect(state.screens.A?.data).toMatchObject({ fresh: true });
    expect(state.status).toBe("running");
  });

  it("on-select data_exchange answers with the same screen by default", () => {
    const select = flow(
      [
        screen(
          "A",
          [
            {
              type: "Dropdown",
              name: "d",
              label: "D",
              "data-source": [{ id: "x", title: "X" }],
              "on-select-action": { name: "data_exchange", payload: { d: "${form.d}" } },
            },
            footer(complete()),
          ],
          { terminal: true, data: { extra: { type: "string", __example__: "e" } } },
        ),
      ],
      { data_api_version: "3.0", routing_model: {} },
    );
    // 6.0+: the component-level on-select-action already ran once when the screen was shown.
    const shown = createPreviewSession(select);
    expect(shown.pending?.request).toMatchObject({ action: "data_exchange", screen: "A", data: {} });
    const answered = run(shown, { type: "endpoint-responded", response: shown.pending?.suggestedResponse });
    const state = run(answered, { type: "field-changed", name: "d", value: "x" });
    expect(state.pending?.request.data).toEqual({ d: "x" });
    expect(state.pending?.suggestedResponse).toEqual({ screen: "A", data: { extra: "e" } });
  });
});

describe("update_data, open_url and selection actions", () => {
  const doc = flow(
    [
      screen(
        "A",
        [
          {
            type: "RadioButtonsGroup",
            name: "country",
            label: "Country",
            "data-source": [
              {
                id: "fr",
                title: "France",
                "on-select-action": {
                  name: "update_data",
                  payload: { show: true, cities: [{ id: "paris", title: "Paris" }] },
                },
              },
              {
                id: "es",
                title: "Spain",
                "on-unselect-action": { name: "update_data", payload: { show: false } },
              },
            ],
          },
          {
            type: "Dropdown",
            name: "city",
            label: "City",
            visible: "${data.show}",
            required: true,
            "data-source": "${data.cities}",
          },
          {
            type: "OptIn",
            name: "terms",
            label: "Terms",
            "on-select-action": { name: "update_data", payload: { agreed: "yes" } },
            "on-click-action": { name: "open_url", url: "https://example.com/terms" },
          },
          footer(complete()),
        ],
        {
          terminal: true,
          data: {
            show: { type: "boolean", __example__: false },
            cities: { type: "array", items: { type: "object" }, __example__: [] },
            agreed: { type: "string", __example__: "no" },
          },
        },
      ),
    ],
    { version: "6.0" },
  );

  it("runs item on-select update_data and re-renders what depends on the data", () => {
    let state = createPreviewSession(doc);
    expect(resolveScreen(state)?.fields.city).toBeUndefined();
    state = run(state, { type: "field-changed", name: "country", value: "fr" });
    expect(state.screens.A?.data.show).toBe(true);
    const screen = resolveScreen(state);
    expect(screen?.fields.city?.props["data-source"]).toEqual([{ id: "paris", title: "Paris" }]);
    expect(screen?.footerEnabled).toBe(false);
  });

  it("runs item on-unselect when the selection moves away", () => {
    const state = run(
      createPreviewSession(doc),
      { type: "field-changed", name: "country", value: "es" },
      { type: "field-changed", name: "country", value: "fr" },
    );
    // One more from the OptIn's on-select-action, which runs when the screen is shown (6.0+).
    expect(state.log.filter((entry) => entry.kind === "data").length).toBe(3);
  });

  it("OptIn on-select runs on tick; its Read more opens a URL", () => {
    let state = run(createPreviewSession(doc), { type: "field-changed", name: "terms", value: true });
    expect(state.screens.A?.data.agreed).toBe("yes");
    state = run(state, {
      type: "action-triggered",
      action: { name: "open_url", url: "https://example.com/terms" },
      source: "x",
    });
    expect(state.openedUrl).toBe("https://example.com/terms");
    expect(run(state, { type: "dismiss-url" }).openedUrl).toBeNull();
  });

  it("without on-unselect-action, on-select-action also handles deselection", () => {
    const cb = flow(
      [
        screen(
          "A",
          [
            {
              type: "CheckboxGroup",
              name: "c",
              label: "C",
              "data-source": [{ id: "a", title: "A" }],
              "on-select-action": { name: "update_data", payload: { n: "${form.c}" } },
            },
            footer(complete()),
          ],
          { terminal: true, data: { n: { type: "array", items: { type: "string" }, __example__: [] } } },
        ),
      ],
      { version: "6.0" },
    );
    const state = run(
      createPreviewSession(cb),
      { type: "field-changed", name: "c", value: ["a"] },
      { type: "field-changed", name: "c", value: [] },
    );
    expect(state.screens.A?.data.n).toEqual([]);
  });
});

describe("expressions in rendering", () => {
  it("evaluates If, Switch and backtick expressions (6.0+) and shows backticks literally before 6.0", () => {
    const children = [
      { type: "TextInput", name: "age", label: "Age", "input-type": "number" },
      {
        type: "If",
        condition: "${form.age} >= 18",
        then: [{ type: "TextBody", text: "adult" }],
        else: [{ type: "TextBody", text: "minor" }],
      },
      {
        type: "Switch",
        value: "${form.age}",
        cases: { "1": [{ type: "TextBody", text: "one" }], default: [{ type: "TextBody", text: "other" }] },
      },
      { type: "TextBody", text: "`'Age: ' ${form.age}`" },
      footer(complete()),
    ];
    const texts = (state: PreviewState) =>
      resolveScreen(state)?.nodes.flatMap((node) =>
        node.kind === "component" && node.type === "TextBody" ? [node.props.text] : [],
      );
    const v6 = run(
      createPreviewSession(flow([screen("A", children, { terminal: true })], { version: "6.0" })),
      { type: "field-changed", name: "age", value: "20" },
    );
    expect(texts(v6)).toEqual(["adult", "other", "Age: 20"]);
    const v5 = run(
      createPreviewSession(flow([screen("A", children, { terminal: true })], { version: "5.1" })),
      { type: "field-changed", name: "age", value: "1" },
    );
    expect(texts(v5)).toEqual(["minor", "one", "`'Age: ' ${form.age}`"]);
  });

  it("draws unknown and broken components as error boxes naming their path", () => {
    const state = createPreviewSession(
      flow([
        screen(
          "A",
          [
            { type: "Blink" },
            "nope",
            { type: "CheckboxGroup", name: "c", "data-source": "${data.none}" },
            footer(complete()),
          ],
          { terminal: true },
        ),
      ]),
    );
    const errors = resolveScreen(state)
      ?.nodes.filter((node) => node.kind === "error")
      .map((node) => node.path);
    expect(errors).toEqual([
      "screens[0].layout.children[0].type",
      "screens[0].layout.children[1]",
      "screens[0].layout.children[2].data-source",
    ]);
  });
});

describe("files and live edits", () => {
  it("accepts picked files within limits and rejects the rest", () => {
    const doc = flow([
      screen(
        "A",
        [
          {
            type: "DocumentPicker",
            name: "docs",
            label: "Docs",
            "min-uploaded-documents": 1,
            "max-uploaded-documents": 1,
            "max-file-size-kb": 1,
            "allowed-mime-types": ["application/pdf"],
          },
          footer(complete({ docs: "${form.docs}" })),
        ],
        { terminal: true },
      ),
    ]);
    let state = createPreviewSession(doc);
    expect(resolveScreen(state)?.footerEnabled).toBe(false);
    state = run(state, {
      type: "files-picked",
      name: "docs",
      files: [
        { fileName: "big.pdf", mimeType: "application/pdf", sizeBytes: 5000 },
        { fileName: "a.png", mimeType: "image/png", sizeBytes: 10 },
        { fileName: "ok.pdf", mimeType: "application/pdf", sizeBytes: 10 },
        { fileName: "more.pdf", mimeType: "application/pdf", sizeBytes: 10 },
      ],
    });
    expect(state.screens.A?.form.docs).toEqual([
      { file_name: "ok.pdf", mime_type: "application/pdf", sha256: "preview-sha256-docs-1", id: "docs-1" },
    ]);
    expect(state.log.filter((entry) => entry.kind === "validation")).toHaveLength(3);
    state = run(state, { type: "footer-pressed" });
    expect(state.completion?.responseJson.docs).toEqual([
      { file_name: "ok.pdf", mime_type: "application/pdf", sha256: "preview-sha256-docs-1", id: "docs-1" },
    ]);
  });

  it("keeps the current screen and form when the Flow text changes", () => {
    const make = (heading: string) =>
      flow([
        screen("A", [footer({ name: "navigate", next: { type: "screen", name: "B" }, payload: {} })]),
        screen(
          "B",
          [
            { type: "TextHeading", text: heading },
            { type: "TextInput", name: "t", label: "T" },
            footer(complete()),
          ],
          { terminal: true },
        ),
      ]);
    let state = run(
      createPreviewSession(make("one")),
      { type: "footer-pressed" },
      { type: "field-changed", name: "t", value: "typed" },
    );
    state = run(state, { type: "flow-changed", flow: JSON.stringify(make("two")) });
    expect(state.stack).toEqual(["A", "B"]);
    expect(state.screens.B?.form.t).toBe("typed");
    expect(resolveScreen(state)?.nodes[0]).toMatchObject({ props: { text: "two" } });
    state = run(state, {
      type: "flow-changed",
      flow: flow([screen("A", [footer(complete())], { terminal: true })]),
    });
    expect(state.stack).toEqual(["A"]);
    expect(run(state, { type: "flow-changed", flow: "{ broken" })).toBe(state);
  });
});

describe("render-time on-select-action (Flow JSON 6.0+, §9.4)", () => {
  const doc = (version: string) =>
    flow(
      [
        screen("A", [footer({ name: "navigate", next: { type: "screen", name: "B" }, payload: {} })]),
        screen(
          "B",
          [
            {
              type: "RadioButtonsGroup",
              name: "r",
              label: "R",
              "data-source": [{ id: "x", title: "X" }],
              "on-select-action": { name: "update_data", payload: { shown: "`${data.shown} + 1`" } },
            },
            footer(complete()),
          ],
          { terminal: true, data: { shown: { type: "number", __example__: 0 } } },
        ),
      ],
      { version },
    );

  it("runs a component-level on-select-action when the screen is shown, and again after back navigation", () => {
    let state = run(createPreviewSession(doc("6.0")), { type: "footer-pressed" });
    expect(state.stack).toEqual(["A", "B"]);
    expect(
      state.log.some(
        (entry) =>
          entry.kind === "action" && /on-select-action runs because the screen is shown/.test(entry.message),
      ),
    ).toBe(true);
    const afterFirst = state.log.filter((entry) => entry.kind === "data").length;
    expect(afterFirst).toBe(1);
    state = run(state, { type: "back" }, { type: "footer-pressed" });
    expect(state.log.filter((entry) => entry.kind === "data").length).toBe(2);
  });

  it("does not run it before 6.0", () => {
    const state = run(createPreviewSession(doc("5.1")), { type: "footer-pressed" });
    expect(state.log.filter((entry) => entry.kind === "data")).toEqual([]);
  });
});

describe("picker values in a navigate payload (§8.18)", () => {
  it("leaves them out and says why, pointing at the global reference", () => {
    const doc = flow([
      screen("A", [
        { type: "PhotoPicker", name: "photo", label: "Photo" },
        { type: "TextInput", name: "note", label: "Note" },
        footer({
          name: "navigate",
          next: { type: "screen", name: "B" },
          payload: { photo: "${form.photo}", note: "${form.note}" },
        }),
      ]),
      screen("B", [footer(complete())], {
        terminal: true,
        data: {
          photo: { type: "array", items: { type: "object" }, __example__: [] },
          note: { type: "string", __example__: "" },
        },
      }),
    ]);
    let state = run(createPreviewSession(doc), {
      type: "files-picked",
      name: "photo",
      files: [{ fileName: "a.jpg", mimeType: "image/jpeg", sizeBytes: 10 }],
    });
    state = run(state, { type: "field-changed", name: "note", value: "hi" }, { type: "footer-pressed" });
    expect(state.stack).toEqual(["A", "B"]);
    expect(state.screens.B?.data).toEqual({ note: "hi" });
    const error = state.log.find((entry) => entry.kind === "error");
    expect(error?.message).toContain("not allowed in a navigate payload ('photo' is left out)");
    expect(error?.message).toContain("${screen.A.form.<name>}");
  });
});
