"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/actions/define-action";
import type { FieldErrors } from "@/lib/errors";
import { checkRecipients } from "@/lib/sending";
import type { SendOutcome } from "@/lib/sending/server";

/**
 * The submit routine both send forms share: refuse locally while a number or field is wrong (no API call is
 * made), otherwise run the send action and show its outcome, or the server's reasons under the fields.
 */
export function useSendSubmit<Input extends { recipients: string }>(
  action: (input: Input) => Promise<ActionResult<SendOutcome>>,
) {
  const router = useRouter();
  const [showErrors, setShowErrors] = useState(false);
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<SendOutcome | null>(null);
  const [pending, startTransition] = useTransition();

  /** `allowedNumbers` limits a tester to the channel's test numbers; `fieldErrors` are the form's own checks. */
  function submit(input: Input, check: { allowedNumbers: string[] | null; fieldErrors: FieldErrors }) {
    setShowErrors(true);
    setFormError(null);
    const recipients = checkRecipients(input.recipients, check.allowedNumbers);
    if (recipients.issues.length > 0 || Object.keys(check.fieldErrors).length > 0) {
      setFormError("Fix the highlighted fields; nothing was sent.");
      return;
    }
    startTransition(async () => {
      const result = await action(input);
      if (result.ok) {
        setOutcome(result.data);
        router.refresh();
      } else {
        setServerErrors(result.error.fieldErrors ?? {});
        setFormError(result.error.message);
      }
    });
  }

  /** An edit makes the server's last answer stale. */
  function clearServerErrors() {
    setServerErrors({});
    setFormError(null);
  }

  return { submit, clearServerErrors, showErrors, serverErrors, formError, outcome, pending };
}
