import { timeAgo } from "@/components/ui/format-date";
import Link from "next/link";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import type { SendLog } from "@/lib/sending/server";

const statusTones: Record<string, BadgeTone> = {
  queued: "neutral",
  sent: "blue",
  delivered: "green",
  read: "green",
  undelivered: "red",
  failed: "red",
};

/** Who sent what to whom, with 8x8's status as webhooks report it, and whether the flow was answered. */
export function SendLogTable({ log, show }: { log: SendLog; show: "flow" | "template" }) {
  if (log.total === 0) {
    return <p className="text-sm text-slate-500">Nothing sent yet.</p>;
  }
  const rate = Math.round((log.responded / log.total) * 100);
  return (
    <div className="space-y-2">
      <p className="text-sm text-slate-600" data-testid="send-log-summary">
        {log.total} sent · {log.responded} answered ({rate}% completion)
        {log.total > log.rows.length ? ` · showing the latest ${log.rows.length}` : ""}
      </p>
      <Card>
        <Table aria-label="Send log">
          <thead>
            <tr>
              <Th>When</Th>
              <Th>To</Th>
              <Th>{show === "flow" ? "How" : "Flow"}</Th>
              <Th>Status</Th>
              <Th>Sent by</Th>
              <Th>Message id</Th>
            </tr>
          </thead>
          <tbody>
            {log.rows.map((row) => (
              <tr key={row.id} data-testid="send-log-row">
                <Td className="text-sm whitespace-nowrap text-slate-600" title={row.createdAt}>
                  {timeAgo(new Date(row.createdAt))}
                </Td>
                <Td className="font-mono text-sm">
                  {row.recipient}
                  {row.isTest ? (
                    <Badge tone="violet" className="ml-2 font-sans">
                      test
                    </Badge>
                  ) : null}
                </Td>
                <Td className="text-sm">
                  {show === "flow" ? (
                    row.kind === "TEMPLATE" ? (
                      `Template ${row.templateName ?? "(deleted)"}`
                    ) : (
                      "Flow message"
                    )
                  ) : row.flowId ? (
                    <Link href={`/flows/${row.flowId}`} className="text-brand-700 hover:underline">
                      {row.flowName}
                    </Link>
                  ) : (
                    "—"
                  )}
                </Td>
                <Td>
                  <Badge
                    tone={statusTones[row.status] ?? "neutral"}
                    title={row.statusDetail ?? undefined}
                    data-testid="send-status"
                  >
                    {row.status}
                  </Badge>
                  {row.responded ? (
                    <Badge tone="green" className="ml-1">
                      answered
                    </Badge>
                  ) : null}
                  {row.errorMessage ? (
                    <p className="mt-1 max-w-64 text-xs text-red-700">{row.errorMessage}</p>
                  ) : null}
                </Td>
                <Td className="text-sm text-slate-600">{row.sentBy ?? "—"}</Td>
                <Td
                  className="font-mono text-xs whitespace-nowrap text-slate-500"
                  title={row.umid ?? undefined}
                >
                  {row.umid ? `${row.umid.slice(0, 8)}…` : "—"}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </Card>
    </div>
  );
}
