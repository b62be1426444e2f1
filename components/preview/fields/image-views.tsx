"use client";

import { useState } from "react";
import type { ComponentNode } from "@/lib/preview";
import { cn } from "../cn";
import { imageSource, text } from "./field-chrome";

/** Image (§8.14): width/height/aspect-ratio and cover/contain as documented. */
export function ImageView({ node }: { node: ComponentNode }) {
  const width = Number(node.props.width) || undefined;
  const height = Number(node.props.height) || undefined;
  const ratio = Number(node.props["aspect-ratio"]) || undefined;
  const cover = node.props["scale-type"] === "cover";
  return (
    // eslint-disable-next-line @next/next/no-img-element
    <img
      src={imageSource(node.props.src)}
      alt={text(node.props["alt-text"])}
      className={cn(
        "mx-auto max-w-full rounded-md",
        cover ? "object-cover" : "object-contain",
        !width && "w-full",
      )}
      style={{ width, height, aspectRatio: height ? undefined : ratio }}
    />
  );
}

/** ImageCarousel (§8.15): a swipeable pager at 4:3 or 16:9, with page dots. */
export function ImageCarouselView({ node }: { node: ComponentNode }) {
  const images = (Array.isArray(node.props.images) ? node.props.images : []) as Record<string, unknown>[];
  const [page, setPage] = useState(0);
  const current = images[Math.min(page, images.length - 1)];
  const ratio = node.props["aspect-ratio"] === "16:9" ? "16 / 9" : "4 / 3";
  return (
    <div role="region" aria-roledescription="carousel" aria-label="Images">
      <div className="relative overflow-hidden rounded-md bg-(--wa-surface)" style={{ aspectRatio: ratio }}>
        {current && (
          // eslint-disable-next-line @next/next/no-img-element
          <img
            src={imageSource(current.src)}
            alt={text(current["alt-text"])}
            className={cn(
              "size-full",
              node.props["scale-type"] === "cover" ? "object-cover" : "object-contain",
            )}
          />
        )}
      </div>
      {images.length > 1 && (
        <div className="mt-2 flex justify-center gap-1.5">
          {images.map((image, index) => (
            <button
              key={index}
              type="button"
              aria-label={`Image ${index + 1} of ${images.length}`}
              aria-current={index === page}
              onClick={() => setPage(index)}
              className={cn("size-2 rounded-full", index === page ? "bg-(--wa-accent)" : "bg-(--wa-border)")}
            />
          ))}
        </div>
      )}
    </div>
  );
}
