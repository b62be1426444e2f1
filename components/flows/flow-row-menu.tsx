"use client";
import { Archive, Download, Eye, MessageSquareText, MoreVertical, Pencil, Trash2 } from "lucide-react";
import Link from "next/link";
import { useRef, type FocusEvent } from "react";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import type { FlowAction, FlowTablePermissions, FlowTableRow, Rule } from "./flow-table";

function DisabledReason({ rule }: { rule: Rule }) {
  return rule.allowed ? null : (
    <span className="block text-xs font-normal text-slate-400">{rule.reason}</span>
  );
}

/** A row's actions menu, mounted open by the first press of its trigger (see RowActions in flow-table). */
export function FlowRowMenu({
  row,
  permissions,
  onAsk,
  focusFirstItem,
}: {
  row: FlowTableRow;
  permissions: FlowTablePermissions;
  onAsk: (kind: FlowAction) => void;
  /** Radix focuses the first item when a key opened the menu, but it was not listening yet for that first key. */
  focusFirstItem: boolean;
}) {
  const entering = useRef(focusFirstItem);
  // The menu takes the focus as it opens; this passes it on to the first item, as Radix does after a key.
  function onEntryFocus(event: FocusEvent<HTMLDivElement>) {
    if (!entering.current || event.target !== event.currentTarget) return;
    entering.current = false;
    event.currentTarget.querySelector<HTMLElement>('[role="menuitem"]:not([data-disabled])')?.focus();
  }

  return (
    <DropdownMenu defaultOpen>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" size="icon" aria-label={`Actions for ${row.name}`}>
          <MoreVertical className="h-4 w-4" aria-hidden />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent className="w-72" onFocus={onEntryFocus}>
        {permissions.write ? (
          <DropdownMenuItem disabled={!row.rules.edit.allowed} asChild={row.rules.edit.allowed}>
            {row.rules.edit.allowed ? (
              <Link href={`/flows/${row.id}/edit`}>
                <Pencil className="h-4 w-4" aria-hidden /> Edit
              </Link>
            ) : (
              <div className="items-start">
                <Pencil className="mt-0.5 h-4 w-4" aria-hidden />
                <span>
                  Edit <DisabledReason rule={row.rules.edit} />
                </span>
              </div>
            )}
          </DropdownMenuItem>
        ) : null}
        {permissions.preview ? (
          <DropdownMenuItem asChild>
            <Link href={`/flows/${row.id}/preview`}>
              <Eye className="h-4 w-4" aria-hidden /> Preview
            </Link>
          </DropdownMenuItem>
        ) : null}
        {permissions.responses ? (
          <DropdownMenuItem asChild>
            <Link href={`/flows/${row.id}/responses`}>
              <MessageSquareText className="h-4 w-4" aria-hidden /> View responses
            </Link>
          </DropdownMenuItem>
        ) : null}
        {row.detailsPending ? (
          <DropdownMenuItem disabled>
            <Download className="h-4 w-4" aria-hidden /> Export JSON (fetching it from 8x8…)
          </DropdownMenuItem>
        ) : (
          <DropdownMenuItem asChild>
            <a href={`/api/flows/${row.id}/export`} download>
              <Download className="h-4 w-4" aria-hidden /> Export JSON
            </a>
          </DropdownMenuItem>
        )}
        {permissions.deprecate && row.status === "PUBLISHED" ? (
          <>
            <DropdownMenuSeparator />
            <DropdownMenuItem onSelect={() => onAsk("deprecate")}>
              <Archive className="h-4 w-4" aria-hidden /> Deprecate…
            </DropdownMenuItem>
          </>
        ) : null}
        {permissions.delete ? (
          <>
            <DropdownMenuSeparator />
            <DropdownMenuItem
              disabled={!row.rules.delete.allowed}
              onSelect={() => onAsk("delete")}
              className={
                row.rules.delete.allowed ? "text-red-700 data-[highlighted]:bg-red-50" : "items-start"
              }
            >
              <Trash2 className={row.rules.delete.allowed ? "h-4 w-4" : "mt-0.5 h-4 w-4"} aria-hidden />
              <span>
                Delete… <DisabledReason rule={row.rules.delete} />
              </span>
            </DropdownMenuItem>
          </>
        ) : null}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
