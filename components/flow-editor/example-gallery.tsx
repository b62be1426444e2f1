"use client";
import { BookOpen } from "lucide-react";
import { useState } from "react";
import { FlowThumbnail } from "@/components/preview";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";

export type GalleryExample = {
  slug: string;
  title: string;
  description: string;
  origin: string;
  version: string;
  screens: number;
  retired: boolean;
  flowJson: string;
};

/** The corpus examples with a live thumbnail of their first screen; choosing one fills the editor. */
export function ExampleGallery({
  examples,
  onChoose,
}: {
  examples: GalleryExample[];
  onChoose: (example: GalleryExample) => void;
}) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="secondary">
          <BookOpen aria-hidden className="size-4" /> Start from an example
        </Button>
      </DialogTrigger>
      <DialogContent
        title="Start from an example"
        description="Examples from the 8x8 documentation and Meta's Flow JSON samples. The text goes into the editor; change it before saving."
        className="max-h-[90vh] max-w-[min(1200px,calc(100vw-2rem))] overflow-y-auto"
      >
        <ul className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3" aria-label="Examples">
          {examples.map((example) => (
            <li key={example.slug}>
              <button
                type="button"
                onClick={() => {
                  onChoose(example);
                  setOpen(false);
                }}
                className="hover:border-brand-500 focus:ring-brand-500/40 flex h-full w-full gap-3 rounded-lg border border-slate-200 p-3 text-left hover:bg-slate-50 focus:ring-2 focus:outline-none"
              >
                <FlowThumbnail flowJson={example.flowJson} scale={0.25} />
                <span className="flex min-w-0 flex-1 flex-col gap-1">
                  <span className="font-medium text-slate-900">{example.title}</span>
                  <span className="flex flex-wrap gap-1">
                    <Badge
                      tone={example.retired ? "amber" : "neutral"}
                      title={example.retired ? "Versions below 5.1 can no longer be published" : undefined}
                    >
                      v{example.version}
                      {example.retired ? " · retired" : ""}
                    </Badge>
                    <Badge>
                      {example.screens} {example.screens === 1 ? "screen" : "screens"}
                    </Badge>
                  </span>
                  <span className="line-clamp-3 text-xs text-slate-600">{example.description}</span>
                  <span className="mt-auto text-[11px] text-slate-500">{example.origin}</span>
                </span>
              </button>
            </li>
          ))}
        </ul>
      </DialogContent>
    </Dialog>
  );
}
