import { describe, expect, it } from "vitest";
import { validateFlowJson, RULE_IDS } from "../index";

// Rule catalogue (spec §11.4): for EVERY rule a failing document with the expected code, path and position,
// and a passing neighbour. Positions are derived from the document text: `at` is a snippet of the bad text
// in which "|" marks where the finding must start (first occurrence, or the n-th with [snippet, n]).

type J = Record<string, unknown>;
const footer = (name = "complete", extra: J = {}): J => ({
  type: "Footer",
  label: "Go",
  "on-click-action": { name, payload: {}, ...extra },
});
const nav = (to: string, payload: J = {}): J =>
  footer("navigate", { next: { type: "screen", name: to }, payload });
const text = (t = "x"): J => ({ type: "TextBody", text: t });
const input = (name = "a", extra: J = {}): J => ({
  type: "TextInput",
  name,
  label: "L",
  "input-type": "text",
  ...extra,
});
const screen = (id: string, children: unknown[], extra: J = {}): J => ({
  id,
  title: id,
  layout: { type: "SingleColumnLayout", children },
  ...extra,
});
const end = (id: string, children: unknown[] = [footer()], extra: J = {}): J =>
  screen(id, children, { terminal: true, success: true, ...extra });
const doc = (screens: J[], over: J = {}): string =>
  JSON.stringify({ version: "7.3", screens, ...over }, null, 2);
/** One terminal screen A. */
const one = (children: unknown[], over: J = {}, extra: J = {}): string =>
  doc([end("A", children, extra)], over);
const items = (n: number, extra: J = {}) =>
  Array.from({ length: n }, (_, i) => ({ id: `i${i}`, title: `Item ${i}`, ...extra }));
const endpoint = { data_api_version: "3.0" };

type Case = {
  rule: string;
  bad: string;
  code: string;
  path: string;
  at: string | [string, number];
  good: string;
  warning?: boolean;
};
const C = (
  rule: string,
  bad: string,
  code: string,
  path: string,
  at: Case["at"],
  good: string,
  warning = false,
): Case => ({ rule, bad, code, path, at, good, warning });

const bigText = () => one([text("x".repeat(10 * 1024 * 1024 + 10)), footer()]);
const data = (fields: J) => ({ data: fields });
const str = { type: "string", __example__: "a" };

