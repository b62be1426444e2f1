"use client";
import { UserPlus } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input, NativeSelect } from "@/components/ui/input";
import { createUserAction } from "@/lib/actions/users";
import type { FieldErrors } from "@/lib/errors";
import type { CreateUserInput } from "@/lib/users/schemas";

export function CreateUserDialog() {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input: CreateUserInput = {
      email: String(form.get("email") ?? ""),
      name: String(form.get("name") ?? ""),
      role: String(form.get("role") ?? "TESTER") as CreateUserInput["role"],
      logAccess: form.get("logAccess") === "on",
      password: String(form.get("password") ?? ""),
    };
    startTransition(async () => {
      const result = await createUserAction(input);
      if (result.ok) {
        toast.success(`${input.email} can now sign in.`);
        setOpen(false);
        setErrors({});
        setFormError(null);
        router.refresh();
      } else {
        setErrors(result.error.fieldErrors ?? {});
        setFormError(result.error.fieldErrors ? null : result.error.message);
      }
    });
  }

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button>
          <UserPlus className="h-4 w-4" aria-hidden />
          Add user
        </Button>
      </DialogTrigger>
      <DialogContent
        title="Add a user"
        description="They sign in with this email and password; share the password with them safely."
      >
        <form onSubmit={onSubmit} className="space-y-4" noValidate>
          {formError ? (
            <p className="text-sm text-red-600" role="alert">
              {formError}
            </p>
          ) : null}
          <Field id="new-user-name" label="Name" error={errors.name?.[0]}>
            <Input id="new-user-name" name="name" required aria-invalid={!!errors.name} />
          </Field>
          <Field id="new-user-email" label="Email" error={errors.email?.[0]}>
            <Input id="new-user-email" name="email" type="email" required aria-invalid={!!errors.email} />
          </Field>
          <Field
            id="new-user-role"
            label="Role"
            hint="Testers can preview and run flows but not publish, delete or send to customers."
          >
            <NativeSelect id="new-user-role" name="role" defaultValue="MARKETER">
              <option value="ADMIN">Admin</option>
              <option value="MARKETER">Marketer</option>
              <option value="TESTER">Tester</option>
            </NativeSelect>
          </Field>
          <label className="flex items-center gap-2 text-sm text-slate-700">
            <input type="checkbox" name="logAccess" className="accent-brand-600 h-4 w-4" />
            Log access (sees phone numbers and submitted values unmasked)
          </label>
          <Field
            id="new-user-password"
            label="Initial password"
            error={errors.password?.[0]}
            hint="At least 10 characters."
          >
            <Input
              id="new-user-password"
              name="password"
              type="password"
              autoComplete="new-password"
              required
              aria-invalid={!!errors.password}
            />
          </Field>
          <div className="flex justify-end gap-2 pt-2">
            <Button variant="secondary" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" disabled={pending}>
              {pending ? "Adding…" : "Add user"}
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}
