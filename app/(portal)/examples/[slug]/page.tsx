import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArrowLeft } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Notice } from "@/components/ui/card";
import { LiveFlowPreview } from "@/components/preview";
import { PreviewBench } from "@/components/preview/preview-bench";
import { requirePageUser } from "@/lib/auth";
import { getExample } from "@/lib/examples";
import { validateFlowJson } from "@/lib/flow-json";

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const example = getExample(decodeURIComponent((await params).slug));
  return { title: example ? `${example.title} · Examples` : "Example not found" };
}

export default async function ExamplePage({ params, searchParams }: Props) {
  const slug = decodeURIComponent((await params).slug);
  await requirePageUser("flows.preview", `/examples/${encodeURIComponent(slug)}`);
  const example = getExample(slug);
  if (!example) notFound();
  // ?bench=1: only the phone, driven by scripts/bench/preview.ts (not linked anywhere).
  if ((await searchParams).bench === "1") return <PreviewBench initialFlowJson={example.flowJson} />;

  const result = validateFlowJson(example.flowJson);
  return (
    <div className="flex flex-col gap-5">
      <div>
        <Link
          href="/examples"
          className="mb-1 inline-flex items-center gap-1 text-sm text-slate-600 hover:text-slate-900"
        >
          <ArrowLeft aria-hidden className="size-4" /> All examples
        </Link>
        <div className="flex flex-wrap items-center gap-2">
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{example.title}</h1>
          <Badge tone="blue">Flow JSON {example.version}</Badge>
          <Badge>
            {example.screens} {example.screens === 1 ? "screen" : "screens"}
          </Badge>
          {example.hasEndpoint && <Badge tone="violet">Endpoint</Badge>}
          {example.retired && <Badge tone="amber">Retired version</Badge>}
          {!example.valid && <Badge tone="red">Invalid</Badge>}
        </div>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">{example.description}</p>
        <p className="mt-1 text-xs text-slate-500">
          From {example.origin.label}
          {example.origin.detail ? ` · ${example.origin.detail}` : ""}
        </p>
      </div>
      {example.problems.length > 0 && (
        <Notice tone={example.valid ? "warning" : "error"}>
          <p className="font-medium">
            {example.valid
              ? "This version can no longer be published; everything else is valid and runs as written."
              : "The validator rejects this Flow. It still runs here, so you can see what a customer would meet."}
          </p>
          <ul className="mt-1 list-disc pl-5 text-xs">
            {example.problems.map((problem) => (
              <li key={problem} className="break-words">
                {problem}
              </li>
            ))}
          </ul>
        </Notice>
      )}
      <LiveFlowPreview
        flowJson={example.flowJson}
        flowToken={`example-${example.slug}`}
        validation={{ errors: result.errors, warnings: result.warnings }}
        liveEndpoint={null}
        liveEndpointUnavailableReason="Examples have no endpoint URI, so there is nothing to call live: answer each request by hand (prefilled from the next screen's example data). Live calls work on a flow with an endpoint."
      />
    </div>
  );
}