const CASES: Case[] = [
  C("T1", '{\n  "version": "7.3",\n}', "INVALID_FLOW_JSON", "", '"7.3"|,', one([footer()])),
  C("T2", "", "INVALID_FLOW_JSON", "", "|{", one([footer()])), // bad text built lazily (10 MB)
  C("T3", JSON.stringify({ screens: [] }), "MISSING_FLOW_JSON_VERSION", "", "|{", one([footer()])),
  C("T4", one([footer()], { name: "x" }), "INVALID_PROPERTY_KEY", "name", '|"name": "x"', one([footer()])),
  C(
    "T5",
    JSON.stringify({ version: "7.3", screens: [] }),
    "MIN_ITEMS_REQUIRED",
    "screens",
    '"screens":|[]',
    one([footer()]),
  ),
  C(
    "T6",
    one([footer("data_exchange")]),
    "MISSING_REQUIRED_PROPERTY",
    "",
    "|{",
    one([footer("data_exchange")], { ...endpoint, routing_model: { A: [] } }),
  ),
  C(
    "T7",
    one([footer()], endpoint),
    "MISSING_REQUIRED_PROPERTY",
    "data_api_version",
    '|"data_api_version"',
    one([footer()], { ...endpoint, routing_model: { A: [] } }),
  ),
  C(
    "R1",
    one([footer()], { routing_model: { A: ["Z"] } }),
    "INVALID_ROUTING_MODEL",
    "routing_model.A[0]",
    '|"Z"',
    one([footer()], { routing_model: { A: [] } }),
  ),
  C(
    "R2",
    doc([screen("A", [nav("B")]), end("B")], { routing_model: { B: [] } }),
    "INVALID_ROUTING_MODEL",
    "routing_model",
    '"routing_model": |{',
    doc([screen("A", [nav("B")]), end("B")], { routing_model: { A: ["B"] } }),
  ),
  C(
    "R3",
    one([footer()], { routing_model: { A: ["A"] } }),
    "INVALID_ROUTING_MODEL",
    "routing_model.A[0]",
    '"A": [\n      |"A"',
    one([footer()], { routing_model: { A: [] } }),
  ),
  C(
    "R4",
    doc([screen("A", [nav("B")]), ..."BCDEFGHIJKL".split("").map((id) => end(id))], {
      routing_model: { A: "BCDEFGHIJKL".split("") },
    }),
    "INVALID_ROUTING_MODEL",
    "routing_model",
    '"routing_model": |{',
    doc([screen("A", [nav("B")]), ..."BCDEFGHIJK".split("").map((id) => end(id))], {
      routing_model: { A: "BCDEFGHIJK".split("") },
    }),
  ),
  C(
    "R5",
    doc([screen("A", [nav("B")]), screen("B", [nav("C")]), end("C")], {
      routing_model: { A: ["B"], B: ["C"], C: ["A"] },
    }),
    "INVALID_ROUTING_MODEL",
    "routing_model",
    '"routing_model": |{',
    doc([screen("A", [nav("B")]), screen("B", [nav("C")]), end("C")], {
      routing_model: { A: ["B"], B: ["C"] },
    }),
  ),
  C(
    "R6",
    doc([screen("A", [nav("B")]), end("B"), end("C")]),
    "INVALID_ROUTING_MODEL",
    "screens",
    '"screens": |[',
    doc([screen("A", [nav("B")]), end("B")]),
  ),
  C(
    "R7",
    doc([screen("A", [nav("B")]), end("B")], { routing_model: { A: [], B: [] } }),
    "INVALID_ROUTING_MODEL",
    "screens[0].layout.children[0].on-click-action.next.name",
    '"name": |"B"',
    doc([screen("A", [nav("B")]), end("B")], { routing_model: { A: ["B"] } }),
  ),
  C(
    "R8",
    doc([
      screen("A", [
        nav("B"),
        {
          type: "EmbeddedLink",
          text: "more",
          "on-click-action": { name: "navigate", next: { type: "screen", name: "C" }, payload: {} },
        },
      ]),
      end("B"),
      screen("C", [text()]),
    ]),
    "PORTAL_NO_PATH_TO_TERMINAL",
    "screens[2].id",
    '"id": |"C"',
    doc([screen("A", [nav("B")]), end("B")]),
    true,
  ),
  C(
    "S1",
    one([footer()], {}, { colour: "red" }),
    "INVALID_PROPERTY_KEY",
    "screens[0].colour",
    '|"colour"',
    one([footer()]),
  ),
  C(
    "S2",
    one([footer()], {}, { id: "A1" }),
    "PATTERN_MISMATCH",
    "screens[0].id",
    '|"A1"',
    one([footer()], {}, { id: "A_B" }),
  ),
  C(
    "S3",
    doc([end("A"), end("A")]),
    "DUPLICATE_SCREEN_IDS",
    "screens[1].id",
    ['"id": |"A"', 2],
    doc([screen("A", [nav("B")]), end("B")]),
  ),
  C(
    "S4",
    one([footer()], {}, { id: "Success" }),
    "SCREEN_ID_IS_RESERVED_KEYWORD",
    "screens[0].id",
    '|"Success"',
    one([footer()], {}, { id: "DONE" }),
  ),
  C(
    "S5",
    one([footer()], {}, { title: " " }),
    "PATTERN_MISMATCH",
    "screens[0].title",
    '"title": |" "',
    one([footer()]),
  ),
  C(
    "S6",
    one([footer()], {}, { layout: { type: "Grid", children: [footer()] } }),
    "INVALID_PROPERTY_VALUE",
    "screens[0].layout.type",
    '|"Grid"',
    one([footer()]),
  ),
  C(
    "S7",
    doc([screen("A", [footer("data_exchange")])], { ...endpoint, routing_model: { A: [] } }),
    "MISSING_TERMINAL_SCREEN",
    "screens",
    '"screens": |[',
    one([footer("data_exchange")], { ...endpoint, routing_model: { A: [] } }),
  ),
  C(
    "S8",
    one([text()]),
    "MISSING_FOOTER_ON_TERMINAL_SCREEN",
    "screens[0].terminal",
    '"terminal": |true',
    one([footer()]),
  ),
  C(
    "S9",
    doc([screen("A", [nav("B")]), end("B", [nav("A")])]),
    "INVALID_PROPERTY_VALUE",
    "screens[1].layout.children[0].on-click-action.name",
    ['"name": |"navigate"', 2],
    doc([screen("A", [nav("B")]), end("B")]),
  ),
  C(
    "S10",
    doc([screen("A", [nav("B")], { success: true }), end("B")]),
    "NOT_KEYWORD_SCHEMA_VALIDATION_FAILED",
    "screens[0].success",
    '|"success"',
    doc([screen("A", [nav("B")]), end("B")]),
  ),
  C(
    "S11",
    one([footer()], {}, { success: false }),
    "INVALID_PROPERTY_VALUE",
    "screens[0].success",
    '"success": |false',
    one([footer()]),
  ),
  C(
    "S12",
    one([footer()], {}, { refresh_on_back: true }),
    "INVALID_PROPERTY_VALUE",
    "screens[0].refresh_on_back",
    '"refresh_on_back": |true',
    one([footer()], {}, { refresh_on_back: false }),
  ),
  C(
    "S13",
    one([input("nope"), footer()], {}, { sensitive: ["other"] }),
    "INVALID_SENSITIVE_FIELD",
    "screens[0].sensitive[0]",
    '|"other"',
    one([input("nope"), footer()], {}, { sensitive: ["nope"] }),
  ),
  C(
    "S14",
    doc([
      screen("A", [nav("B")]),
      end("B", [
        {
          type: "NavigationList",
          name: "n",
          "list-items": [
            {
              id: "x",
              "main-content": { title: "t" },
              "on-click-action": { name: "navigate", next: { type: "screen", name: "A" }, payload: {} },
            },
          ],
        },
      ]),
    ]),
    "INVALID_COMPONENT_PLACEMENT",
    "screens[1].layout.children[0].type",
    '|"NavigationList"',
    doc([
      screen("A", [
        {
          type: "NavigationList",
          name: "n",
          "list-items": [
            {
              id: "x",
              "main-content": { title: "t" },
              "on-click-action": { name: "navigate", next: { type: "screen", name: "B" }, payload: {} },
            },
          ],
        },
      ]),
      end("B"),
    ]),
  ),
  C(
    "D1",
    one([footer()], {}, data({ x: { type: "string" } })),
    "MISSING_REQUIRED_PROPERTY",
    "screens[0].data.x",
    '"x": |{',
    one([footer()], {}, data({ x: str })),
  ),
  C(
    "D2",
    one([footer()], {}, data({ x: { type: "date", __example__: "a" } })),
    "INVALID_SCREEN_DATA",
    "screens[0].data.x.type",
    '|"date"',
    one([footer()], {}, data({ x: str })),
  ),
  C(
    "D3",
    one([footer()], {}, data({ x: { type: "array", __example__: [] } })),
    "INVALID_SCREEN_DATA",
    "screens[0].data.x",
    '"x": |{',
    one([footer()], {}, data({ x: { type: "array", items: { type: "string" }, __example__: [] } })),
  ),
  C(
    "D4",
    one([footer()], {}, data({ x: { type: "number", __example__: "a" } })),
    "INVALID_SCREEN_DATA",
    "screens[0].data.x.__example__",
    '"__example__": |"a"',
    one([footer()], {}, data({ x: { type: "number", __example__: 1 } })),
  ),
  C(
    "D5",
    one([text("${data.x}"), footer()]),
    "INVALID_SCREEN_DYNAMIC_DATA",
    "screens[0].layout.children[0].text",
    '|"${data.x}"',
    one([text("${data.x}"), footer()], {}, data({ x: str })),
  ),
  C(
    "D6",
    one(
      [{ type: "RadioButtonsGroup", name: "r", label: "L", "data-source": "${data.opts}" }, footer()],
      {},
      data({
        opts: {
          type: "array",
          items: { type: "object", properties: { id: { type: "string" } } },
          __example__: [],
        },
      }),
    ),
    "INVALID_SCREEN_DYNAMIC_DATA",
    "screens[0].layout.children[0].data-source",
    '|"${data.opts}"',
    one(
      [{ type: "RadioButtonsGroup", name: "r", label: "L", "data-source": "${data.opts}" }, footer()],
      {},
      data({
        opts: {
          type: "array",
          items: { type: "object", properties: { id: { type: "string" }, title: { type: "string" } } },
          __example__: [],
        },
      }),
    ),
  ),
  C(
    "P1",
    one([{ type: "Header", text: "x" }, footer()]),
    "INVALID_PROPERTY_VALUE",
    "screens[0].layout.children[0].type",
    '|"Header"',
    one([{ type: "TextHeading", text: "x" }, footer()]),
  ),
  C(
    "P2",
    one([input(), footer()], { version: "3.1" }),
    "KEYWORD_ONE_OF",
    "screens[0].layout.children[0].type",
    '|"TextInput"',
    one([{ type: "Form", name: "f", children: [input(), footer()] }], { version: "3.1" }),
  ),
  C(
    "P3",
    one([{ type: "Form", name: "f", children: [input("b")] }, input(), footer()]),
    "COMPONENTS_OUTSIDE_FORM",
    "screens[0].layout.children[1].type",
    ['|"TextInput"', 2],
    one([{ type: "Form", name: "f", children: [input("b"), input()] }, footer()]),
  ),
  C(
    "P4",
    one([{ type: "Form", name: "f", children: [input("a", { "init-value": "x" }), footer()] }]),
    "INVALID_PROPERTY_KEY",
    "screens[0].layout.children[0].children[0].init-value",
    '|"init-value"',
    one([input("a", { "init-value": "x" }), footer()]),
  ),
  C(
    "P5",
    one([
      { type: "Form", name: "f", children: [input()] },
      { type: "Form", name: "g", children: [input("b")] },
      footer(),
    ]),
    "COMPONENT_TYPE_MAX_NUMBER_PER_SCREEN",
    "screens[0].layout.children[1].type",
    ['|"Form"', 2],
    one([{ type: "Form", name: "f", children: [input(), input("b")] }, footer()]),
  ),
  C(
    "P6",
    one([footer(), footer()]),
    "COMPONENT_TYPE_MAX_NUMBER_PER_SCREEN",
    "screens[0].layout.children[1].type",
    ['|"Footer"', 2],
    one([footer()]),
  ),
  C(
    "P7",
    one([
      { type: "PhotoPicker", name: "p", label: "L" },
      { type: "DocumentPicker", name: "d", label: "L" },
      footer(),
    ]),
    "COMPONENT_TYPE_MAX_NUMBER_PER_SCREEN",
    "screens[0].layout.children[1].type",
    '|"DocumentPicker"',
    one([{ type: "PhotoPicker", name: "p", label: "L" }, footer()]),
  ),
  C(
    "P8",
    one([...Array.from({ length: 100 }, () => text()), footer()]),
    "MAX_ALLOWED_COMPONENTS_PER_SCREEN",
    "screens[0].layout.children",
    '"children": |[',
    one([...Array.from({ length: 40 }, () => text()), footer()]),
  ),
  C(
    "P9",
    one([
      { type: "If", condition: "${form.a}", then: [footer()] },
      { type: "OptIn", name: "a", label: "L" },
    ]),
    "MISSING_FOOTER_IN_IF_ELSE_BRANCHES",
    "screens[0].layout.children[0].type",
    '|"If"',
    one([
      { type: "If", condition: "${form.a}", then: [footer()], else: [footer()] },
      { type: "OptIn", name: "a", label: "L" },
    ]),
  ),
  C(
    "P10",
    one([{ type: "Switch", value: "${form.a}", cases: { x: [footer()], y: [text()] } }, input()]),
    "MISSING_FOOTER_IN_SWITCH_BRANCHES",
    "screens[0].layout.children[0].type",
    '|"Switch"',
    one([{ type: "Switch", value: "${form.a}", cases: { x: [footer()], y: [footer()] } }, input()]),
  ),
  C(
    "P11",
    one([
      { type: "If", condition: "${form.a}", then: [] },
      { type: "OptIn", name: "a", label: "L" },
      footer(),
    ]),
    "INVALID_PROPERTY_VALUE",
    "screens[0].layout.children[0].then",
    '"then": |[]',
    one([
      { type: "If", condition: "${form.a}", then: [text()] },
      { type: "OptIn", name: "a", label: "L" },
      footer(),
    ]),
  ),
  C(
    "P12",
    one([{ type: "Switch", value: "${form.a}", cases: {} }, input(), footer()]),
    "EMPTY_SWITCH_CASES",
    "screens[0].layout.children[0].cases",
    '"cases": |{}',
    one([{ type: "Switch", value: "${form.a}", cases: { x: [text()] } }, input(), footer()]),
  ),
  C(
    "P13",
    one([{ type: "RichText", text: "# T" }, text(), footer()]),
    "INVALID_COMPONENT_PLACEMENT",
    "screens[0].layout.children[0].type",
    '|"RichText"',
    one([{ type: "RichText", text: "# T" }, footer()]),
  ),
  C(
    "P14",
    doc([
      screen("A", [
        {
          type: "NavigationList",
          name: "n",
          "list-items": [{ id: "x", "main-content": { title: "t" } }],
          "on-click-action": { name: "navigate", next: { type: "screen", name: "B" }, payload: {} },
        },
        text(),
      ]),
      end("B"),
    ]),
    "INVALID_COMPONENT_PLACEMENT",
    "screens[0].layout.children[0].type",
    '|"NavigationList"',
    doc([
      screen("A", [
        {
          type: "NavigationList",
          name: "n",
          "list-items": [{ id: "x", "main-content": { title: "t" } }],
          "on-click-action": { name: "navigate", next: { type: "screen", name: "B" }, payload: {} },
        },
      ]),
      end("B"),
    ]),
  ),
  C(
    "P15",
    one([input(), { type: "TextArea", name: "a", label: "L" }, footer()]),
    "DUPLICATE_FORM_COMPONENT_NAMES",
    "screens[0].layout.children[1].name",
    ['"name": |"a"', 2],
    one([input(), { type: "TextArea", name: "b", label: "L" }, footer()]),
  ),
  C(
    "P16",
    one([input("${data.x}"), footer()]),
    "PATTERN_MISMATCH",
    "screens[0].layout.children[0].name",
    '|"${data.x}"',
    one([input("x"), footer()]),
  ),
  C(
    "P17",
    one([
      { type: "Form", name: "f", children: [input()] },
      footer("complete", { payload: { a: "${form.a}" } }),
    ]),
    "INVALID_ON_CLICK_ACTION_PAYLOAD",
    "screens[0].layout.children[1].on-click-action",
    '|"on-click-action"',
    one([
      { type: "Form", name: "f", children: [input(), footer("complete", { payload: { a: "${form.a}" } })] },
    ]),
  ),
  C(
    "C1",
    one([{ type: "TextBody", text: "x", colour: "red" }, footer()]),
    "INVALID_PROPERTY_KEY",
    "screens[0].layout.children[0].colour",
    '|"colour"',
    one([text(), footer()]),
  ),
  C(
    "C2",
    one([{ type: "TextBody" }, footer()]),
    "MISSING_REQUIRED_PROPERTY",
    "screens[0].layout.children[0]",
    '"children": [\n          |{',
    one([text(), footer()]),
  ),
  C(
    "C3",
    one([{ type: "TextBody", text: "x", visible: "yes" }, footer()]),
    "PATTERN_MISMATCH",
    "screens[0].layout.children[0].visible",
    '|"yes"',
    one([{ type: "TextBody", text: "x", visible: false }, footer()]),
  ),
  C(
    "C4",
    one([text(" "), footer()]),
    "PATTERN_MISMATCH",
    "screens[0].layout.children[0].text",
    '"text": |" "',
    one([text(" "), footer()], { version: "5.1" }),
  ),
  C(
    "C5",
    one([{ ...footer(), "left-caption": "l" }]),
    "INVALID_DEPENDENCIES",
    "screens[0].layout.children[0].left-caption",
    '|"left-caption"',
    one([{ ...footer(), "left-caption": "l", "right-caption": "r" }]),
  ),
  C(
    "C6",
    one([input("a", { "min-chars": 5, "max-chars": 2 }), footer()]),
    "MIN_VALUE_GREATER_THAN_MAX",
    "screens[0].layout.children[0].min-chars",
    '"min-chars": |5',
    one([input("a", { "min-chars": 1, "max-chars": 2 }), footer()]),
  ),
  C(
    "C7",
    one([
      { type: "CheckboxGroup", name: "a", label: "L", "data-source": items(3), "max-selected-items": 1 },
      footer(),
    ]),
    "MINIMUM_VALUE_REQUIRED",
    "screens[0].layout.children[0].max-selected-items",
    '"max-selected-items": |1',
    one([
      { type: "CheckboxGroup", name: "a", label: "L", "data-source": items(3), "max-selected-items": 2 },
      footer(),
    ]),
  ),
  C(
    "C8",
    one([{ type: "PhotoPicker", name: "p", label: "L", "max-file-size-kb": 30000 }, footer()]),
    "MAXIMUM_VALUE_REQUIRED",
    "screens[0].layout.children[0].max-file-size-kb",
    '"max-file-size-kb": |30000',
    one([{ type: "PhotoPicker", name: "p", label: "L", "max-file-size-kb": 25600 }, footer()]),
  ),
  C(
    "C9",
    one([
      {
        type: "RadioButtonsGroup",
        name: "r",
        label: "L",
        "data-source": [
          { id: "a", title: "A", image: "AAAA" },
          { id: "b", title: "B", color: "#112233" },
        ],
      },
      footer(),
    ]),
    "DATA_SOURCE_ITEMS_HAVE_BOTH_IMAGE_AND_COLOR",
    "screens[0].layout.children[0].data-source",
    '"data-source": |[',
    one([
      {
        type: "RadioButtonsGroup",
        name: "r",
        label: "L",
        "data-source": [
          { id: "a", title: "A", color: "#445566" },
          { id: "b", title: "B", color: "#112233" },
        ],
      },
      footer(),
    ]),
  ),
  C(
    "C10",
    one([
      {
        type: "RadioButtonsGroup",
        name: "r",
        label: "L",
        "data-source": [
          { id: "a", title: "A" },
          { id: "a", title: "B" },
        ],
      },
      footer(),
    ]),
    "PORTAL_DUPLICATE_ITEM_ID",
    "screens[0].layout.children[0].data-source[1].id",
    ['"id": |"a"', 2],
    one([{ type: "RadioButtonsGroup", name: "r", label: "L", "data-source": items(2) }, footer()]),
    true,
  ),
  C(
    "C11",
    one([{ type: "DatePicker", name: "d", label: "L", "min-date": "today" }, footer()]),
    "INVALID_PROPERTY_VALUE_FORMAT",
    "screens[0].layout.children[0].min-date",
    '|"today"',
    one([{ type: "DatePicker", name: "d", label: "L", "min-date": "2025-01-31" }, footer()]),
  ),
  C(
    "C12",
    one([{ type: "CalendarPicker", name: "c", mode: "range", label: { "start-date": "From" } }, footer()]),
    "MISSING_CALENDAR_PICKER_RANGE_MODE_PROP",
    "screens[0].layout.children[0].label",
    '"label": |{',
    one([
      { type: "CalendarPicker", name: "c", mode: "range", label: { "start-date": "From", "end-date": "To" } },
      footer(),
    ]),
  ),
  C(
    "C13",
    one([input("a", { "input-type": "email", pattern: "^a$", "helper-text": "h" }), footer()]),
    "INVALID_DEPENDENCIES",
    "screens[0].layout.children[0].pattern",
    '|"pattern"',
    one([input("a", { pattern: "^a$", "helper-text": "h" }), footer()]),
  ),
  C(
    "C14",
    doc([
      screen("A", [
        {
          type: "NavigationList",
          name: "n",
          "list-items": [
            { id: "x", "main-content": { title: "t" }, badge: "b" },
            { id: "y", "main-content": { title: "u" }, badge: "c" },
          ],
          "on-click-action": { name: "navigate", next: { type: "screen", name: "B" }, payload: {} },
        },
      ]),
      end("B"),
    ]),
    "MAX_ITEMS_REQUIRED",
    "screens[0].layout.children[0].list-items",
    '"list-items": |[',
    doc([
      screen("A", [
        {
          type: "NavigationList",
          name: "n",
          "list-items": [
            { id: "x", "main-content": { title: "t" }, badge: "b" },
            { id: "y", "main-content": { title: "u" } },
          ],
          "on-click-action": { name: "navigate", next: { type: "screen", name: "B" }, payload: {} },
        },
      ]),
      end("B"),
    ]),
  ),
  C(
    "C15",
    one([{ type: "ImageCarousel", images: [] }, footer()]),
    "MIN_ITEMS_REQUIRED",
    "screens[0].layout.children[0].images",
    '"images": |[]',
    one([{ type: "ImageCarousel", images: [{ src: "AAAA", "alt-text": "a" }] }, footer()]),
  ),
  C(
    "C16",
    one([{ type: "Image", src: "https://x/y.png" }, footer()]),
    "INVALID_PROPERTY_VALUE",
    "screens[0].layout.children[0].src",
    '|"https://x/y.png"',
    one([{ type: "Image", src: "iVBORw0KGgo=" }, footer()]),
  ),
  C(
    "C17",
    one([
      {
        type: "Form",
        name: "f",
        "init-values": { o: "yes" },
        children: [{ type: "OptIn", name: "o", label: "L" }, footer()],
      },
    ]),
    "INVALID_TYPE",
    "screens[0].layout.children[0].init-values.o",
    '"o": |"yes"',
    one([
      {
        type: "Form",
        name: "f",
        "init-values": { o: true },
        children: [{ type: "OptIn", name: "o", label: "L" }, footer()],
      },
    ]),
  ),
  C(
    "C18",
    one([{ type: "RichText", text: "Hi ${data.x}" }, footer()], {}, data({ x: str })),
    "INVALID_TEXT_DYNAMIC_DATA",
    "screens[0].layout.children[0].text",
    '|"Hi ${data.x}"',
    one([{ type: "RichText", text: "${data.x}" }, footer()], {}, data({ x: str })),
  ),
  C(
    "A1",
    one([
      { type: "EmbeddedLink", text: "x", "on-click-action": { name: "complete", payload: {} } },
      footer(),
    ]),
    "INVALID_ENUM_VALUE",
    "screens[0].layout.children[0].on-click-action.name",
    '"name": |"complete"',
    one([
      { type: "EmbeddedLink", text: "x", "on-click-action": { name: "open_url", url: "https://x.y" } },
      footer(),
    ]),
  ),
  C(
    "A2",
    one([footer("navigate")]),
    "MISSING_REQUIRED_PROPERTY",
    "screens[0].layout.children[0].on-click-action",
    '"on-click-action": |{',
    one([footer()]),
  ),
  C(
    "A3",
    one([
      {
        type: "EmbeddedLink",
        text: "x",
        "on-click-action": { name: "navigate", next: { type: "screen", name: "Z" }, payload: {} },
      },
      footer(),
    ]),
    "INVALID_NAVIGATE_ACTION_NEXT_SCREEN_NAME",
    "screens[0].layout.children[0].on-click-action.next.name",
    '|"Z"',
    one([footer()]),
  ),
  C(
    "A4",
    doc([screen("A", [nav("B", { y: "1" })]), end("B", [footer()], data({ x: str }))]),
    "INVALID_NAVIGATE_ACTION_PAYLOAD",
    "screens[0].layout.children[0].on-click-action.payload",
    '"payload": |{',
    doc([screen("A", [nav("B", { x: "1" })]), end("B", [footer()], data({ x: str }))]),
  ),
  C(
    "A5",
    doc([screen("A", [footer()]), end("B", [footer()])], { routing_model: { A: ["B"] } }),
    "INVALID_COMPLETE_ACTION",
    "screens[0].layout.children[0].on-click-action.name",
    '"name": |"complete"',
    one([footer()]),
  ),
  C(
    "A6",
    one([footer("complete", { payload: { a: "${form.zz}" } })]),
    "INVALID_ON_CLICK_ACTION_PAYLOAD",
    "screens[0].layout.children[0].on-click-action.payload.a",
    '|"${form.zz}"',
    one([input("zz"), footer("complete", { payload: { a: "${form.zz}" } })]),
  ),
  C(
    "A7",
    doc([
      screen("A", [{ type: "PhotoPicker", name: "p", label: "L" }, nav("B", { p: "${form.p}" })]),
      end("B", [footer()], data({ p: { type: "array", items: { type: "object" }, __example__: [] } })),
    ]),
    "INVALID_ON_CLICK_ACTION_PAYLOAD",
    "screens[0].layout.children[1].on-click-action.payload.p",
    '|"${form.p}"',
    one([
      { type: "PhotoPicker", name: "p", label: "L", "max-uploaded-photos": 1 },
      footer("complete", { payload: { p: "${form.p}" } }),
    ]),
  ),
  C(
    "A8",
    one([
      {
        type: "Dropdown",
        name: "d",
        label: "L",
        "data-source": items(5),
        "on-select-action": { name: "update_data", payload: { zz: "1" } },
      },
      footer(),
    ]),
    "INVALID_UPDATE_DATA_ACTION_PAYLOAD",
    "screens[0].layout.children[0].on-select-action.payload.zz",
    '|"zz"',
    one(
      [
        {
          type: "Dropdown",
          name: "d",
          label: "L",
          "data-source": items(5),
          "on-select-action": { name: "update_data", payload: { zz: "1" } },
        },
        footer(),
      ],
      {},
      data({ zz: str }),
    ),
  ),
  C(
    "A9",
    one([
      input("a", { "input-type": "number" }),
      footer("complete", { payload: { x: "`${form.a} && true`" } }),
    ]),
    "INVALID_PROPERTY_VALUE",
    "screens[0].layout.children[1].on-click-action.payload.x",
    '|"`${form.a} && true`"',
    one([input("a", { "input-type": "number" }), footer("complete", { payload: { x: "`${form.a} > 1`" } })]),
  ),
  C(
    "E1",
    one(
      [
        {
          type: "Form",
          name: "f",
          children: [input(), { type: "TextBody", text: "x", visible: "${form.a}" }, footer()],
        },
      ],
      { version: "3.1" },
    ),
    "PATTERN_MISMATCH",
    "screens[0].layout.children[0].children[1].visible",
    '|"${form.a}"',
    one(
      [
        {
          type: "Form",
          name: "f",
          children: [input(), { type: "TextBody", text: "x", visible: "${data.v}" }, footer()],
        },
      ],
      { version: "3.1" },
      data({ v: { type: "boolean", __example__: true } }),
    ),
  ),
  C(
    "E2",
    doc([screen("A", [text("${screen.Z.data.x}"), nav("B")]), end("B")]),
    "INVALID_SCREEN_DYNAMIC_DATA",
    "screens[0].layout.children[0].text",
    '|"${screen.Z.data.x}"',
    doc([screen("A", [nav("B")], data({ x: str })), end("B", [text("${screen.A.data.x}"), footer()])]),
  ),
  C(
    "E3",
    one([
      { type: "TextBody", text: "x", visible: "`${form.a} + 1`" },
      input("a", { "input-type": "number" }),
      footer(),
    ]),
    "INVALID_PROPERTY_VALUE",
    "screens[0].layout.children[0].visible",
    '|"`${form.a} + 1`"',
    one([
      { type: "TextBody", text: "x", visible: "`${form.a} > 1`" },
      input("a", { "input-type": "number" }),
      footer(),
    ]),
  ),
  C(
    "E4",
    one([{ type: "If", condition: "573 == 376", then: [text()] }, footer()]),
    "INVALID_PROPERTY_VALUE",
    "screens[0].layout.children[0].condition",
    '|"573 == 376"',
    one([
      { type: "If", condition: "${form.a} == 376", then: [text()] },
      input("a", { "input-type": "number" }),
      footer(),
    ]),
  ),
  C(
    "E5",
    one([text("Hi ${data.x}"), footer()], {}, data({ x: str })),
    "INVALID_TEXT_DYNAMIC_DATA",
    "screens[0].layout.children[0].text",
    '|"Hi ${data.x}"',
    one([text("`'Hi ' ${data.x}`"), footer()], {}, data({ x: str })),
  ),
  C(
    "L1",
    one([{ type: "TextHeading", text: "h".repeat(81) }, footer()]),
    "PORTAL_TEXT_TOO_LONG",
    "screens[0].layout.children[0].text",
    '"text": |"hhh',
    one([{ type: "TextHeading", text: "h".repeat(80) }, footer()]),
    true,
  ),
  C(
    "L2",
    one([{ type: "RadioButtonsGroup", name: "r", label: "L", "data-source": items(21) }, footer()]),
    "PORTAL_TOO_MANY_OPTIONS",
    "screens[0].layout.children[0].data-source",
    '"data-source": |[',
    one([{ type: "RadioButtonsGroup", name: "r", label: "L", "data-source": items(20) }, footer()]),
  ),
  C(
    "L3",
    one([
      {
        type: "RadioButtonsGroup",
        name: "r",
        label: "L",
        "data-source": [{ id: "a", title: "A", image: "A".repeat(140 * 1024) }],
      },
      footer(),
    ]),
    "PORTAL_IMAGE_TOO_LARGE",
    "screens[0].layout.children[0].data-source[0].image",
    '"image": |"AAA',
    one([
      {
        type: "RadioButtonsGroup",
        name: "r",
        label: "L",
        "data-source": [{ id: "a", title: "A", image: "A".repeat(130 * 1024) }],
      },
      footer(),
    ]),
  ),
  C(
    "L4",
    one([{ type: "TextInput", name: "a", label: "L", "input-type": "text", pattern: "^a$" }, footer()]),
    "PORTAL_PATTERN_NEEDS_HELPER",
    "screens[0].layout.children[0].pattern",
    '|"pattern"',
    one([input("a", { pattern: "^a$", "helper-text": "h" }), footer()]),
    true,
  ),
  C(
    "L5",
    one([input("a", { required: true, visible: false }), footer()]),
    "PORTAL_SOFT_VALIDATION",
    "screens[0].layout.children[0].required",
    '|"required"',
    one([input("a", { required: true }), footer()]),
    true,
  ),
];

