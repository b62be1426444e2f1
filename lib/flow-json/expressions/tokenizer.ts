import { parseBinding, type Binding } from "./binding";
import { ExpressionError } from "./ast";

export type Token =
  | { t: "binding"; binding: Binding; raw: string; start: number; end: number }
  | { t: "string"; value: string; raw: string; start: number; end: number }
  | { t: "number"; value: number; raw: string; start: number; end: number }
  | { t: "boolean"; value: boolean; raw: string; start: number; end: number }
  | { t: "op"; op: string; raw: string; start: number; end: number }
  | { t: "paren"; open: boolean; raw: string; start: number; end: number };

const TWO_CHAR_OPS = new Set(["==", "!=", "<=", ">=", "&&", "||"]);
const ONE_CHAR_OPS = new Set(["<", ">", "!", "+", "-", "*", "/", "%"]);

/** Splits an expression (If condition or the inside of a backtick expression) into tokens; throws ExpressionError. */
export function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (c === " " || c === "\t" || c === "\n" || c === "\r") {
      i++;
      continue;
    }
    const start = i;
    if (c === "$" && src[i + 1] === "{") {
      const close = src.indexOf("}", i);
      if (close < 0) throw new ExpressionError(`Invalid operand format '${src.slice(i)}'.`, i + 1);
      const raw = src.slice(i, close + 1);
      const binding = parseBinding(raw);
      if (!binding) throw new ExpressionError(`Invalid operand format '${raw}'.`, i + 1);
      tokens.push({ t: "binding", binding, raw, start, end: close + 1 });
      i = close + 1;
    } else if (c === "'") {
      let value = "";
      i++;
      let closed = false;
      while (i < src.length) {
        const ch = src[i]!;
        if (ch === "\\") {
          // jsep escapes with one backslash; pywa writes two before a quote. Accept both.
          let j = i;
          while (src[j] === "\\") j++;
          const next = src[j];
          if (next === "'" || next === "`") {
            value += next;
            i = j + 1;
          } else {
            value += next ?? "";
            i = j + 1;
          }
          continue;
        }
        if (ch === "'") {
          closed = true;
          i++;
          break;
        }
        value += ch;
        i++;
      }
      if (!closed) throw new ExpressionError("Missing closing quote for string.", start + 1);
      tokens.push({ t: "string", value, raw: src.slice(start, i), start, end: i });
    } else if (c >= "0" && c <= "9") {
      const m = /^\d+(\.\d+)?/.exec(src.slice(i))!;
      const raw = m[0];
      if (raw.length > 1 && raw[0] === "0" && raw[1] !== ".")
        throw new ExpressionError("Number cannot not have leading zeroes.", i + 1);
      tokens.push({ t: "number", value: Number(raw), raw, start, end: i + raw.length });
      i += raw.length;
    } else if (/[A-Za-z_]/.test(c)) {
      const raw = /^[A-Za-z_][\w.]*/.exec(src.slice(i))![0];
      if (raw === "true" || raw === "false")
        tokens.push({ t: "boolean", value: raw === "true", raw, start, end: i + raw.length });
      else throw new ExpressionError(`Invalid literal '${raw}'.`, i + 1);
      i += raw.length;
    } else if (c === "(" || c === ")") {
      tokens.push({ t: "paren", open: c === "(", raw: c, start, end: i + 1 });
      i++;
    } else {
      const two = src.slice(i, i + 2);
      if (TWO_CHAR_OPS.has(two)) {
        tokens.push({ t: "op", op: two, raw: two, start, end: i + 2 });
        i += 2;
      } else if (ONE_CHAR_OPS.has(c)) {
        tokens.push({ t: "op", op: c, raw: c, start, end: i + 1 });
        i++;
      } else if (c === "=" || c === "&" || c === "|") {
        throw new ExpressionError(`Invalid operator '${c}'.`, i + 1);
      } else {
        throw new ExpressionError(`Unexpected character '${c}'.`, i + 1);
      }
    }
  }
  return tokens;
}
