"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { saveApiCredentialsAction } from "@/lib/actions/settings";

type Value = { value: string; fromEnv: boolean };

export type CredentialsView = {
  mode: "simulator" | "live";
  baseUrl: Value;
  /** Only the last 4 characters ever reach the browser. */
  apiKeyLast4: string | null;
  apiKeyFromEnv: boolean;
  apiKeyFromSimulator: boolean;
  accountId: Value;
  subAccountId: Value;
};

const ENV_HINT = "Set by an environment variable, which wins over Settings.";

export function ApiCredentialsForm({ view }: { view: CredentialsView }) {
  const router = useRouter();
  const [errors, setErrors] = useState<Record<string, string[] | undefined>>({});
  const [pending, startTransition] = useTransition();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startTransition(async () => {
      const result = await saveApiCredentialsAction({
        baseUrl: String(form.get("baseUrl") ?? ""),
        apiKey: String(form.get("apiKey") ?? ""),
        clearApiKey: form.get("clearApiKey") === "on",
        accountId: String(form.get("accountId") ?? ""),
        subAccountId: String(form.get("subAccountId") ?? ""),
      });
      if (result.ok) {
        setErrors({});
        toast.success(
          result.data.mode === "live"
            ? "Saved: Flowport now talks to 8x8."
            : "Saved: Flowport uses the built-in simulator.",
        );
        (event.target as HTMLFormElement).reset();
        router.refresh();
      } else {
        setErrors(result.error.fieldErrors ?? {});
        toast.error(result.error.message);
      }
    });
  }

  const error = (field: string) => errors[field]?.[0];
  const keyHint = view.apiKeyFromEnv
    ? ENV_HINT
    : view.apiKeyLast4
      ? `Stored encrypted, ending in ${view.apiKeyLast4}. Leave blank to keep it.`
      : view.apiKeyFromSimulator
        ? "The simulator's key (SIMULATOR_API_KEY) is used until a URL and key are set."
        : "No key is stored yet.";
  return (
    <form onSubmit={submit} className="grid gap-4 sm:grid-cols-2" noValidate>
      <Field
        id="api-url"
        label="API URL"
        hint={
          view.baseUrl.fromEnv ? ENV_HINT : "Blank: the built-in simulator. For 8x8: https://chatapps.8x8.com"
        }
        error={error("baseUrl")}
        className="sm:col-span-2"
      >
        <Input
          id="api-url"
          name="baseUrl"
          defaultValue={view.mode === "live" ? view.baseUrl.value : ""}
          readOnly={view.baseUrl.fromEnv}
          placeholder={view.mode === "simulator" ? view.baseUrl.value : ""}
        />
      </Field>
      <Field id="api-key" label="API key" hint={keyHint} error={error("apiKey")}>
        <Input
          id="api-key"
          name="apiKey"
          type="password"
          autoComplete="off"
          readOnly={view.apiKeyFromEnv}
          placeholder={view.apiKeyLast4 ? `•••• ${view.apiKeyLast4}` : ""}
        />
      </Field>
      <div className="flex items-end pb-6">
        {view.apiKeyLast4 && !view.apiKeyFromEnv ? (
          <label className="inline-flex items-center gap-2 text-sm text-slate-700">
            <input type="checkbox" name="clearApiKey" className="accent-brand-600 h-4 w-4" /> Remove the
            stored key
          </label>
        ) : null}
      </div>
      <Field
        id="account-id"
        label="Account id"
        hint={view.accountId.fromEnv ? ENV_HINT : "A GUID, from 8x8 Connect."}
        error={error("accountId")}
      >
        <Input
          id="account-id"
          name="accountId"
          defaultValue={view.accountId.value}
          readOnly={view.accountId.fromEnv}
        />
      </Field>
      <Field
        id="subaccount-id"
        label="Sub-account id"
        hint={view.subAccountId.fromEnv ? ENV_HINT : "Used to send messages and upload media."}
        error={error("subAccountId")}
      >
        <Input
          id="subaccount-id"
          name="subAccountId"
          defaultValue={view.subAccountId.value}
          readOnly={view.subAccountId.fromEnv}
        />
      </Field>
      <div className="sm:col-span-2">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save credentials"}
        </Button>
      </div>
    </form>
  );
}
