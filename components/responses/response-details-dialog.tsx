"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { NativeSelect } from "@/components/ui/input";
import { assignResponseAction } from "@/lib/actions/responses";
import type { ResponseRow } from "@/lib/responses";

export const attributionLabels: Record<ResponseRow["attribution"], string> = {
  TOKEN: "Signed flow_token",
  SEND_LOG: "Send log",
  MANUAL: "Assigned by hand",
  UNATTRIBUTED: "Unattributed",
};

type Props = {
  row: ResponseRow | null;
  onClose: () => void;
  assignableFlows: { id: string; name: string }[] | null;
};

/** Every key and value of one submission (arrays in full), with its flow_token, umid and attribution. */
export function ResponseDetailsDialog({ row, onClose, assignableFlows }: Props) {
  return (
    <Dialog open={row !== null} onOpenChange={(open) => (open ? undefined : onClose())}>
      {row ? (
        <DialogContent
          title="Response details"
          description={`Submitted ${new Date(row.submittedAt).toUTCString()}`}
          className="max-w-2xl"
        >
          <div className="max-h-[65vh] space-y-4 overflow-y-auto pr-1">
            <dl className="grid grid-cols-[minmax(120px,35%)_1fr] gap-x-4 gap-y-2 text-sm">
              <dt className="font-medium text-slate-600">Phone Number</dt>
              <dd className="font-mono text-slate-900">{row.phone}</dd>
              {row.details.map((entry) => (
                <div key={entry.key} className="contents">
                  <dt className="font-medium text-slate-600">
                    {entry.label}
                    {entry.label !== entry.key ? (
                      <span className="block font-mono text-xs font-normal text-slate-400">{entry.key}</span>
                    ) : null}
                  </dt>
                  <dd className="break-words whitespace-pre-wrap text-slate-900">
                    {entry.items ? (
                      <ul className="list-disc pl-4">
                        {entry.items.map((item, index) => (
                          <li key={index}>{item}</li>
                        ))}
                      </ul>
                    ) : entry.value === "" ? (
                      <span className="text-slate-400">(empty)</span>
                    ) : (
                      entry.value
                    )}
                  </dd>
                </div>
              ))}
            </dl>
            <dl className="grid grid-cols-[minmax(120px,35%)_1fr] gap-x-4 gap-y-2 border-t border-slate-200 pt-3 text-sm">
              <dt className="font-medium text-slate-600">Attribution</dt>
              <dd className="flex flex-wrap items-center gap-2">
                <Badge tone={row.attribution === "UNATTRIBUTED" ? "amber" : "green"}>
                  {attributionLabels[row.attribution]}
                </Badge>
                {row.tokenForged ? <Badge tone="red">Forged flow_token</Badge> : null}
              </dd>
              <dt className="font-medium text-slate-600">Flow token</dt>
              <dd className="font-mono text-xs break-all text-slate-900">{row.flowToken ?? "(none)"}</dd>
              <dt className="font-medium text-slate-600">Message ID (umid)</dt>
              <dd className="font-mono text-xs break-all text-slate-900">{row.umid}</dd>
              <dt className="font-medium text-slate-600">Channel</dt>
              <dd className="font-mono text-xs text-slate-900">
                {row.channelExternalId ?? "(not in the payload)"}
              </dd>
            </dl>
            {assignableFlows && row.attribution === "UNATTRIBUTED" ? (
              <AssignToFlow responseId={row.id} flows={assignableFlows} onDone={onClose} />
            ) : null}
          </div>
        </DialogContent>
      ) : null}
    </Dialog>
  );
}

function AssignToFlow({
  responseId,
  flows,
  onDone,
}: {
  responseId: string;
  flows: { id: string; name: string }[];
  onDone: () => void;
}) {
  const router = useRouter();
  const [flowId, setFlowId] = useState("");
  const [pending, startTransition] = useTransition();
  function assign() {
    startTransition(async () => {
      const result = await assignResponseAction({ responseId, flowId });
      if (!result.ok) {
        toast.error(result.error.message);
        return;
      }
      toast.success(`Assigned to ${result.data.flowName}.`);
      onDone();
      router.refresh();
    });
  }
  return (
    <div className="rounded-md border border-slate-200 bg-slate-50 p-3">
      <label htmlFor="assign-flow" className="block text-sm font-medium text-slate-700">
        Assign to a flow
      </label>
      <div className="mt-2 flex gap-2">
        <NativeSelect
          id="assign-flow"
          value={flowId}
          onChange={(event) => setFlowId(event.target.value)}
          className="flex-1"
        >
          <option value="">Choose a flow…</option>
          {flows.map((flow) => (
            <option key={flow.id} value={flow.id}>
              {flow.name}
            </option>
          ))}
        </NativeSelect>
        <Button type="button" onClick={assign} disabled={!flowId || pending}>
          {pending ? "Assigning…" : "Assign"}
        </Button>
      </div>
      <p className="mt-1 text-xs text-slate-500">
        Recorded as assigned by hand, with your name, in the audit log.
      </p>
    </div>
  );
}
