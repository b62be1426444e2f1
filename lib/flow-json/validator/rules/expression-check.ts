import type { JsonPath } from "../../json/path";
import { ExpressionError, type ExprNode } from "../../expressions/ast";
import { parseExpressionCached } from "../../expressions/dynamic-value";
import type { ValidationContext, ScreenInfo } from "../context";
import { checkBinding } from "./binding-check";
import type { ValueType } from "./value-types";

// E3 (backtick expressions, 6.0+) and E4 (If conditions): syntax, bindings and operand types (§9).
// Only the first type error of an expression is reported, as Meta does; every binding is still checked.

/**
 * Type-checks an expression tree. A class rather than nested closures: this runs for every expression, and
 * per-call closures showed up in the profile.
 */
class ExpressionTypeChecker {
  firstError: string | undefined;
  sawBinding = false;

  constructor(
    private readonly context: ValidationContext,
    private readonly screen: ScreenInfo,
    private readonly source: string,
    private readonly path: JsonPath,
    private readonly code: string,
    /** An If condition (E4): stricter than an expression in a property (E3). */
    private readonly isCondition: boolean,
  ) {}

  addError(message: string): void {
    if (this.firstError === undefined) this.firstError = message;
  }

  textOf(node: ExprNode): string {
    return this.source.slice(node.start, node.end);
  }

  requireOperand(actual: ValueType, wanted: ValueType, node: ExprNode): void {
    if (actual !== "unknown" && actual !== wanted) {
      this.addError(
        `Operand '${this.textOf(node)}' with type '${actual}' is not supported here; use a ${wanted}.`,
      );
    }
  }

  typeOf(node: ExprNode): ValueType {
    switch (node.kind) {
      case "literal":
        return typeof node.value as ValueType;
      case "binding":
        this.sawBinding = true;
        return checkBinding(this.context, this.screen, node.binding, this.path, this.code) ?? "unknown";
      case "compound":
        return this.typeOfCompound(node.parts);
      case "unary": {
        const wanted = node.op === "!" ? "boolean" : "number";
        this.requireOperand(this.typeOf(node.argument), wanted, node.argument);
        return wanted;
      }
      case "binary":
        return this.typeOfBinary(node.op, node.left, node.right);
    }
  }

  /** Juxtaposed parts concatenate into a string; a condition cannot be one (missing operator). */
  typeOfCompound(parts: ExprNode[]): ValueType {
    for (const part of parts) {
      const partType = this.typeOf(part);
      if (partType === "array" || partType === "object") {
        this.addError(
          `Operand '${this.textOf(part)}' with type '${partType}' is not supported in text; use a string, number or boolean.`,
        );
      }
    }
    if (this.isCondition) {
      this.addError(
        `Missing operator between '${this.textOf(parts[0]!)}' and '${this.textOf(parts[1]!)}'; join them with an operator such as == or &&.`,
      );
    }
    return "string";
  }

  typeOfBinary(operator: string, left: ExprNode, right: ExprNode): ValueType {
    const leftType = this.typeOf(left);
    const rightType = this.typeOf(right);
    if (this.isCondition && "+-*/%".includes(operator)) {
      this.addError(`Invalid operator '${operator}' in a condition; use ==, !=, <, <=, >, >=, &&, || or !.`);
    }
    if (this.isCondition && left.kind === "literal" && right.kind === "literal") {
      this.addError(
        `An operator cannot have literals on both sides (column ${left.start + 1}); compare a binding with a value.`,
      );
    }
    switch (operator) {
      case "==":
      case "!=":
        if (leftType !== "unknown" && rightType !== "unknown" && leftType !== rightType) {
          this.addError(
            `Type mismatch in an equality operation between '${this.textOf(left)}' and '${this.textOf(right)}' at column ${left.start + 1}; compare values of the same type.`,
          );
        }
        return "boolean";
      case "<":
      case "<=":
      case ">":
      case ">=":
        this.requireOperand(leftType, "number", left);
        this.requireOperand(rightType, "number", right);
        return "boolean";
      case "&&":
      case "||":
        this.requireOperand(leftType, "boolean", left);
        this.requireOperand(rightType, "boolean", right);
        return "boolean";
      default:
        this.requireOperand(leftType, "number", left);
        this.requireOperand(rightType, "number", right);
        return "number";
    }
  }
}

/**
 * E3/E4: checks expression `source` (without backticks) and returns its type, or null when it does not parse.
 * `isCondition`: an If condition, which must use at least one binding and evaluate to a boolean.
 */
export function checkExpression(
  context: ValidationContext,
  screen: ScreenInfo,
  source: string,
  path: JsonPath,
  code: string,
  expected: ValueType,
  isCondition: boolean,
): ValueType | null {
  const tree = parseExpressionCached(source);
  const rule = isCondition ? "E4" : "E3";
  if (tree instanceof ExpressionError) {
    context.report.error(
      rule,
      "INVALID_PROPERTY_VALUE",
      path,
      `${tree.message.replace(/\.$/, "")} at column ${tree.column}.`,
    );
    return null;
  }
  const checker = new ExpressionTypeChecker(context, screen, source, path, code, isCondition);
  const type = checker.typeOf(tree);
  if (isCondition) {
    if (!checker.sawBinding) {
      checker.addError(
        tree.kind === "literal"
          ? "The only operand is a literal value; a condition needs a binding, such as ${form.agree} or ${data.age} > 18."
          : "Expected property 'condition' to contain at least one dynamic operand, such as ${form.agree}.",
      );
    } else if (type !== "boolean" && type !== "unknown") {
      checker.addError(
        "Expected the condition to be a boolean; compare the value, such as ${data.age} > 18.",
      );
    }
  } else if (expected !== "unknown" && type !== "unknown" && type !== expected) {
    checker.addError(`The expression evaluates to '${type}' but the property expects a '${expected}'.`);
  }
  if (checker.firstError !== undefined) {
    context.report.error(rule, "INVALID_PROPERTY_VALUE", path, checker.firstError);
  }
  return type;
}
