"use client";
import { useQuery } from "@tanstack/react-query";
import { timeAgo } from "@/components/ui/format-date";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, EmptyState } from "@/components/ui/card";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { Table, Td, Th } from "@/components/ui/table";
import { reprocessDeliveryAction } from "@/lib/actions/responses";
import type { DeliverySummary } from "@/lib/responses";

const resultTones: Record<DeliverySummary["result"], BadgeTone> = {
  PENDING: "blue",
  PROCESSED: "green",
  DUPLICATE: "neutral",
  DEAD_LETTER: "red",
  FAILED: "amber",
};
const resultLabels: Record<DeliverySummary["result"], string> = {
  PENDING: "Pending",
  PROCESSED: "Processed",
  DUPLICATE: "Duplicate",
  DEAD_LETTER: "Dead letter",
  FAILED: "Failed",
};

export const deliveryQueryKeys = { body: (id: string) => ["webhook-delivery", id, "body"] as const };

/** Recent deliveries: when, what, how it ended, how long it took; dead letters open and re-process. */
export function DeliveryLog({ deliveries }: { deliveries: DeliverySummary[] }) {
  const [viewing, setViewing] = useState<DeliverySummary | null>(null);
  if (deliveries.length === 0) {
    return (
      <EmptyState title="No deliveries match">
        Deliveries appear here as soon as 8x8 posts to the webhook address.
      </EmptyState>
    );
  }
  return (
    <Card>
      <Table aria-label="Webhook deliveries">
        <thead>
          <tr>
            <Th>Received</Th>
            <Th>Type</Th>
            <Th>Result</Th>
            <Th title="Our answer to 8x8 and the time until the delivery was stored">Answer</Th>
            <Th>Processing</Th>
            <Th>Details</Th>
            <Th className="text-right">Actions</Th>
          </tr>
        </thead>
        <tbody>
          {deliveries.map((delivery) => (
            <tr key={delivery.id} data-testid="delivery-row">
              <Td className="whitespace-nowrap" title={delivery.receivedAt}>
                {timeAgo(new Date(delivery.receivedAt))}
              </Td>
              <Td className="font-mono text-xs">{delivery.eventType ?? "—"}</Td>
              <Td>
                <Badge tone={resultTones[delivery.result]}>{resultLabels[delivery.result]}</Badge>
              </Td>
              <Td className="text-xs whitespace-nowrap text-slate-600">200 · {delivery.ackMs} ms</Td>
              <Td className="text-xs whitespace-nowrap text-slate-600">
                {delivery.processingMs === null ? "—" : `${delivery.processingMs} ms`}
                {delivery.attempts > 1 ? ` · ${delivery.attempts} attempts` : ""}
              </Td>
              <Td className="max-w-md text-xs">
                {delivery.error ? (
                  <span className="text-red-700">{delivery.error}</span>
                ) : (
                  <span className="text-slate-600">{delivery.outcome}</span>
                )}
              </Td>
              <Td className="text-right whitespace-nowrap">
                <Button variant="ghost" size="sm" onClick={() => setViewing(delivery)}>
                  View
                </Button>
                {delivery.result === "DEAD_LETTER" || delivery.result === "FAILED" ? (
                  <ReprocessButton deliveryId={delivery.id} />
                ) : null}
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
      <Dialog open={viewing !== null} onOpenChange={(open) => (open ? undefined : setViewing(null))}>
        {viewing ? (
          <DialogContent
            title="Webhook delivery"
            description={`${viewing.eventType ?? "Unknown event"} · received ${viewing.receivedAt}`}
            className="max-w-3xl"
          >
            <DeliveryBody delivery={viewing} />
          </DialogContent>
        ) : null}
      </Dialog>
    </Card>
  );
}

function DeliveryBody({ delivery }: { delivery: DeliverySummary }) {
  const query = useQuery({
    queryKey: deliveryQueryKeys.body(delivery.id),
    queryFn: async () => {
      const response = await fetch(`/api/webhooks/deliveries/${delivery.id}`);
      const json = await response.json();
      if (!response.ok) throw new Error(json?.error?.message ?? "The delivery could not be loaded.");
      return json as { headers: Record<string, string>; body: string; bytes: number };
    },
  });
  if (query.isPending) return <p className="text-sm text-slate-600">Loading…</p>;
  if (query.isError) return <p className="text-sm text-red-700">{query.error.message}</p>;
  let pretty = query.data.body;
  try {
    pretty = JSON.stringify(JSON.parse(query.data.body), null, 2);
  } catch {
    // Not JSON (that is why it is a dead letter): show it exactly as received.
  }
  return (
    <div className="space-y-3">
      {delivery.error ? (
        <p className="rounded bg-red-50 px-3 py-2 text-sm text-red-800">{delivery.error}</p>
      ) : null}
      <p className="text-xs text-slate-500">{query.data.bytes} bytes, as received</p>
      <pre
        className="max-h-[50vh] overflow-auto rounded bg-slate-900 p-3 font-mono text-xs break-all whitespace-pre-wrap text-slate-100"
        data-testid="delivery-body"
      >
        {pretty}
      </pre>
      <details className="text-xs text-slate-600">
        <summary className="cursor-pointer">Headers (credentials removed)</summary>
        <pre className="mt-2 overflow-auto rounded bg-slate-50 p-2">
          {JSON.stringify(query.data.headers, null, 2)}
        </pre>
      </details>
      {delivery.result === "DEAD_LETTER" || delivery.result === "FAILED" ? (
        <ReprocessButton deliveryId={delivery.id} />
      ) : null}
    </div>
  );
}

function ReprocessButton({ deliveryId }: { deliveryId: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <Button
      variant="secondary"
      size="sm"
      disabled={pending}
      onClick={() =>
        startTransition(async () => {
          const result = await reprocessDeliveryAction({ deliveryId });
          if (!result.ok) toast.error(result.error.message);
          else if (result.data.result === "PROCESSED" || result.data.result === "DUPLICATE")
            toast.success("Re-processed successfully.");
          else
            toast.warning(
              `Re-processed: still ${result.data.result === "DEAD_LETTER" ? "a dead letter" : result.data.result.toLowerCase()}.`,
            );
          router.refresh();
        })
      }
    >
      {pending ? "Re-processing…" : "Re-process"}
    </Button>
  );
}
