"use client";
import { useVirtualizer } from "@tanstack/react-virtual";
import { ArrowDown, ArrowUp } from "lucide-react";
import Link from "next/link";
import { useRef, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import type { FieldColumn, ResponseRow } from "@/lib/responses";
import { ResponseDetailsDialog } from "./response-details-dialog";

type Props = {
  columns: FieldColumn[];
  rows: ResponseRow[];
  sort: "asc" | "desc";
  /** The current URL with the sort flipped: sorting is by date over all matches, so the server does it. */
  toggleSortHref: string;
  assignableFlows: { id: string; name: string }[] | null;
};

type GridColumn = {
  id: string;
  header: ReactNode;
  width: number;
  grow: boolean;
  cell: (row: ResponseRow) => ReactNode;
};

const ROW_HEIGHT = 44;
const dateFormat = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "UTC",
});

/** The responses grid: only the rows in view are in the DOM, so 1,000 rows scroll smoothly. */
export function ResponsesTable({ columns, rows, sort, toggleSortHref, assignableFlows }: Props) {
  const [openRow, setOpenRow] = useState<ResponseRow | null>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer re-renders this component itself on scroll
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });

  const gridColumns: GridColumn[] = [
    {
      id: "submittedAt",
      header: (
        <Link
          href={toggleSortHref}
          className="inline-flex items-center gap-1 hover:text-slate-900"
          title={sort === "desc" ? "Newest first: show oldest first" : "Oldest first: show newest first"}
        >
          Date Submitted
          {sort === "desc" ? (
            <ArrowDown className="h-3 w-3" aria-hidden />
          ) : (
            <ArrowUp className="h-3 w-3" aria-hidden />
          )}
        </Link>
      ),
      width: 215,
      grow: false,
      cell: (row) => `${dateFormat.format(new Date(row.submittedAt))} UTC`,
    },
    {
      id: "phone",
      header: "Phone Number",
      width: 150,
      grow: false,
      cell: (row) => <span className="font-mono text-xs">{row.phone}</span>,
    },
    ...columns.map<GridColumn>((column) => ({
      id: `field:${column.key}`,
      header: <span title={column.key}>{column.label}</span>,
      width: 180,
      grow: true,
      cell: (row) => <span title={row.cells[column.key]}>{row.cells[column.key]}</span>,
    })),
    {
      id: "action",
      header: "Action",
      width: 130,
      grow: false,
      cell: (row) => (
        <Button variant="ghost" size="sm" onClick={() => setOpenRow(row)}>
          View details
        </Button>
      ),
    },
  ];
  const minWidth = gridColumns.reduce((sum, column) => sum + column.width, 0);
  const cellStyle = (column: GridColumn) => ({
    width: column.width,
    flex: column.grow ? `1 0 ${column.width}px` : "none",
  });

  return (
    <>
      <div
        ref={scrollRef}
        className="relative max-h-[620px] overflow-auto rounded-lg border border-slate-200 bg-white shadow-sm"
        data-testid="responses-table"
      >
        <table className="grid text-left text-sm" style={{ minWidth }} aria-rowcount={rows.length + 1}>
          <thead className="sticky top-0 z-10 grid bg-slate-50">
            <tr className="flex w-full">
              {gridColumns.map((column) => (
                <th
                  key={column.id}
                  scope="col"
                  className="flex items-center border-b border-slate-200 px-3 py-2.5 text-xs font-semibold tracking-wide text-slate-600 uppercase"
                  style={cellStyle(column)}
                >
                  <span className="truncate">{column.header}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="relative grid" style={{ height: virtualizer.getTotalSize() }}>
            {virtualizer.getVirtualItems().map((item) => {
              const row = rows[item.index]!;
              return (
                <tr
                  key={row.id}
                  aria-rowindex={item.index + 2}
                  className="absolute flex w-full border-b border-slate-100 hover:bg-slate-50"
                  style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                >
                  {gridColumns.map((column) => (
                    <td
                      key={column.id}
                      className="flex items-center overflow-hidden px-3 text-slate-800"
                      style={cellStyle(column)}
                    >
                      <span className="truncate">{column.cell(row)}</span>
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <ResponseDetailsDialog
        row={openRow}
        onClose={() => setOpenRow(null)}
        assignableFlows={assignableFlows}
      />
    </>
  );
}
