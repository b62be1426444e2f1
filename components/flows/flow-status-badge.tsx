import { Badge, type BadgeTone } from "@/components/ui/badge";

type Status = "DRAFT" | "PUBLISHED" | "DEPRECATED";

const LOOK: Record<Status, { label: string; tone: BadgeTone; meaning: string }> = {
  DRAFT: { label: "Draft", tone: "amber", meaning: "Editable, not yet published" },
  PUBLISHED: { label: "Published", tone: "green", meaning: "Live and available for use (immutable)" },
  DEPRECATED: { label: "Deprecated", tone: "neutral", meaning: "No longer recommended for new messages" },
};

export function FlowStatusBadge({ status }: { status: Status }) {
  const look = LOOK[status];
  return (
    <Badge tone={look.tone} title={look.meaning} data-testid="flow-status">
      {look.label}
    </Badge>
  );
}
