"use client";
import { Plus } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/input";
import { checkRecipients } from "@/lib/sending";

/**
 * Phone numbers, one per line or separated by commas, normalised to E.164 as they are typed: each bad
 * entry gets its own reason before anything is sent. Testers see the test numbers they may use.
 */
export function RecipientsField({
  value,
  onChange,
  testNumbers,
  testersOnly,
  serverError,
  showErrors,
}: {
  value: string;
  onChange: (value: string) => void;
  testNumbers: string[];
  testersOnly: boolean;
  serverError?: string | undefined;
  showErrors: boolean;
}) {
  const check = checkRecipients(value, testersOnly ? testNumbers : null);
  const messages = check.issues.map((i) => i.message);
  const error = serverError ?? (showErrors || value.trim() ? messages[0] : undefined);
  const add = (number: string) => onChange(value.trim() ? `${value.trim()}\n${number}` : number);
  return (
    <Field
      id="recipients"
      label="Send to"
      error={error}
      hint={
        testersOnly
          ? "As a tester you can send only to this channel's test numbers."
          : "International format (+ and country code), one per line or separated by commas."
      }
    >
      <Textarea
        id="recipients"
        rows={3}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        placeholder="+44 7700 900123"
        aria-invalid={!!error}
      />
      {messages.length > 1 && (showErrors || value.trim()) ? (
        <ul className="list-disc pl-5 text-sm text-red-600" data-testid="recipient-problems">
          {messages.slice(1).map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      ) : null}
      {check.recipients.length > 0 ? (
        <div className="flex flex-wrap gap-1" aria-label="Recipients" data-testid="recipient-chips">
          {check.recipients.map((number) => (
            <Badge key={number} tone={testNumbers.includes(number) ? "violet" : "green"}>
              {number}
              {testNumbers.includes(number) ? " · test" : ""}
            </Badge>
          ))}
        </div>
      ) : null}
      {testNumbers.length > 0 ? (
        <div className="flex flex-wrap items-center gap-1 text-xs text-slate-500">
          Test numbers:
          {testNumbers.map((number) => (
            <button
              key={number}
              type="button"
              onClick={() => add(number)}
              disabled={check.recipients.includes(number)}
              className="inline-flex items-center gap-0.5 rounded-full border border-slate-300 px-2 py-0.5 text-slate-700 hover:bg-slate-50 disabled:opacity-40"
            >
              <Plus aria-hidden className="size-3" /> {number}
            </button>
          ))}
        </div>
      ) : null}
    </Field>
  );
}
