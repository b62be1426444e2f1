import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { FlowStatus } from "@/lib/generated/prisma/enums";

const tones: Record<FlowStatus, BadgeTone> = { DRAFT: "amber", PUBLISHED: "green", DEPRECATED: "neutral" };
const labels: Record<FlowStatus, string> = {
  DRAFT: "Draft",
  PUBLISHED: "Published",
  DEPRECATED: "Deprecated",
};

export function FlowStatusBadge({ status }: { status: FlowStatus }) {
  return <Badge tone={tones[status]}>{labels[status]}</Badge>;
}
