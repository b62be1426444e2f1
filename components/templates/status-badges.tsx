import { Badge } from "@/components/ui/badge";
import { describeRejection, qualityInfo, statusInfo } from "@/lib/templates";

export function TemplateStatusBadge({ status }: { status: string }) {
  const info = statusInfo(status);
  return (
    <Badge tone={info.tone} title={info.meaning} data-testid="template-status">
      {info.label}
    </Badge>
  );
}

export function QualityBadge({ score }: { score: string }) {
  const info = qualityInfo(score);
  return <Badge tone={info.tone}>{info.label}</Badge>;
}

/** The rejection reason and what usually causes it. */
export function RejectionReason({ reason, compact = false }: { reason: string | null; compact?: boolean }) {
  const { label, usualCause } = describeRejection(reason);
  return (
    <div className="text-xs text-red-700" data-testid="rejection-reason">
      <span className="font-medium">{label}</span>
      {compact ? null : <p className="mt-0.5 text-slate-600">{usualCause}</p>}
    </div>
  );
}
