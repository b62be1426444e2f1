"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/input";
import { saveEndpointPublicKeyAction } from "@/lib/actions/settings";
import type { StoredEndpointPublicKey } from "@/lib/flow-endpoint";

/** The business public key the preview encrypts live `data_exchange` calls with, as WhatsApp does. */
export function EndpointPublicKeyForm({ stored }: { stored: StoredEndpointPublicKey | null }) {
  const router = useRouter();
  const [error, setError] = useState<string | undefined>();
  const [pending, startTransition] = useTransition();

  function save(publicKeyPem: string | null) {
    startTransition(async () => {
      const result = await saveEndpointPublicKeyAction({ publicKeyPem });
      if (result.ok) {
        setError(undefined);
        toast.success(publicKeyPem === null ? "Public key removed." : "Public key saved.");
        router.refresh();
      } else {
        setError(result.error.fieldErrors?.publicKeyPem?.[0] ?? result.error.message);
      }
    });
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    save(String(new FormData(event.currentTarget).get("publicKeyPem") ?? ""));
  }

  return (
    <form onSubmit={submit} className="space-y-3" noValidate>
      <p className="text-sm text-slate-700" data-testid="endpoint-key-status">
        {!stored ? (
          "No key is stored: the preview cannot call a flow's data endpoint until one is."
        ) : stored.problem ? (
          <span className="text-red-700">The stored key cannot be used: {stored.problem}</span>
        ) : (
          <>
            RSA {stored.modulusBits ?? "?"}-bit key, SHA-256 fingerprint{" "}
            <code className="font-mono text-xs break-all">{stored.fingerprint}</code>
          </>
        )}
      </p>
      <Field
        id="endpoint-public-key"
        label="Public key (PEM)"
        error={error}
        hint="The key uploaded for the WhatsApp number. Only the public key: the private key stays on the endpoint's server."
      >
        <Textarea
          id="endpoint-public-key"
          name="publicKeyPem"
          rows={9}
          defaultValue={stored?.pem ?? ""}
          spellCheck={false}
          className="max-w-xl font-mono text-xs"
          placeholder={"-----BEGIN PUBLIC KEY-----\n…\n-----END PUBLIC KEY-----"}
          aria-invalid={!!error}
          aria-describedby={error ? "endpoint-public-key-error" : "endpoint-public-key-hint"}
          onChange={() => setError(undefined)}
        />
      </Field>
      <div className="flex gap-2">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save public key"}
        </Button>
        {stored ? (
          <Button type="button" variant="secondary" disabled={pending} onClick={() => save(null)}>
            Remove key
          </Button>
        ) : null}
      </div>
    </form>
  );
}
