"use client";
import { MoreVertical } from "lucide-react";
import Link from "next/link";
import { lazy, Suspense, useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { dateTime, timeAgo } from "@/components/ui/format-date";
import { Table, Td, Th } from "@/components/ui/table";
import { FlowStatusBadge } from "./flow-status-badge";

// The menu and the confirmation (Radix menu and dialog, floating-ui, focus trapping, the server actions) weigh about
// 35 KB gzipped, and most visits open neither: they load on first use.
const FlowRowMenu = lazy(() => import("./flow-row-menu").then((m) => ({ default: m.FlowRowMenu })));
const ConfirmFlowAction = lazy(() =>
  import("./confirm-flow-action").then((m) => ({ default: m.ConfirmFlowAction })),
);

export type Rule = { allowed: true } | { allowed: false; reason: string };

export type FlowTableRow = {
  id: string;
  name: string;
  status: "DRAFT" | "PUBLISHED" | "DEPRECATED";
  categories: string[];
  updatedAt: string;
  validationErrorCount: number;
  detailsPending: boolean;
  usedByTemplates: string[];
  rules: { edit: Rule; delete: Rule; deprecate: Rule };
};

/** What the signed-in role may do at all; the status rules come per row. */
export type FlowTablePermissions = {
  write: boolean;
  delete: boolean;
  deprecate: boolean;
  preview: boolean;
  responses: boolean;
};

const humanCategory = (category: string) =>
  category.charAt(0) + category.slice(1).toLowerCase().replace(/_/g, " ");

export type FlowAction = "delete" | "deprecate";

type Pending = { kind: FlowAction; row: FlowTableRow } | null;

export function FlowTable({
  rows,
  permissions,
}: {
  rows: FlowTableRow[];
  permissions: FlowTablePermissions;
}) {
  const [pending, setPending] = useState<Pending>(null);

  return (
    <Card>
      <Table aria-label="Flows">
        <thead>
          <tr>
            <Th>Name</Th>
            <Th>Status</Th>
            <Th>Categories</Th>
            <Th>Last updated</Th>
            <Th className="w-12">
              <span className="sr-only">Actions</span>
            </Th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr
              key={row.id}
              data-testid="flow-row"
              data-flow-name={row.name}
              data-flow-status={row.status}
              className="hover:bg-slate-50/60"
            >
              <Td>
                <Link
                  href={`/flows/${row.id}`}
                  className="hover:text-brand-700 font-medium text-slate-900 hover:underline"
                >
                  {row.name}
                </Link>
                <div className="mt-0.5 flex flex-wrap gap-x-3 text-xs text-slate-500">
                  {row.validationErrorCount > 0 ? (
                    <span className="text-red-600">
                      {row.validationErrorCount} validation error{row.validationErrorCount > 1 ? "s" : ""}
                    </span>
                  ) : null}
                  {row.usedByTemplates.length > 0 ? (
                    <span>Used by {row.usedByTemplates.join(", ")}</span>
                  ) : null}
                </div>
              </Td>
              <Td>
                <FlowStatusBadge status={row.status} />
              </Td>
              <Td className="text-slate-600">
                {row.detailsPending ? (
                  <span className="text-xs text-slate-400">Loading from 8x8…</span>
                ) : (
                  <div className="flex flex-wrap gap-1">
                    {row.categories.map((category) => (
                      <span
                        key={category}
                        className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700"
                      >
                        {humanCategory(category)}
                      </span>
                    ))}
                  </div>
                )}
              </Td>
              <Td className="whitespace-nowrap text-slate-600">
                <span title={dateTime(new Date(row.updatedAt))} suppressHydrationWarning>
                  {timeAgo(new Date(row.updatedAt))}
                </span>
              </Td>
              <Td className="text-right">
                <RowActions row={row} permissions={permissions} onAsk={(kind) => setPending({ kind, row })} />
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>

      {pending ? (
        <Suspense fallback={null}>
          <ConfirmFlowAction kind={pending.kind} row={pending.row} onClose={() => setPending(null)} />
        </Suspense>
      ) : null}
    </Card>
  );
}

/** Hovering or focusing a menu button fetches the menu and its confirmation, so the press rarely waits. */
function preloadRowMenu() {
  void import("./flow-row-menu");
  void import("./confirm-flow-action");
}

/**
 * The row's menu button. It stays a plain button until pressed; the press loads the Radix menu, which takes its
 * place already open. Pointer and keys are the ones Radix opens on, so the first press behaves like later ones.
 */
function RowActions({
  row,
  permissions,
  onAsk,
}: {
  row: FlowTableRow;
  permissions: FlowTablePermissions;
  onAsk: (kind: FlowAction) => void;
}) {
  const [openedWith, setOpenedWith] = useState<"pointer" | "keyboard" | null>(null);
  const trigger = (
    <Button
      variant="ghost"
      size="icon"
      aria-label={`Actions for ${row.name}`}
      aria-haspopup="menu"
      aria-expanded={false}
      onPointerEnter={preloadRowMenu}
      onFocus={preloadRowMenu}
      onPointerDown={(event) => {
        if (event.button !== 0 || event.ctrlKey) return;
        event.preventDefault(); // as Radix does: the menu, not the button, takes the focus
        setOpenedWith("pointer");
      }}
      onKeyDown={(event) => {
        if (["Enter", " ", "ArrowDown"].includes(event.key)) {
          event.preventDefault();
          setOpenedWith("keyboard");
        }
      }}
    >
      <MoreVertical className="h-4 w-4" aria-hidden />
    </Button>
  );
  if (!openedWith) return trigger;
  return (
    <Suspense fallback={trigger}>
      <FlowRowMenu
        row={row}
        permissions={permissions}
        onAsk={onAsk}
        focusFirstItem={openedWith === "keyboard"}
      />
    </Suspense>
  );
}
