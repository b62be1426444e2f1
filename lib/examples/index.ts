import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { validateFlowJson, versionNumber } from "@/lib/flow-json";

// The Flow JSON examples shipped in lib/examples/corpus (copied from ../shared/corpus, origins in each
// folder's README), for the Examples gallery and the "start from an example" choice. Server/Node only (reads files).

export type ExampleCollection = "seed-examples" | "meta-examples";

export type ExampleOrigin = {
  /** Who wrote it, e.g. "pywa test fixtures (david-lev/pywa)". */
  label: string;
  /** Where exactly, from the corpus README, e.g. "tests/data/flows/2_1/examples.json key book_a_table". */
  detail: string;
};

export type FlowExample = {
  /** The file name without `.json`; stable, URL-safe. */
  slug: string;
  title: string;
  description: string;
  origin: ExampleOrigin;
  collection: ExampleCollection;
  /** The document's `version` ("?" when it has none). */
  version: string;
  screens: number;
  /** Component types used, in first-use order (containers and Footer left out). */
  components: string[];
  /** Uses `data_api_version`, `data_exchange` or the old `data_channel_uri`. */
  hasEndpoint: boolean;
  /** Version below 5.1: Meta no longer publishes it (the validator's UNSUPPORTED_FLOW_JSON_VERSION). */
  retired: boolean;
  /** The validator finds no error other than the retired version (the corpus README's rule). */
  valid: boolean;
  /** The validator's errors, retired version included, as "CODE at path: message". */
  problems: string[];
  /** The file's text, exactly as stored (2-space indented). */
  flowJson: string;
};

const COLLECTIONS: ExampleCollection[] = ["seed-examples", "meta-examples"];
const CORPUS_DIR = path.join(process.cwd(), "lib", "examples", "corpus");
const RETIRED_CODE = "UNSUPPORTED_FLOW_JSON_VERSION";
const NOT_DRAWN = new Set(["SingleColumnLayout", "Form", "If", "Switch", "Footer"]);

const ORIGIN_BY_PREFIX: { prefix: string; label: string }[] = [
  { prefix: "pywa-", label: "pywa test fixtures (david-lev/pywa)" },
  { prefix: "wft-", label: "Meta's WhatsApp-Flows-Tools repository" },
  { prefix: "metadocs-", label: "Meta's Flow JSON reference (docs sample)" },
];

const SEED_SOURCES: Record<string, string> = {
  REF: "8x8 Chat Apps API and Flows reference",
  TECH: "Messenjo technical overview (third-party article)",
  PARTNER: "360dialog partner guide",
};

let cache: FlowExample[] | undefined;

/** Every Flow JSON example of the corpus, seed examples first, then by file name. */
export function listExamples(): FlowExample[] {
  cache ??= COLLECTIONS.flatMap(loadCollection);
  return cache;
}

export function getExample(slug: string): FlowExample | null {
  return listExamples().find((example) => example.slug === slug) ?? null;
}

type ReadmeRow = { cells: string[] };

function loadCollection(collection: ExampleCollection): FlowExample[] {
  const dir = path.join(CORPUS_DIR, collection);
  const rows = readmeRows(readFileSync(path.join(dir, "README.md"), "utf8"));
  return readdirSync(dir)
    .filter((name) => name.endsWith(".json") && !name.includes("snippets"))
    .sort()
    .map((name) => toExample(collection, name, readFileSync(path.join(dir, name), "utf8"), rows.get(name)));
}

/** README table rows keyed by the file in their first cell (the first table that names a file wins). */
function readmeRows(readme: string): Map<string, ReadmeRow> {
  const rows = new Map<string, ReadmeRow>();
  for (const line of readme.split("\n")) {
    const match = /^\|\s*`([^`]+\.json)`\s*\|(.*)\|\s*$/.exec(line);
    if (!match?.[1] || rows.has(match[1])) continue;
    rows.set(match[1], { cells: (match[2] ?? "").split("|").map((cell) => cell.trim()) });
  }
  return rows;
}

function toExample(
  collection: ExampleCollection,
  file: string,
  flowJson: string,
  row: ReadmeRow | undefined,
): FlowExample {
  const slug = file.replace(/\.json$/, "");
  const flow = parseObject(flowJson);
  const version = typeof flow.version === "string" ? flow.version : "?";
  const screens = Array.isArray(flow.screens) ? flow.screens : [];
  const result = validateFlowJson(flowJson);
  const problems = result.errors.map(
    (error) => `${error.error} at ${error.pointers[0]?.path ?? "(document)"}: ${error.message}`,
  );
  const components = componentTypes(screens);
  const readme = readmeFields(collection, slug, row);
  return {
    slug,
    title: readme.title,
    description:
      readme.description ??
      (components.length > 0 ? `Uses ${components.join(", ")}.` : "A Flow with text only."),
    origin: readme.origin,
    collection,
    version,
    screens: screens.length,
    components,
    hasEndpoint:
      "data_api_version" in flow || "data_channel_uri" in flow || flowJson.includes('"data_exchange"'),
    retired: versionNumber(version) < versionNumber("5.1"),
    valid: result.errors.every((error) => error.error === RETIRED_CODE),
    problems,
    flowJson,
  };
}

function readmeFields(collection: ExampleCollection, slug: string, row: ReadmeRow | undefined) {
  const cells = row?.cells ?? [];
  if (collection === "seed-examples") {
    // Columns: Source (section) | Location | Flow name / categories | version | …
    const [source = "", , flowName = ""] = cells;
    const abbreviation = /^(REF|TECH|PARTNER)\b\s*›?\s*/.exec(source);
    const named = /^"([^"]+)"/.exec(flowName)?.[1];
    return {
      title: named ?? humanize(slug),
      description: undefined,
      origin: {
        label: (abbreviation?.[1] && SEED_SOURCES[abbreviation[1]]) || "Seed documents",
        detail: plain(abbreviation ? source.slice(abbreviation[0].length) : source),
      },
    };
  }
  // Columns: Source | ver | api | Screens | Components | Actions | EP | Notes
  const [source = "", , , , , , , notes = ""] = cells;
  const label =
    ORIGIN_BY_PREFIX.find((origin) => slug.startsWith(origin.prefix))?.label ?? "Meta and library examples";
  return {
    title: humanize(slug.replace(/^[a-z]+-\d+\.\d+-/, "")),
    description: plain(notes) || undefined,
    origin: { label, detail: plain(source) },
  };
}

function componentTypes(screens: unknown[]): string[] {
  const seen = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== "object" || node === null) return;
    const record = node as Record<string, unknown>;
    if (typeof record.type === "string" && /^[A-Z]/.test(record.type) && !NOT_DRAWN.has(record.type))
      seen.add(record.type);
    for (const [key, value] of Object.entries(record)) if (key !== "data") visit(value);
  };
  visit(screens);
  return [...seen];
}

function parseObject(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  } catch {
    // The validator reports the parse error in `problems`.
    return {};
  }
}

function humanize(name: string): string {
  const words = name.replace(/[-_]+/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Markdown table text as plain text: no backticks, emphasis or link syntax. */
function plain(markdown: string): string {
  return markdown
    .replace(/\[([^\]]+)\]\([^)]+\)/g, "$1")
    .replace(/[`*]/g, "")
    .replace(/\s+/g, " ")
    .trim();
}
