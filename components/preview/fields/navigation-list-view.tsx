"use client";

import { ChevronRight } from "lucide-react";
import type { ComponentNode } from "@/lib/preview";
import { cn } from "../cn";
import { usePreview } from "../preview-context";
import { imageSource, text } from "./field-chrome";

type ListItem = Record<string, unknown>;

/** NavigationList (§8.16): cards with start image, content, end add-on, badge, tags and a chevron. */
export function NavigationListView({ node }: { node: ComponentNode }) {
  const { dispatch, state } = usePreview();
  const items = (Array.isArray(node.props["list-items"]) ? node.props["list-items"] : []) as ListItem[];
  const large = node.props["media-size"] === "large";
  return (
    <nav aria-label={text(node.props.label) || text(node.raw.name) || "Navigation list"}>
      {node.props.label !== undefined && (
        <h3 className="mb-1 text-base font-semibold">{text(node.props.label)}</h3>
      )}
      {node.props.description !== undefined && (
        <p className="mb-2 text-sm text-(--wa-muted)">{text(node.props.description)}</p>
      )}
      <ul className="divide-y divide-(--wa-border)">
        {items.map((item, index) => {
          const main = (item["main-content"] ?? {}) as ListItem;
          const start = item.start as ListItem | undefined;
          const end = item.end as ListItem | undefined;
          const tags = Array.isArray(item.tags) ? item.tags : [];
          const itemAction = item["on-click-action"];
          const action = itemAction ?? node.raw["on-click-action"];
          const source = itemAction
            ? `${node.path}.list-items[${index}].on-click-action`
            : `${node.path}.on-click-action`;
          return (
            <li key={text(item.id) || index}>
              <button
                type="button"
                disabled={state.status !== "running" || item.enabled === false}
                onClick={() => dispatch({ type: "action-triggered", action, source })}
                className="flex w-full items-center gap-3 py-3 text-left disabled:opacity-50"
              >
                {start?.image !== undefined && (
                  // eslint-disable-next-line @next/next/no-img-element
                  <img
                    src={imageSource(start.image)}
                    alt={text(start["alt-text"])}
                    className={cn("shrink-0 rounded-md object-cover", large ? "size-16" : "size-10")}
                  />
                )}
                <span className="min-w-0 flex-1">
                  <span className="flex items-center gap-2">
                    <span className="truncate text-sm font-semibold">{text(main.title)}</span>
                    {item.badge !== undefined && (
                      <span className="shrink-0 rounded-full bg-(--wa-accent) px-2 py-0.5 text-[10px] font-semibold text-(--wa-accent-fg)">
                        {text(item.badge)}
                      </span>
                    )}
                  </span>
                  {main.description !== undefined && (
                    <span className="block text-xs text-(--wa-muted)">{text(main.description)}</span>
                  )}
                  {main.metadata !== undefined && (
                    <span className="block text-xs text-(--wa-muted)">{text(main.metadata)}</span>
                  )}
                  {tags.length > 0 && (
                    <span className="mt-1 flex flex-wrap gap-1">
                      {tags.map((tag, i) => (
                        <span
                          key={i}
                          className="rounded bg-(--wa-surface) px-1.5 py-0.5 text-[10px] text-(--wa-muted)"
                        >
                          {text(tag)}
                        </span>
                      ))}
                    </span>
                  )}
                </span>
                {end && (
                  <span className="shrink-0 text-right text-xs">
                    {end.title !== undefined && (
                      <span className="block font-semibold">{text(end.title)}</span>
                    )}
                    {end.description !== undefined && (
                      <span className="block text-(--wa-muted)">{text(end.description)}</span>
                    )}
                    {end.metadata !== undefined && (
                      <span className="block text-(--wa-muted)">{text(end.metadata)}</span>
                    )}
                  </span>
                )}
                <ChevronRight aria-hidden className="size-5 shrink-0 text-(--wa-muted)" />
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
