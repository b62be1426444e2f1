"use client";
import { useQuery } from "@tanstack/react-query";
import { FlowPreview } from "@/components/preview";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { Notice } from "@/components/ui/card";
import { flowForPreviewAction } from "@/lib/actions/templates";

export type FlowToPreview = { flowId: string; name: string; startScreen: string | undefined };

/** What the customer sees after tapping the Flow button: the flow in the preview renderer, at its screen. */
export function FlowPreviewDialog({ flow, onClose }: { flow: FlowToPreview | null; onClose: () => void }) {
  const query = useQuery({
    queryKey: ["templates", "flow-preview", flow?.flowId],
    enabled: flow !== null,
    staleTime: 60_000,
    queryFn: async () => {
      const result = await flowForPreviewAction({ flowId: flow!.flowId });
      if (!result.ok) throw new Error(result.error.message);
      return result.data;
    },
  });
  return (
    <Dialog open={flow !== null} onOpenChange={(open) => !open && onClose()}>
      <DialogContent
        title={flow ? `“${flow.name}” as the Flow button opens it` : "Flow preview"}
        description={
          flow?.startScreen ? `Opens on screen ${flow.startScreen}.` : "Opens on the flow's first screen."
        }
        className="max-w-md"
      >
        {query.isPending ? (
          <p className="py-10 text-center text-sm text-slate-500">Loading the flow…</p>
        ) : null}
        {query.isError ? <Notice tone="error">{query.error.message}</Notice> : null}
        {query.data && !query.data.flowJson ? (
          <Notice tone="warning">
            Flowport has no Flow JSON for this flow yet; sync the flows to fetch it.
          </Notice>
        ) : null}
        {query.data?.flowJson ? (
          <div className="flex justify-center" data-testid="flow-button-preview">
            <FlowPreview
              key={`${flow?.flowId}:${flow?.startScreen ?? ""}`}
              flowJson={query.data.flowJson}
              startScreen={flow?.startScreen}
              showPanels={false}
            />
          </div>
        ) : null}
      </DialogContent>
    </Dialog>
  );
}