function offsetOf(t: string, at: Case["at"]): number {
  const [snippet, nth] = typeof at === "string" ? [at, 1] : at;
  const bar = snippet.indexOf("|");
  const needle = snippet.replace("|", "");
  let i = -1;
  for (let k = 0; k < nth; k++) {
    i = t.indexOf(needle, i + 1);
    if (i < 0) throw new Error(`snippet ${JSON.stringify(snippet)} (#${nth}) not in the document`);
  }
  return i + bar;
}
function lineCol(t: string, offset: number): { lineStart: number; columnStart: number } {
  const before = t.slice(0, offset);
  const line = before.split("\n").length;
  return { lineStart: line, columnStart: offset - before.lastIndexOf("\n") };
}

describe("rule catalogue §11.4: every rule has a located failing case and a passing neighbour", () => {
  it("the table covers every rule id of the catalogue", () => {
    const covered = new Set(CASES.map((c) => c.rule));
    expect(RULE_IDS.filter((id) => !covered.has(id))).toEqual([]);
    expect(RULE_IDS).toHaveLength(89);
  });
  for (const c of CASES)
    it(`${c.rule}: ${c.code} at '${c.path}'`, () => {
      const bad = c.rule === "T2" ? bigText() : c.bad;
      const r = validateFlowJson(bad);
      const list = c.warning ? r.warnings : r.errors;
      const hit = list.find((p) => p.error === c.code && p.pointers[0]?.path === c.path);
      expect(
        hit,
        `${c.code}@${c.path} in ${JSON.stringify([...r.errors, ...r.warnings].map((p) => `${p.error}@${p.pointers[0]?.path}`))}`,
      ).toBeDefined();
      expect({ lineStart: hit!.lineStart, columnStart: hit!.columnStart }).toEqual(
        lineCol(bad, offsetOf(bad, c.at)),
      );
      const good = validateFlowJson(c.good);
      expect(
        good.errors
          .filter((e) => e.error !== "UNSUPPORTED_FLOW_JSON_VERSION")
          .map((e) => `${e.error}@${e.pointers[0]?.path}: ${e.message}`),
      ).toEqual([]);
      if (c.warning) expect(good.warnings.filter((w) => w.error === c.code)).toEqual([]);
    });
});

