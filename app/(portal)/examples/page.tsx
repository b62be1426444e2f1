import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/card";
import { ExampleCard } from "@/components/preview/example-card";
import { requirePageUser } from "@/lib/auth";
import { listExamples, type FlowExample } from "@/lib/examples";

export const metadata: Metadata = { title: "Examples" };

const SECTIONS: { title: string; description: string; filter: (example: FlowExample) => boolean }[] = [
  {
    title: "Publishable",
    description: "Flow JSON 5.1 or later that the validator accepts.",
    filter: (e) => e.valid && !e.retired,
  },
  {
    title: "Older versions",
    description:
      "Valid by the rules of their own version, but Meta no longer publishes Flow JSON below 5.1: upgrade the version to use them.",
    filter: (e) => e.valid && e.retired,
  },
  {
    title: "Invalid under Meta's rules",
    description: "Kept to show what the validator catches; they still render in the preview.",
    filter: (e) => !e.valid,
  },
];

export default async function ExamplesPage() {
  await requirePageUser("flows.preview", "/examples");
  const examples = listExamples();
  return (
    <>
      <PageHeader
        title="Flow examples"
        description={`${examples.length} WhatsApp Flows from 8x8's and Meta's documentation and well-known libraries. Open one to run it screen by screen in the preview.`}
      />
      <div className="flex flex-col gap-10">
        {SECTIONS.map((section, index) => {
          const items = examples.filter(section.filter);
          if (items.length === 0) return null;
          return (
            <section key={section.title} aria-labelledby={`examples-${index}`}>
              <h2 id={`examples-${index}`} className="text-lg font-semibold text-slate-900">
                {section.title} <span className="font-normal text-slate-500">({items.length})</span>
              </h2>
              <p className="mb-4 text-sm text-slate-600">{section.description}</p>
              <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
                {items.map((example) => (
                  <ExampleCard
                    key={example.slug}
                    example={example}
                    href={`/examples/${encodeURIComponent(example.slug)}`}
                  />
                ))}
              </div>
            </section>
          );
        })}
      </div>
    </>
  );
}
