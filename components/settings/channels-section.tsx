"use client";
import { timeAgo } from "@/components/ui/format-date";
import { CheckCircle2, Pencil, Plug, Plus, Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Dialog, DialogClose, DialogContent } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Table, Td, Th } from "@/components/ui/table";
import {
  createChannelAction,
  deleteChannelAction,
  testChannelConnectionAction,
  updateChannelAction,
} from "@/lib/actions/settings";

export type ChannelRow = {
  id: string;
  externalId: string;
  name: string;
  phoneNumber: string | null;
  testNumbers: string[];
  lastFlowSyncAt: string | null;
  lastSyncError: string | null;
};

type Editing = { mode: "create" } | { mode: "edit"; channel: ChannelRow } | null;

export function ChannelsSection({ channels }: { channels: ChannelRow[] }) {
  const router = useRouter();
  const [editing, setEditing] = useState<Editing>(null);
  const [removing, setRemoving] = useState<ChannelRow | null>(null);
  const [testResults, setTestResults] = useState<Record<string, { ok: boolean; text: string }>>({});
  const [pending, startTransition] = useTransition();

  function testConnection(channel: ChannelRow) {
    startTransition(async () => {
      const result = await testChannelConnectionAction({ id: channel.id });
      const outcome = result.ok
        ? {
            ok: true,
            text: `Connected: 8x8 lists ${result.data.flowCount} flow${result.data.flowCount === 1 ? "" : "s"} (${result.data.milliseconds} ms).`,
          }
        : { ok: false, text: result.error.message };
      setTestResults((current) => ({ ...current, [channel.id]: outcome }));
    });
  }

  function remove() {
    if (!removing) return;
    startTransition(async () => {
      const result = await deleteChannelAction({ id: removing.id });
      if (result.ok) {
        toast.success(`${result.data.name} was removed from Flowport.`);
        setRemoving(null);
        router.refresh();
      } else toast.error(result.error.message);
    });
  }

  return (
    <section aria-labelledby="channels-heading" className="space-y-3">
      <div className="flex items-end justify-between gap-4">
        <div>
          <h2 id="channels-heading" className="text-lg font-semibold text-slate-900">
            WhatsApp channels
          </h2>
          <p className="text-sm text-slate-600">
            8x8 has no API to list channels: copy each channel id from 8x8 Connect › Channels.
          </p>
        </div>
        <Button onClick={() => setEditing({ mode: "create" })}>
          <Plus className="h-4 w-4" aria-hidden /> Add channel
        </Button>
      </div>
      <Card>
        {channels.length === 0 ? (
          <p className="px-4 py-8 text-center text-sm text-slate-600">
            No channel yet. Add one to see its flows.
          </p>
        ) : (
          <Table aria-label="Channels">
            <thead>
              <tr>
                <Th>Channel</Th>
                <Th>8x8 channel id</Th>
                <Th>Test numbers</Th>
                <Th>Last flow sync</Th>
                <Th className="text-right">Actions</Th>
              </tr>
            </thead>
            <tbody>
              {channels.map((channel) => (
                <tr key={channel.id} data-testid={`channel-row-${channel.externalId}`}>
                  <Td>
                    <div className="font-medium text-slate-900">{channel.name}</div>
                    <div className="text-xs text-slate-500">{channel.phoneNumber ?? "No phone number"}</div>
                    {testResults[channel.id] ? (
                      <p
                        role="status"
                        className={
                          testResults[channel.id]!.ok
                            ? "mt-1 flex items-center gap-1 text-xs text-emerald-700"
                            : "mt-1 text-xs text-red-700"
                        }
                      >
                        {testResults[channel.id]!.ok ? (
                          <CheckCircle2 className="h-3.5 w-3.5" aria-hidden />
                        ) : null}
                        {testResults[channel.id]!.text}
                      </p>
                    ) : null}
                  </Td>
                  <Td className="font-mono text-xs text-slate-700">{channel.externalId}</Td>
                  <Td className="text-xs text-slate-600">
                    {channel.testNumbers.length > 0 ? channel.testNumbers.join(", ") : "—"}
                  </Td>
                  <Td className="text-xs text-slate-600" suppressHydrationWarning>
                    {channel.lastFlowSyncAt ? timeAgo(new Date(channel.lastFlowSyncAt)) : "Never"}
                    {channel.lastSyncError ? (
                      <div className="text-red-700">{channel.lastSyncError}</div>
                    ) : null}
                  </Td>
                  <Td>
                    <div className="flex justify-end gap-1">
                      <Button
                        variant="secondary"
                        size="sm"
                        disabled={pending}
                        onClick={() => testConnection(channel)}
                      >
                        <Plug className="h-4 w-4" aria-hidden /> Test connection
                      </Button>
                      <Button
                        variant="ghost"
                        size="icon"
                        aria-label={`Edit ${channel.name}`}
                        onClick={() => setEditing({ mode: "edit", channel })}
                      >
                        <Pencil className="h-4 w-4" aria-hidden />
                      </Button>
                      <Button
                        variant="ghost"
                        size="icon"
                        aria-label={`Remove ${channel.name}`}
                        onClick={() => setRemoving(channel)}
                      >
                        <Trash2 className="h-4 w-4 text-red-600" aria-hidden />
                      </Button>
                    </div>
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>

      <Dialog open={editing !== null} onOpenChange={(open) => (open ? null : setEditing(null))}>
        {editing ? (
          <ChannelForm
            channel={editing.mode === "edit" ? editing.channel : null}
            onDone={() => {
              setEditing(null);
              router.refresh();
            }}
          />
        ) : null}
      </Dialog>

      <Dialog open={removing !== null} onOpenChange={(open) => (open ? null : setRemoving(null))}>
        {removing ? (
          <DialogContent
            title={`Remove ${removing.name}?`}
            description="Flowport forgets this channel with its cached flows, templates and send log. Nothing is deleted at 8x8; add the channel again to see its flows."
          >
            <div className="flex justify-end gap-2">
              <DialogClose asChild>
                <Button variant="secondary">Cancel</Button>
              </DialogClose>
              <Button variant="danger" disabled={pending} onClick={remove}>
                Remove channel
              </Button>
            </div>
          </DialogContent>
        ) : null}
      </Dialog>
    </section>
  );
}

function ChannelForm({ channel, onDone }: { channel: ChannelRow | null; onDone: () => void }) {
  const [errors, setErrors] = useState<Record<string, string[] | undefined>>({});
  const [pending, startTransition] = useTransition();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = {
      externalId: String(form.get("externalId") ?? ""),
      name: String(form.get("name") ?? ""),
      phoneNumber: String(form.get("phoneNumber") ?? ""),
      testNumbers: String(form.get("testNumbers") ?? ""),
    };
    startTransition(async () => {
      const result = channel
        ? await updateChannelAction({ id: channel.id, ...input })
        : await createChannelAction(input);
      if (result.ok) {
        toast.success(
          channel
            ? `${result.data.name} was saved.`
            : `${result.data.name} was added; its flows are being fetched.`,
        );
        onDone();
      } else {
        setErrors(result.error.fieldErrors ?? {});
        if (!result.error.fieldErrors) toast.error(result.error.message);
      }
    });
  }

  const error = (field: string) => errors[field]?.[0];
  return (
    <DialogContent
      title={channel ? `Edit ${channel.name}` : "Add a WhatsApp channel"}
      description="The channel id is in 8x8 Connect under Channels."
    >
      <form onSubmit={submit} className="space-y-4" noValidate>
        <Field id="channel-external-id" label="8x8 channel id" error={error("externalId")}>
          <Input
            id="channel-external-id"
            name="externalId"
            defaultValue={channel?.externalId}
            placeholder="ec36a867-3dd4-e911-814a-02d85f55fce8"
            aria-invalid={Boolean(error("externalId"))}
            required
          />
        </Field>
        <Field id="channel-name" label="Display name" error={error("name")}>
          <Input
            id="channel-name"
            name="name"
            defaultValue={channel?.name}
            placeholder="Acme Support"
            aria-invalid={Boolean(error("name"))}
            required
          />
        </Field>
        <Field
          id="channel-phone"
          label="Phone number"
          hint="The channel's WhatsApp number, in international format."
          error={error("phoneNumber")}
        >
          <Input
            id="channel-phone"
            name="phoneNumber"
            defaultValue={channel?.phoneNumber ?? ""}
            placeholder="+15551234567"
            aria-invalid={Boolean(error("phoneNumber"))}
          />
        </Field>
        <Field
          id="channel-test-numbers"
          label="Test numbers"
          hint="Numbers testers may send test messages to, separated by commas."
          error={error("testNumbers")}
        >
          <Input
            id="channel-test-numbers"
            name="testNumbers"
            defaultValue={channel?.testNumbers.join(", ") ?? ""}
            placeholder="+15550100001, +15550100002"
            aria-invalid={Boolean(error("testNumbers"))}
          />
        </Field>
        <div className="flex justify-end gap-2">
          <DialogClose asChild>
            <Button variant="secondary">Cancel</Button>
          </DialogClose>
          <Button type="submit" disabled={pending}>
            {pending ? "Saving…" : channel ? "Save channel" : "Add channel"}
          </Button>
        </div>
      </form>
    </DialogContent>
  );
}
