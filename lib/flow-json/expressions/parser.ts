import { ExpressionError, type BinaryOperator, type ExprNode } from "./ast";
import { tokenize, type Token } from "./tokenizer";

// Precedence follows JavaScript (spec §10.3); juxtaposition binds loosest (jsep Compound).
const PRECEDENCE: Record<string, number> = {
  "||": 1,
  "&&": 2,
  "==": 3,
  "!=": 3,
  "<": 4,
  "<=": 4,
  ">": 4,
  ">=": 4,
  "+": 5,
  "-": 5,
  "*": 6,
  "/": 6,
  "%": 6,
};

/** Parses expression source (no surrounding backticks). Throws ExpressionError with a 1-based column. */
export function parseExpression(src: string): ExprNode {
  const tokens = tokenize(src);
  if (tokens.length === 0)
    throw new ExpressionError("Expected property 'condition' to contain at least one operand.", 1);
  let pos = 0;
  const peek = (): Token | undefined => tokens[pos];

  function sequence(): ExprNode {
    const parts: ExprNode[] = [binary(0)];
    for (let tok = peek(); tok && !(tok.t === "paren" && !tok.open); tok = peek()) {
      if (tok.t === "op" && tok.op !== "!")
        throw new ExpressionError(`Wrong positioning of operator '${tok.op}'.`, tok.start + 1);
      parts.push(binary(0));
    }
    if (parts.length === 1) return parts[0]!;
    return { kind: "compound", parts, start: parts[0]!.start, end: parts[parts.length - 1]!.end };
  }

  function binary(minPrec: number): ExprNode {
    let left = unary();
    for (let tok = peek(); tok && tok.t === "op" && (PRECEDENCE[tok.op] ?? 0) > minPrec; tok = peek()) {
      const prec = PRECEDENCE[tok.op]!;
      pos++;
      if (!peek())
        throw new ExpressionError(`Missing operand after last operator '${tok.op}'.`, tok.start + 1);
      const right = binary(prec);
      left = { kind: "binary", op: tok.op as BinaryOperator, left, right, start: left.start, end: right.end };
    }
    return left;
  }

  function unary(): ExprNode {
    const tok = peek();
    if (tok && tok.t === "op" && (tok.op === "!" || tok.op === "-" || tok.op === "+")) {
      pos++;
      const next = peek();
      if (!next) throw new ExpressionError(`Missing operand after last operator '${tok.op}'.`, tok.start + 1);
      if (tok.op === "-" && next.t !== "number" && next.t !== "binding" && !(next.t === "paren" && next.open))
        throw new ExpressionError(
          "A numerical value is expected to follow the negative sign.",
          tok.start + 1,
        );
      const argument = unary();
      if (tok.op === "-" && argument.kind === "literal" && typeof argument.value === "number")
        return {
          kind: "literal",
          value: -argument.value,
          raw: "-" + argument.raw,
          start: tok.start,
          end: argument.end,
        };
      return { kind: "unary", op: tok.op, argument, start: tok.start, end: argument.end };
    }
    return primary();
  }

  function primary(): ExprNode {
    const tok = peek();
    if (!tok) throw new ExpressionError("Missing operand.", src.length + 1);
    pos++;
    switch (tok.t) {
      case "binding":
        return { kind: "binding", binding: tok.binding, raw: tok.raw, start: tok.start, end: tok.end };
      case "string":
      case "number":
      case "boolean":
        return { kind: "literal", value: tok.value, raw: tok.raw, start: tok.start, end: tok.end };
      case "paren": {
        if (!tok.open)
          throw new ExpressionError(
            "Missing opening parenthesis for the closing parenthesis.",
            tok.start + 1,
          );
        const next = peek();
        if (next && next.t === "paren" && !next.open)
          throw new ExpressionError("Found invalid empty parentheses.", tok.start + 1);
        if (!next) throw new ExpressionError("Missing closing parenthesis.", tok.start + 1);
        const inner = sequence();
        const close = peek();
        if (!close || close.t !== "paren" || close.open)
          throw new ExpressionError("Missing closing parenthesis.", tok.start + 1);
        pos++;
        return { ...inner, start: tok.start, end: close.end };
      }
      case "op":
        throw new ExpressionError(`Wrong positioning of operator '${tok.op}'.`, tok.start + 1);
    }
  }

  const node = sequence();
  const rest = peek();
  if (rest)
    throw new ExpressionError("Missing opening parenthesis for the closing parenthesis.", rest.start + 1);
  return node;
}
