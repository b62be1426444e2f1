import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import type { FlowExample } from "@/lib/examples";
import { entryScreenOnly, toFlowObject } from "@/lib/preview";
import { FlowThumbnail } from "./flow-thumbnail";

/** A gallery card: the first screen on a small phone, name, version, screen count, origin and status badges. */
export function ExampleCard({ example, href }: { example: FlowExample; href: string }) {
  // Only the first screen travels to the browser for the thumbnail.
  const thumbnail = entryScreenOnly(toFlowObject(example.flowJson).flow);
  return (
    <Link
      href={href}
      data-testid="example-card"
      data-slug={example.slug}
      className="group flex gap-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm transition hover:border-emerald-400 hover:shadow-md focus-visible:outline-2 focus-visible:outline-emerald-600"
    >
      <div className="rounded-2xl bg-slate-100 p-1.5">
        <FlowThumbnail flowJson={thumbnail} scale={0.36} />
      </div>
      <div className="flex min-w-0 flex-1 flex-col gap-2">
        <h3 className="font-semibold text-slate-900 group-hover:text-emerald-800">{example.title}</h3>
        <div className="flex flex-wrap gap-1.5">
          <Badge tone="blue">Flow JSON {example.version}</Badge>
          <Badge>
            {example.screens} {example.screens === 1 ? "screen" : "screens"}
          </Badge>
          {example.hasEndpoint && <Badge tone="violet">Endpoint</Badge>}
          {example.retired && (
            <Badge tone="amber" title="Meta no longer publishes Flow JSON below 5.1">
              Retired version
            </Badge>
          )}
          {!example.valid && (
            <Badge tone="red" title={example.problems.join("\n")}>
              Invalid
            </Badge>
          )}
        </div>
        <p className="line-clamp-3 text-sm text-slate-600">{example.description}</p>
        <p className="mt-auto text-xs text-slate-500">
          <span className="font-medium text-slate-600">{example.origin.label}</span>
          {example.origin.detail && (
            <span className="block truncate" title={example.origin.detail}>
              {example.origin.detail}
            </span>
          )}
        </p>
      </div>
    </Link>
  );
}