// §2.4 feature → minimum version matrix: the feature in its first version passes, one version earlier fails.
const PREV: Record<string, string> = {
  "4.0": "3.1",
  "5.0": "4.0",
  "5.1": "5.0",
  "6.0": "5.1",
  "6.1": "6.0",
  "6.2": "6.1",
  "6.3": "6.2",
  "7.0": "6.3",
  "7.1": "7.0",
  "7.3": "7.2",
};
const GATES: [feature: string, first: string, build: (v: string) => string][] = [
  ["Form optional (input outside Form)", "4.0", (v) => one([input(), footer()], { version: v })],
  [
    "component init-value outside Form",
    "4.0",
    (v) => one([input("a", { "init-value": "x" }), footer()], { version: v }),
  ],
  [
    "If",
    "4.0",
    (v) =>
      one(
        [{ type: "If", condition: "${data.b}", then: [text()] }, footer()],
        { version: v },
        data({ b: { type: "boolean", __example__: true } }),
      ),
  ],
  [
    "Switch",
    "4.0",
    (v) =>
      one(
        [{ type: "Switch", value: "${data.b}", cases: { x: [text()] } }, footer()],
        { version: v },
        data({ b: str }),
      ),
  ],
  [
    "PhotoPicker",
    "4.0",
    (v) => one([{ type: "PhotoPicker", name: "p", label: "L" }, footer()], { version: v }),
  ],
  [
    "DocumentPicker",
    "4.0",
    (v) => one([{ type: "DocumentPicker", name: "p", label: "L" }, footer()], { version: v }),
  ],
  [
    "global reference",
    "4.0",
    (v) =>
      doc([screen("A", [nav("B")], data({ x: str })), end("B", [text("${screen.A.data.x}"), footer()])], {
        version: v,
      }),
  ],
  [
    "CheckboxGroup description",
    "4.0",
    (v) =>
      one(
        [
          {
            type: "Form",
            name: "f",
            children: [
              { type: "CheckboxGroup", name: "c", label: "L", description: "d", "data-source": items(2) },
              footer(),
            ],
          },
        ],
        { version: v },
      ),
  ],
  [
    "data-source color",
    "5.0",
    (v) =>
      one(
        [
          {
            type: "Form",
            name: "f",
            children: [
              {
                type: "RadioButtonsGroup",
                name: "r",
                label: "L",
                "data-source": [{ id: "a", title: "A", color: "#112233" }],
              },
              footer(),
            ],
          },
        ],
        { version: v },
      ),
  ],
  [
    "media-size",
    "5.0",
    (v) =>
      one(
        [
          {
            type: "Form",
            name: "f",
            children: [
              {
                type: "RadioButtonsGroup",
                name: "r",
                label: "L",
                "media-size": "large",
                "data-source": items(2),
              },
              footer(),
            ],
          },
        ],
        { version: v },
      ),
  ],
  [
    "DatePicker YYYY-MM-DD",
    "5.0",
    (v) =>
      one([{ type: "DatePicker", name: "d", label: "L", "min-date": "2025-01-01" }, footer()], {
        version: v,
      }),
  ],
  [
    "RichText",
    "5.1",
    (v) =>
      doc(
        [
          screen("A", [
            {
              type: "EmbeddedLink",
              text: "Terms",
              "on-click-action": { name: "navigate", next: { type: "screen", name: "B" }, payload: {} },
            },
            nav("C"),
          ]),
          screen("B", [{ type: "RichText", text: "# T" }]),
          end("C"),
        ],
        { version: v },
      ),
  ],
  [
    "markdown",
    "5.1",
    (v) => one([{ type: "TextBody", text: "**b**", markdown: true }, footer()], { version: v }),
  ],
  ["screen sensitive", "5.1", (v) => one([input("a"), footer()], { version: v }, { sensitive: ["a"] })],
  [
    "backtick expression",
    "6.0",
    (v) =>
      one(
        [{ type: "TextBody", text: "x", visible: "`${data.n} > 1`" }, footer()],
        { version: v },
        data({ n: { type: "number", __example__: 1 } }),
      ),
  ],
  [
    "update_data",
    "6.0",
    (v) =>
      one(
        [
          {
            type: "Dropdown",
            name: "d",
            label: "L",
            "data-source": items(5),
            "on-select-action": { name: "update_data", payload: { z: "1" } },
          },
          footer(),
        ],
        { version: v },
        data({ z: str }),
      ),
  ],
  [
    "open_url",
    "6.0",
    (v) =>
      one(
        [
          { type: "EmbeddedLink", text: "x", "on-click-action": { name: "open_url", url: "https://a.b" } },
          footer(),
        ],
        { version: v },
      ),
  ],
  [
    "on-unselect-action",
    "6.0",
    (v) =>
      one(
        [
          {
            type: "OptIn",
            name: "o",
            label: "L",
            "on-unselect-action": { name: "update_data", payload: { z: "1" } },
          },
          footer(),
        ],
        { version: v },
        data({ z: str }),
      ),
  ],
  [
    "CalendarPicker",
    "6.1",
    (v) => one([{ type: "CalendarPicker", name: "c", label: "L" }, footer()], { version: v }),
  ],
  [
    "NavigationList",
    "6.2",
    (v) =>
      doc(
        [
          screen("A", [
            {
              type: "NavigationList",
              name: "n",
              "list-items": [{ id: "x", "main-content": { title: "t" } }],
              "on-click-action": { name: "navigate", next: { type: "screen", name: "B" }, payload: {} },
            },
          ]),
          end("B"),
        ],
        { version: v },
      ),
  ],
  [
    "TextInput pattern",
    "6.2",
    (v) => one([input("a", { pattern: "^a$", "helper-text": "h" }), footer()], { version: v }),
  ],
  [
    "ChipsSelector",
    "6.3",
    (v) =>
      one([{ type: "ChipsSelector", name: "c", label: "L", "data-source": items(2) }, footer()], {
        version: v,
      }),
  ],
  ["RichText + Footer", "6.3", (v) => one([{ type: "RichText", text: "# T" }, footer()], { version: v })],
  ["label-variant", "7.0", (v) => one([input("a", { "label-variant": "large" }), footer()], { version: v })],
  [
    "ImageCarousel",
    "7.1",
    (v) =>
      one([{ type: "ImageCarousel", images: [{ src: "AAAA", "alt-text": "a" }] }, footer()], { version: v }),
  ],
  [
    "ChipsSelector on-select-action",
    "7.1",
    (v) =>
      one(
        [
          {
            type: "ChipsSelector",
            name: "c",
            label: "L",
            "data-source": items(2),
            "on-select-action": { name: "update_data", payload: { z: "1" } },
          },
          footer(),
        ],
        { version: v },
        data({ z: str }),
      ),
  ],
  [
    "ChipsSelector in If",
    "7.1",
    (v) =>
      one(
        [
          {
            type: "If",
            condition: "${data.b}",
            then: [{ type: "ChipsSelector", name: "c", label: "L", "data-source": items(2) }],
          },
          footer(),
        ],
        { version: v },
        data({ b: { type: "boolean", __example__: true } }),
      ),
  ],
  [
    "data_api_version 4.0",
    "7.3",
    (v) => one([footer()], { version: v, data_api_version: "4.0", routing_model: { A: [] } }),
  ],
];
// Removals and tightenings: allowed up to a version, rejected from the next.
const UNTIL: [feature: string, last: string, next: string, build: (v: string) => string][] = [
  [
    "data_channel_uri",
    "2.1",
    "3.0",
    (v) =>
      one([{ type: "Form", name: "f", children: [footer()] }], {
        version: v,
        data_channel_uri: "https://example.com/x",
      }),
  ],
  ["blank strings", "5.1", "6.0", (v) => one([text(" "), footer()], { version: v })],
  [
    "more than 1 Form per screen",
    "6.3",
    "7.0",
    (v) =>
      one(
        [
          { type: "Form", name: "f", children: [input()] },
          { type: "Form", name: "g", children: [input("b")] },
          footer(),
        ],
        { version: v },
      ),
  ],
  ["comma in screen id", "6.3", "7.0", (v) => one([footer()], { version: v }, { id: "A,B" })],
  [
    "terminal Footer navigate",
    "7.2",
    "7.3",
    (v) => doc([screen("A", [nav("B")]), end("B", [nav("C")]), end("C")], { version: v }),
  ],
  [
    "CheckboxGroup without label",
    "3.1",
    "4.0",
    (v) =>
      one(
        [
          {
            type: "Form",
            name: "f",
            children: [{ type: "CheckboxGroup", name: "c", "data-source": items(2) }, footer()],
          },
        ],
        { version: v },
      ),
  ],
  [
    "DatePicker millisecond timestamps",
    "4.0",
    "5.0",
    (v) =>
      one([{ type: "DatePicker", name: "d", label: "L", "min-date": "1710958020000" }, footer()], {
        version: v,
      }),
  ],
];
const errorsOf = (t: string) =>
  validateFlowJson(t)
    .errors.filter((e) => e.error !== "UNSUPPORTED_FLOW_JSON_VERSION")
    .map((e) => `${e.error}@${e.pointers[0]?.path}`);

describe("version gates (§2.4): first version passes, the version before fails", () => {
  it.each(GATES)("%s from %s", (_f, first, build) => {
    expect(errorsOf(build(first))).toEqual([]);
    expect(errorsOf(build(PREV[first]!)).length).toBeGreaterThan(0);
  });
  it.each(UNTIL)("%s allowed in %s, rejected in %s", (_f, last, next, build) => {
    expect(errorsOf(build(last))).toEqual([]);
    expect(errorsOf(build(next)).length).toBeGreaterThan(0);
  });
});
