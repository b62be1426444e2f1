"use client";
import { useState } from "react";
import { bubbleFromComponents, type CachedComponent } from "@/lib/templates";
import { ChatBubble } from "./chat-bubble";
import { FlowPreviewDialog, type FlowToPreview } from "./flow-preview-dialog";

/** A saved template in the chat bubble, with its samples; its Flow button opens the flow when Flowport has it. */
export function TemplatePreview({
  components,
  businessName,
  flows,
}: {
  components: CachedComponent[];
  businessName: string;
  flows: { externalId: string; id: string | null; name: string | null }[];
}) {
  const [preview, setPreview] = useState<FlowToPreview | null>(null);
  const samples = components.find((c) => c.type === "BODY");
  const header = components.find((c) => c.type === "HEADER");
  const model = bubbleFromComponents(components, {
    body: samples?.examples ?? samples?.example?.bodyText ?? [],
    header: header?.examples?.[0] ?? header?.example?.headerText?.[0],
  });
  return (
    <>
      <ChatBubble
        model={model}
        businessName={businessName}
        onOpenFlow={(target) => {
          const flow = flows.find((f) => f.externalId === target.externalId);
          if (flow?.id)
            setPreview({
              flowId: flow.id,
              name: flow.name ?? target.externalId,
              startScreen: target.startScreen,
            });
        }}
      />
      <FlowPreviewDialog flow={preview} onClose={() => setPreview(null)} />
    </>
  );
}
