"use client";

import { Fragment, type ReactNode } from "react";
import type { ComponentNode } from "@/lib/preview";
import { parseMarkdown, type Block, type Inline } from "../markdown";
import { usePreview } from "../preview-context";
import { cn } from "../cn";
import { imageSource, text } from "./field-chrome";

const STYLES: Record<string, string> = {
  TextHeading: "text-xl font-bold leading-snug",
  TextSubheading: "text-base font-semibold leading-snug",
  TextBody: "text-sm leading-relaxed",
  TextCaption: "text-xs leading-relaxed text-(--wa-muted)",
};

const WEIGHTS: Record<string, string> = {
  bold: "font-bold",
  italic: "italic",
  bold_italic: "font-bold italic",
  normal: "",
};

/** TextHeading, TextSubheading, TextBody, TextCaption (§8.1). */
export function TextBlock({ node }: { node: ComponentNode }) {
  const className = cn(
    STYLES[node.type],
    WEIGHTS[text(node.props["font-weight"])],
    node.props.strikethrough === true && "line-through",
    "whitespace-pre-line break-words text-(--wa-fg)",
    node.type === "TextCaption" && "text-(--wa-muted)",
  );
  const value = node.props.text;
  if (node.props.markdown === true && (node.type === "TextBody" || node.type === "TextCaption")) {
    return (
      <div className={className}>
        <MarkdownBlocks blocks={parseMarkdown(markdownSource(value), { rich: false })} />
      </div>
    );
  }
  if (node.type === "TextHeading") return <h2 className={className}>{text(value)}</h2>;
  if (node.type === "TextSubheading") return <h3 className={className}>{text(value)}</h3>;
  return <p className={className}>{Array.isArray(value) ? value.map(text).join("\n") : text(value)}</p>;
}

/** RichText (§8.2): the full subset, with headings, images and tables. */
export function RichTextBlock({ node }: { node: ComponentNode }) {
  return (
    <div className="text-sm leading-relaxed text-(--wa-fg)">
      <MarkdownBlocks blocks={parseMarkdown(markdownSource(node.props.text), { rich: true })} />
    </div>
  );
}

function markdownSource(value: unknown): string | string[] {
  return Array.isArray(value) ? value.map(text) : text(value);
}

function MarkdownBlocks({ blocks }: { blocks: Block[] }) {
  return (
    <div className="flex flex-col gap-2">
      {blocks.map((block, index) => {
        switch (block.kind) {
          case "heading":
            return block.level === 1 ? (
              <h2 key={index} className="text-xl font-bold">
                <Inlines items={block.content} />
              </h2>
            ) : block.level === 2 ? (
              <h3 key={index} className="text-base font-semibold">
                <Inlines items={block.content} />
              </h3>
            ) : (
              <p key={index}>
                <Inlines items={block.content} />
              </p>
            );
          case "paragraph":
            return (
              <p key={index} className="whitespace-pre-line">
                <Inlines items={block.content} />
              </p>
            );
          case "list": {
            const List = block.ordered ? "ol" : "ul";
            return (
              <List key={index} className={cn("pl-5", block.ordered ? "list-decimal" : "list-disc")}>
                {block.items.map((item, i) => (
                  <li key={i}>
                    <Inlines items={item} />
                  </li>
                ))}
              </List>
            );
          }
          case "table":
            return (
              <div key={index} className="overflow-x-auto">
                <table className="border-collapse text-xs">
                  <thead>
                    <tr>
                      {block.header.map((cell, i) => (
                        <th key={i} className="border border-(--wa-border) px-2 py-1 text-left font-semibold">
                          <Inlines items={cell} />
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {block.rows.map((row, r) => (
                      <tr key={r}>
                        {row.map((cell, i) => (
                          <td key={i} className="border border-(--wa-border) px-2 py-1">
                            <Inlines items={cell} />
                          </td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            );
        }
      })}
    </div>
  );
}

function Inlines({ items }: { items: Inline[] }) {
  const { dispatch } = usePreview();
  return (
    <>
      {items.map((item, index): ReactNode => {
        if (item.kind === "image") {
          return (
            // eslint-disable-next-line @next/next/no-img-element -- base64 data from the Flow JSON
            <img key={index} src={imageSource(item.src)} alt={item.alt} className="my-1 max-w-full rounded" />
          );
        }
        const className = cn(
          item.bold && "font-bold",
          item.italic && "italic",
          item.strike && "line-through",
        );
        if (item.kind === "link") {
          return (
            <button
              key={index}
              type="button"
              role="link"
              className={cn(className, "text-(--wa-link)")}
              onClick={() =>
                dispatch({
                  type: "action-triggered",
                  action: { name: "open_url", url: item.href },
                  source: "markdown link",
                })
              }
            >
              {item.text}
            </button>
          );
        }
        return className ? (
          <span key={index} className={className}>
            {item.text}
          </span>
        ) : (
          <Fragment key={index}>{item.text}</Fragment>
        );
      })}
    </>
  );
}
