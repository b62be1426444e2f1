"use client";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { FieldErrors } from "@/lib/errors";
import { CategoryPicker } from "./category-picker";

export type FlowDetailsValue = { name: string; categories: string[]; endpointUri: string };

/** Name, categories and endpoint URI: the fields 8x8 stores beside the Flow JSON. */
export function FlowDetailsFields({
  value,
  onChange,
  errors = {},
  disabled,
}: {
  value: FlowDetailsValue;
  onChange: (next: FlowDetailsValue) => void;
  errors?: FieldErrors;
  disabled?: boolean;
}) {
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <Field
        id="flow-name"
        label="Flow name"
        error={errors.name?.[0]}
        hint="Descriptive name for internal reference (e.g. “Home Service Appointment Booking”)."
      >
        <Input
          id="flow-name"
          value={value.name}
          maxLength={200}
          disabled={disabled}
          aria-invalid={errors.name ? true : undefined}
          onChange={(event) => onChange({ ...value, name: event.target.value })}
        />
      </Field>
      <Field
        id="flow-endpoint"
        label="Endpoint URI (optional)"
        error={errors.endpointUri?.[0]}
        hint="https only. Receives data_exchange requests and flow completion data."
      >
        <Input
          id="flow-endpoint"
          type="url"
          inputMode="url"
          placeholder="https://example.com/whatsapp/flow-endpoint"
          value={value.endpointUri}
          disabled={disabled}
          aria-invalid={errors.endpointUri ? true : undefined}
          onChange={(event) => onChange({ ...value, endpointUri: event.target.value })}
        />
      </Field>
      <div className="md:col-span-2">
        <CategoryPicker
          value={value.categories}
          onChange={(categories) => onChange({ ...value, categories })}
          disabled={disabled}
          error={errors.categories?.[0]}
        />
      </div>
    </div>
  );
}
