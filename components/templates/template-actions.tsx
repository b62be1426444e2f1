"use client";
import { Send, Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { SendTemplateForm } from "@/components/sending/send-template-form";
import type { SendableTemplate } from "@/lib/sending/server";
import { DeleteTemplateDialog } from "./templates-table";

/** Delete (with the 30-day warning) and, for approved templates, Send. */
export function TemplateActions({
  template,
  otherLanguages,
  canDelete,
  send,
}: {
  template: SendableTemplate;
  otherLanguages: string[];
  canDelete: boolean;
  send: { channelName: string; testNumbers: string[]; testersOnly: boolean } | null;
}) {
  const router = useRouter();
  const [deleting, setDeleting] = useState(false);
  return (
    <>
      {send ? (
        <Dialog>
          <DialogTrigger asChild>
            <Button>
              <Send className="size-4" aria-hidden /> {send.testersOnly ? "Send test" : "Send"}
            </Button>
          </DialogTrigger>
          <DialogContent
            title={`Send “${template.name}”`}
            description="Fill in the variables; every send is recorded in the send log below."
            className="max-h-[92vh] max-w-4xl overflow-y-auto"
          >
            <SendTemplateForm
              template={template}
              channelName={send.channelName}
              testNumbers={send.testNumbers}
              testersOnly={send.testersOnly}
            />
          </DialogContent>
        </Dialog>
      ) : null}
      {canDelete ? (
        <Button variant="secondary" onClick={() => setDeleting(true)}>
          <Trash2 className="size-4" aria-hidden /> Delete
        </Button>
      ) : null}
      <DeleteTemplateDialog
        template={deleting ? template : null}
        otherLanguages={otherLanguages}
        onClose={() => setDeleting(false)}
        onDeleted={() => router.push("/templates")}
      />
    </>
  );
}

/** While a template waits for review, re-reads the page: webhooks and the approval job update the row. */
export function PendingStatusFollower({ intervalMs = 4000 }: { intervalMs?: number }) {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => router.refresh(), intervalMs);
    return () => clearInterval(timer);
  }, [router, intervalMs]);
  return null;
}
