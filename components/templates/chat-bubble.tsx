"use client";
import {
  ExternalLink,
  FileText,
  ImageIcon,
  List,
  Phone,
  Play,
  Reply,
  SquareArrowOutUpRight,
} from "lucide-react";
import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import { formatWhatsAppText, type BubbleButton, type ChatBubbleModel } from "@/lib/templates";

/**
 * A template or flow message as WhatsApp draws it on the phone: the business chat's header bar, the
 * wallpaper, and the incoming bubble with its header, body, footer, time and buttons under a divider.
 * More than three buttons collapse into "See all options", as WhatsApp does.
 */
const buttonIcons: Record<BubbleButton["type"], ReactNode> = {
  FLOW: <SquareArrowOutUpRight aria-hidden className="size-4" />,
  URL: <ExternalLink aria-hidden className="size-4" />,
  PHONE_NUMBER: <Phone aria-hidden className="size-4" />,
  QUICK_REPLY: <Reply aria-hidden className="size-4" />,
};

function FormattedText({ text }: { text: string }) {
  return (
    <>
      {formatWhatsAppText(text).map((run, index) => (
        <span
          key={index}
          className={cn(
            run.bold && "font-semibold",
            run.italic && "italic",
            run.strike && "line-through",
            run.mono && "font-mono text-[13px]",
          )}
        >
          {run.text}
        </span>
      ))}
    </>
  );
}

function MediaHeader({ kind, url }: { kind: "image" | "video" | "document"; url: string }) {
  if (kind === "document") {
    return (
      <div className="mb-1 flex items-center gap-2 rounded-md bg-[#f5f6f6] px-3 py-3 text-[13px] text-[#54656f]">
        <FileText aria-hidden className="size-8 text-[#e05a4f]" />
        <span className="truncate">
          {url ? decodeURIComponent(url.split("?")[0]!.split("/").pop() ?? "Document") : "Document"}
        </span>
      </div>
    );
  }
  const showImage = kind === "image" && /^https:\/\//.test(url);
  return (
    <div
      className="relative mb-1 flex aspect-[1.91/1] items-center justify-center overflow-hidden rounded-md bg-[#d1d7db] bg-cover bg-center"
      style={showImage ? { backgroundImage: `url("${url.replace(/"/g, "%22")}")` } : undefined}
      role="img"
      aria-label={kind === "image" ? "Header image" : "Header video"}
    >
      {kind === "video" ? (
        <span className="flex size-12 items-center justify-center rounded-full bg-black/40 text-white">
          <Play aria-hidden className="size-6 fill-white" />
        </span>
      ) : showImage ? null : (
        <ImageIcon aria-hidden className="size-10 text-white" />
      )}
    </div>
  );
}

export function ChatBubble({
  model,
  businessName,
  onOpenFlow,
  time = "12:30",
  className,
}: {
  model: ChatBubbleModel;
  businessName: string;
  onOpenFlow?: (flow: NonNullable<BubbleButton["flow"]>) => void;
  time?: string;
  className?: string;
}) {
  const visibleButtons = model.buttons.length > 3 ? model.buttons.slice(0, 2) : model.buttons;
  return (
    <div
      className={cn(
        "w-full max-w-[380px] self-start overflow-hidden rounded-2xl border border-slate-300 shadow-md",
        className,
      )}
      data-testid="chat-bubble-preview"
    >
      <div className="flex items-center gap-3 bg-[#008069] px-4 py-2.5 text-white">
        <div className="flex size-9 items-center justify-center rounded-full bg-white/25 text-sm font-semibold">
          {businessName.slice(0, 1).toUpperCase()}
        </div>
        <div className="min-w-0">
          <p className="truncate text-[15px] font-medium">{businessName}</p>
          <p className="text-xs text-white/80">Business account</p>
        </div>
      </div>
      <div
        className="min-h-72 bg-[#efeae2] px-3 py-4"
        style={{
          backgroundImage: "radial-gradient(rgba(0,0,0,0.035) 1px, transparent 1px)",
          backgroundSize: "14px 14px",
        }}
      >
        <p className="mx-auto mb-3 w-fit rounded-md bg-white px-2.5 py-1 text-xs text-[#54656f] shadow-sm">
          Today
        </p>
        <div className="relative max-w-[88%]" data-testid="chat-bubble">
          <svg aria-hidden viewBox="0 0 8 13" className="absolute top-0 -left-2 h-[13px] w-2 text-white">
            <path fill="currentColor" d="M1.533 3.568 8 12.193V1H2.812C1.042 1 .474 2.156 1.533 3.568z" />
          </svg>
          <div className="rounded-lg rounded-tl-none bg-white shadow-[0_1px_0.5px_rgba(11,20,26,0.13)]">
            <div className="px-2 pt-1.5 pb-1.5">
              {model.header?.kind === "text" ? (
                <p
                  className="px-1 pb-1 text-[15px] leading-5 font-semibold text-[#111b21]"
                  data-testid="bubble-header"
                >
                  <FormattedText text={model.header.text} />
                </p>
              ) : model.header ? (
                <MediaHeader kind={model.header.kind} url={model.header.url} />
              ) : null}
              <p
                className="px-1 text-[14.2px] leading-[19px] break-words whitespace-pre-wrap text-[#111b21]"
                data-testid="bubble-body"
              >
                {model.body ? (
                  <FormattedText text={model.body} />
                ) : (
                  <span className="text-[#8696a0] italic">The message body appears here.</span>
                )}
              </p>
              {model.footer ? (
                <p className="px-1 pt-1 text-[13px] leading-4 text-[#667781]" data-testid="bubble-footer">
                  {model.footer}
                </p>
              ) : null}
              <p className="-mt-0.5 flex items-center justify-end gap-1 px-1 text-[11px] text-[#667781]">
                {time}
              </p>
            </div>
            {visibleButtons.map((button, index) => {
              const opensFlow = button.type === "FLOW" && button.flow && onOpenFlow;
              return (
                <button
                  key={index}
                  type="button"
                  disabled={!opensFlow}
                  onClick={opensFlow ? () => onOpenFlow(button.flow!) : undefined}
                  title={opensFlow ? "Open this flow in the preview" : undefined}
                  className={cn(
                    "flex w-full items-center justify-center gap-1.5 border-t border-[#e9edef] px-3 py-2.5 text-[14px] font-medium text-[#027eb5]",
                    opensFlow ? "cursor-pointer hover:bg-[#f5f6f6]" : "cursor-default",
                  )}
                  data-testid="bubble-button"
                >
                  {buttonIcons[button.type]}
                  <span className="truncate">{button.text || "Button label"}</span>
                </button>
              );
            })}
            {model.buttons.length > 3 ? (
              <div className="flex w-full items-center justify-center gap-1.5 border-t border-[#e9edef] px-3 py-2.5 text-[14px] font-medium text-[#027eb5]">
                <List aria-hidden className="size-4" />
                See all options
              </div>
            ) : null}
          </div>
        </div>
      </div>
    </div>
  );
}
