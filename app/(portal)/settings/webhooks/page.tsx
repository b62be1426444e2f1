import type { Metadata } from "next";
import { DeliveryLog } from "@/components/webhooks/delivery-log";
import { Button } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { NativeSelect } from "@/components/ui/input";
import { requirePageUser } from "@/lib/auth";
import { getEnv } from "@/lib/env";
import {
  DELIVERY_LOG_LIMIT,
  DELIVERY_RESULTS,
  deliveryLogFiltersSchema,
  listDeliveries,
  WEBHOOK_EVENT_TYPES,
} from "@/lib/responses";

export const metadata: Metadata = { title: "Webhook log" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const resultLabels = {
  PENDING: "Pending",
  PROCESSED: "Processed",
  DUPLICATE: "Duplicate",
  DEAD_LETTER: "Dead letter",
  FAILED: "Failed",
} as const;

export default async function WebhookLogPage({ searchParams }: Props) {
  await requirePageUser("webhooks.read", "/settings/webhooks");
  const filters = deliveryLogFiltersSchema.parse(await searchParams);
  const deliveries = await listDeliveries(filters);
  const base = getEnv().NEXTAUTH_URL ?? "https://<your-flowport-host>";
  return (
    <>
      <PageHeader
        title="Webhook log"
        description={
          <>
            Every delivery from 8x8 is stored before we answer, then processed. Give 8x8 the address{" "}
            <code className="rounded bg-slate-100 px-1 text-xs">{`${base}/api/webhooks/8x8?token=<WEBHOOK_TOKEN>`}</code>{" "}
            with the event type{" "}
            <code className="rounded bg-slate-100 px-1 text-xs">inbound_message_received</code> selected
            (required for Flow submissions).
          </>
        }
      />
      <Card className="mb-4 p-4">
        <form method="get" className="flex flex-wrap items-end gap-3" aria-label="Filter deliveries">
          <label className="text-sm font-medium text-slate-700">
            Type
            <NativeSelect name="type" defaultValue={filters.type ?? ""} className="mt-1 w-64">
              <option value="">All types</option>
              {WEBHOOK_EVENT_TYPES.map((type) => (
                <option key={type} value={type}>
                  {type}
                </option>
              ))}
              <option value="unknown">Unknown or unreadable</option>
            </NativeSelect>
          </label>
          <label className="text-sm font-medium text-slate-700">
            Result
            <NativeSelect name="result" defaultValue={filters.result ?? ""} className="mt-1 w-44">
              <option value="">All results</option>
              {DELIVERY_RESULTS.map((result) => (
                <option key={result} value={result}>
                  {resultLabels[result]}
                </option>
              ))}
            </NativeSelect>
          </label>
          <Button type="submit">Apply</Button>
          <p className="ml-auto text-xs text-slate-500">The latest {DELIVERY_LOG_LIMIT} deliveries.</p>
        </form>
      </Card>
      <DeliveryLog deliveries={deliveries} />
    </>
  );
}
