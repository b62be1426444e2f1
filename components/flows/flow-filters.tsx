"use client";
import { Search } from "lucide-react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { Input, NativeSelect } from "@/components/ui/input";

const STATUSES = [
  { value: "", label: "All statuses" },
  { value: "DRAFT", label: "Draft" },
  { value: "PUBLISHED", label: "Published" },
  { value: "DEPRECATED", label: "Deprecated" },
];

const SORTS = [
  { value: "updated_desc", label: "Recently updated" },
  { value: "updated_asc", label: "Least recently updated" },
  { value: "name_asc", label: "Name A–Z" },
  { value: "name_desc", label: "Name Z–A" },
  { value: "status", label: "Status" },
];

/** Search, status filter and sort live in the URL, so a filtered list can be shared and survives a reload. */
export function FlowFilters({ counts }: { counts: Record<string, number> }) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [search, setSearch] = useState(params.get("q") ?? "");
  const [, startTransition] = useTransition();

  // The query last asked for: navigations finish later, and two quick changes (or a debounced search) must build
  // on each other instead of one undoing the other.
  const requested = useRef(params.toString());
  useEffect(() => {
    requested.current = params.toString();
  }, [params]);

  function update(changes: Record<string, string>) {
    const next = new URLSearchParams(requested.current);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    const query = next.toString();
    requested.current = query;
    startTransition(() => router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false }));
  }

  // Typing filters after a short pause instead of on every key.
  useEffect(() => {
    if (search === (params.get("q") ?? "")) return;
    const timer = setTimeout(() => update({ q: search.trim() }), 250);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only the typed text should restart the pause
  }, [search]);

  const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
  return (
    <div className="flex flex-wrap items-center gap-3">
      <div className="relative min-w-64 flex-1">
        <Search className="pointer-events-none absolute top-2.5 left-3 h-4 w-4 text-slate-400" aria-hidden />
        <Input
          type="search"
          aria-label="Search flows by name"
          placeholder="Search flows by name"
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          className="pl-9"
        />
      </div>
      <NativeSelect
        aria-label="Filter by status"
        value={params.get("status") ?? ""}
        onChange={(event) => update({ status: event.target.value })}
        className="w-48"
      >
        {STATUSES.map((s) => (
          <option key={s.value} value={s.value}>
            {s.label} ({s.value ? (counts[s.value] ?? 0) : total})
          </option>
        ))}
      </NativeSelect>
      <NativeSelect
        aria-label="Sort flows"
        value={params.get("sort") ?? "updated_desc"}
        onChange={(event) =>
          update({ sort: event.target.value === "updated_desc" ? "" : event.target.value })
        }
        className="w-56"
      >
        {SORTS.map((s) => (
          <option key={s.value} value={s.value}>
            {s.label}
          </option>
        ))}
      </NativeSelect>
    </div>
  );
}
