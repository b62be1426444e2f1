import { CheckCircle2, XCircle } from "lucide-react";
import type { SendOutcome } from "@/lib/sending/server";

/** What happened to each recipient of a send: accepted by 8x8 (with its message id) or refused, and why. */
export function SendOutcomeList({ outcome }: { outcome: SendOutcome }) {
  return (
    <div className="space-y-2 text-sm" data-testid="send-outcome" role="status">
      {outcome.sent.length > 0 ? (
        <p className="font-medium text-emerald-800">
          {outcome.sent.length} message{outcome.sent.length === 1 ? "" : "s"} accepted by 8x8. Delivery and
          read receipts update the send log.
        </p>
      ) : null}
      <ul className="space-y-1">
        {outcome.sent.map((s) => (
          <li key={s.sendId} className="flex items-center gap-2 text-slate-700">
            <CheckCircle2 aria-hidden className="size-4 text-emerald-600" /> {s.recipient}
            {s.umid ? <span className="font-mono text-xs text-slate-400">{s.umid}</span> : null}
          </li>
        ))}
        {outcome.failed.map((f) => (
          <li key={f.sendId} className="flex items-start gap-2 text-red-700">
            <XCircle aria-hidden className="mt-0.5 size-4 shrink-0" />
            <span>
              {f.recipient}: {f.message}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
