"use client";
import { useRouter } from "next/navigation";
import { NativeSelect } from "@/components/ui/input";
import type { FlowWithResponses } from "@/lib/responses";

/** Switches /responses between flows (and the unattributed bucket); the choice lives in the URL. */
export function FlowPicker({
  flows,
  unattributed,
  selected,
}: {
  flows: FlowWithResponses[];
  unattributed: number;
  selected: string | null;
}) {
  const router = useRouter();
  return (
    <label className="flex items-center gap-2 text-sm font-medium text-slate-700">
      Flow
      <NativeSelect
        aria-label="Flow"
        value={selected ?? ""}
        onChange={(event) =>
          router.push(
            event.target.value ? `/responses?flowId=${encodeURIComponent(event.target.value)}` : "/responses",
          )
        }
        className="w-72"
      >
        <option value="">Choose a flow…</option>
        {flows.map((flow) => (
          <option key={flow.id} value={flow.id}>
            {flow.name} ({flow.responses}) · {flow.channelName}
          </option>
        ))}
        <option value="unattributed">Unattributed ({unattributed})</option>
      </NativeSelect>
    </label>
  );
}
