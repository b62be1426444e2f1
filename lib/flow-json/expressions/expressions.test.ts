import { describe, expect, it } from "vitest";
import { evaluateCondition, parseExpression, resolveDynamicValue, type ExpressionScope } from "../index";
import { parseBinding, parseSharedBinding } from "./binding";

const scope: ExpressionScope = {
  data: { price: 2.5, n1: 10, n2: 4, name: "Ana", vip: true, empty: "", addr: { city: "Paris" } },
  form: { qty: "3", age: 20, city: "London", opt_in: false },
  screens: { OTHER: { data: { x: 1 }, form: { insurance: "basic" } } },
};

describe("resolveDynamicValue", () => {
  it.each([
    ["${data.name}", "Ana"],
    ["${data.addr.city}", "Paris"],
    ["${form.missing}", undefined],
    ["${screen.OTHER.form.insurance}", "basic"],
    ["`'Hello ' ${data.name}`", "Hello Ana"],
    ["` 'Total: ' (${data.price} * ${form.qty}) ' EUR'`", "Total: 7.5 EUR"],
    ["`${data.n1} + ${data.n2}`", 14],
    ["`${data.n1} / ${data.n2}`", 2.5],
    ["`${data.n1} % ${data.n2}`", 2],
    ["`1 / 3`", 0.33],
    ["`${data.n1} / 0`", 0],
    ["`${data.empty} + 1`", 1],
    ["`${form.age} >= 18`", true],
    ["`${data.empty} == ''`", true],
    ["`${form.qty} == 3`", true],
    ["`(${form.opt_in} && ${data.n1} > 0) || ${data.vip}`", true],
    ["`!${data.vip}`", false],
    ["`'Ana\\'s house'`", "Ana's house"],
    ["`'Ana\\\\'s house'`", "Ana's house"],
    ["`${data.missing} < 3`", false],
    ["`broken ((`", undefined],
    ["Hello ${data.name}", "Hello ${data.name}"],
    ["plain", "plain"],
  ])("%s → %j", (expr, expected) => {
    expect(resolveDynamicValue(expr, scope, "7.3")).toEqual(expected);
  });
  it("does not evaluate backticks before 6.0", () => {
    expect(resolveDynamicValue("`${data.n1} + 1`", scope, "5.1")).toBe("`${data.n1} + 1`");
  });
  it("recurses into arrays and objects", () => {
    expect(
      resolveDynamicValue({ a: ["${data.name}", { b: "`${data.n1} * 2`" }], c: 1 }, scope, "6.0"),
    ).toEqual({ a: ["Ana", { b: 20 }], c: 1 });
  });
});

describe("evaluateCondition", () => {
  it.each([
    ["${form.city} == 'London'", true],
    ["${form.opt_in} || (${data.n1} > 5)", true],
    ["${form.opt_in} && ${data.vip}", false],
    ["!${form.opt_in}", true],
    ["(${screen.OTHER.form.insurance} != '')", true],
    ["`${form.age} > 30`", false],
    ["${form.city} ==", false],
  ])("%s → %s", (cond, expected) => {
    expect(evaluateCondition(cond, scope)).toBe(expected);
  });
});

describe("parseExpression errors", () => {
  it.each([
    ["(", "Missing closing parenthesis"],
    ["()", "Found invalid empty parentheses"],
    ["'abc", "Missing closing quote for string"],
    ["${data.a} = 1", "Invalid operator '='"],
    ["${data.a} == 007", "leading zeroes"],
    ["${data.a} ==", "Missing operand after last operator '=='"],
    ["foo", "Invalid literal 'foo'"],
    [")", "Missing opening parenthesis"],
  ])("%s", (src, message) => {
    expect(() => parseExpression(src)).toThrow(message);
  });
});

describe("parseSharedBinding", () => {
  it("parses like parseBinding and hands every caller the same frozen result", () => {
    const first = parseSharedBinding("${screen.A.form.photos}");
    expect(first).toEqual(parseBinding("${screen.A.form.photos}"));
    expect(parseSharedBinding("${screen.A.form.photos}")).toBe(first);
    expect(Object.isFrozen(first) && Object.isFrozen(first!.path)).toBe(true);
    expect(parseSharedBinding("${data.a} and ${data.b}")).toBeNull();
  });
});
