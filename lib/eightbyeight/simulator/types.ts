/** What the route hands the simulator: the HTTP request, already split. */
export type SimRequest = {
  method: string;
  /** Path segments after /api/sim/8x8. */
  segments: string[];
  query: URLSearchParams;
  authorization: string | null;
  /** Absolute URL of the simulator (`<app>/api/sim/8x8`), for the URLs it hands out. */
  publicBase: string;
  json: () => Promise<unknown>;
  formData: () => Promise<FormData>;
};

export type SimResponse = {
  status: number;
  json?: unknown;
  body?: string | Uint8Array;
  contentType?: string;
  headers?: Record<string, string>;
};

/** Request and answer shapes follow the path style: A (reference pages) or B (the Flows API guide), 8x8-api.md §2.1. */
export type PathStyle = "A" | "B";
