import { randomUUID } from "node:crypto";

/**
 * Every simulator error answers in 8x8's documented body `{code, message, errorId, timestamp}` (8x8-api.md §1.3).
 * Codes 8x8 documents are used as documented (1002, 1200, 2000, 3060, 4018, 429). 8x8 documents no code for a
 * malformed body, an unknown flow or a state conflict, so the simulator uses its own: 1000, 4004 and 4009.
 */
export const SIM_CODES = {
  badRequest: 1000,
  invalidMsisdn: 1002,
  unauthenticated: 1200,
  internal: 2000,
  templateNameReuse: 3060,
  notFound: 4004,
  conflict: 4009,
  unknownMessage: 4018,
  rateLimited: 429,
} as const;

export class SimError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export function errorBody(code: number, message: string) {
  return { code, message, errorId: randomUUID(), timestamp: new Date().toISOString() };
}

export const badRequest = (message: string) => new SimError(400, SIM_CODES.badRequest, message);
export const notFound = (message: string) => new SimError(404, SIM_CODES.notFound, message);
export const conflict = (message: string) => new SimError(409, SIM_CODES.conflict, message);
export const unauthenticated = () =>
  new SimError(401, SIM_CODES.unauthenticated, "Request was not authenticated properly");
export const internalError = () => new SimError(500, SIM_CODES.internal, "Internal server error");
