import { imageSource, text } from "./field-chrome";
import { cn } from "../cn";

/** The image or colour swatch at the start of a data-source row (5.0+, §7.3). */
export function ItemMedia({ item, large }: { item: Record<string, unknown>; large?: boolean }) {
  const size = large ? "size-16" : "size-10";
  if (typeof item.image === "string") {
    return (
      // Flow images are base64 data from the Flow JSON: next/image has nothing to optimise.
      // eslint-disable-next-line @next/next/no-img-element
      <img
        src={imageSource(item.image)}
        alt={text(item["alt-text"])}
        className={cn(size, "shrink-0 rounded-md object-cover")}
      />
    );
  }
  if (typeof item.color === "string") {
    return (
      <span
        aria-hidden
        className={cn(size, "shrink-0 rounded-md border border-(--wa-border)")}
        style={{ backgroundColor: item.color }}
      />
    );
  }
  return null;
}
