"use client";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { toast } from "sonner";
import { NativeSelect } from "@/components/ui/input";
import { selectChannelAction } from "@/lib/actions/channels";

/** The header's channel picker, shown when more than one WhatsApp channel is configured. */
export function ChannelSwitcher({
  channels,
  selectedId,
}: {
  channels: { id: string; name: string }[];
  selectedId: string;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <NativeSelect
      aria-label="WhatsApp channel"
      value={selectedId}
      disabled={pending}
      className="h-8 w-48 py-1"
      onChange={(event) => {
        const channelId = event.target.value;
        startTransition(async () => {
          const result = await selectChannelAction({ channelId });
          if (!result.ok) toast.error(result.error.message);
          router.refresh();
        });
      }}
    >
      {channels.map((channel) => (
        <option key={channel.id} value={channel.id}>
          {channel.name}
        </option>
      ))}
    </NativeSelect>
  );
}
