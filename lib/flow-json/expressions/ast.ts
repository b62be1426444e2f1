import type { Binding } from "./binding";

// Expression syntax tree. Offsets are 0-based positions in the expression source (without backticks).
export type BinaryOperator =
  "||" | "&&" | "==" | "!=" | "<" | "<=" | ">" | ">=" | "+" | "-" | "*" | "/" | "%";
export type UnaryOperator = "!" | "-" | "+";

export type ExprNode =
  | { kind: "literal"; value: string | number | boolean; raw: string; start: number; end: number }
  | { kind: "binding"; binding: Binding; raw: string; start: number; end: number }
  | { kind: "unary"; op: UnaryOperator; argument: ExprNode; start: number; end: number }
  | { kind: "binary"; op: BinaryOperator; left: ExprNode; right: ExprNode; start: number; end: number }
  /** Juxtaposition ('a' ${data.b}): string concatenation (jsep's Compound). */
  | { kind: "compound"; parts: ExprNode[]; start: number; end: number };

export class ExpressionError extends Error {
  /** 1-based column in the expression source. */
  readonly column: number;
  constructor(message: string, column: number) {
    super(message);
    this.column = column;
  }
}
