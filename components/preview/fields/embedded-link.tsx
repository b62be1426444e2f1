"use client";

import type { ComponentNode } from "@/lib/preview";
import { usePreview } from "../preview-context";
import { text } from "./field-chrome";

/** EmbeddedLink (§8.12): a standalone line of accent-coloured link text. */
export function EmbeddedLink({ node }: { node: ComponentNode }) {
  const { dispatch, state } = usePreview();
  return (
    <button
      type="button"
      role="link"
      disabled={state.status !== "running"}
      onClick={() =>
        dispatch({
          type: "action-triggered",
          action: node.raw["on-click-action"],
          source: `${node.path}.on-click-action`,
        })
      }
      className="self-start text-left text-sm font-medium text-(--wa-link)"
    >
      {text(node.props.text)}
    </button>
  );
}
