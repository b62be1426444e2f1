import "server-only";
import { cookies } from "next/headers";
import { cache } from "react";
import type { z } from "zod";
import { writeAudit } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { ConflictError, NotFoundError } from "@/lib/errors";
import type { channelInputSchema } from "./schemas";

export { channelInputSchema, updateChannelSchema, channelIdSchema, type ChannelInput } from "./schemas";

/** The channel the portal shows, chosen in the header's switcher. */
export const SELECTED_CHANNEL_COOKIE = "flowport-channel";

const channelSelect = {
  id: true,
  externalId: true,
  name: true,
  phoneNumber: true,
  testNumbers: true,
  lastFlowSyncAt: true,
  lastSyncAttemptAt: true,
  lastSyncError: true,
} as const;

/** Every configured channel; read once per request (the layout and the page both ask). */
export const listChannels = cache(async () =>
  getDb().channel.findMany({ select: channelSelect, orderBy: [{ name: "asc" }, { createdAt: "asc" }] }),
);
export type ChannelSummary = Awaited<ReturnType<typeof listChannels>>[number];

/** The selected channel (cookie), else the first one; null when none is configured. */
export async function getSelectedChannel(): Promise<ChannelSummary | null> {
  const channels = await listChannels();
  const wanted = (await cookies()).get(SELECTED_CHANNEL_COOKIE)?.value;
  return channels.find((channel) => channel.id === wanted) ?? channels[0] ?? null;
}

export async function getChannel(id: string): Promise<ChannelSummary> {
  const channel = await getDb().channel.findUnique({ where: { id }, select: channelSelect });
  if (!channel) throw new NotFoundError("The channel");
  return channel;
}

type ChannelData = z.output<typeof channelInputSchema>;

async function assertExternalIdFree(externalId: string, exceptId?: string): Promise<void> {
  const existing = await getDb().channel.findUnique({ where: { externalId }, select: { id: true } });
  if (existing && existing.id !== exceptId)
    throw new ConflictError(`The channel ${externalId} is already configured.`);
}

export async function createChannel(user: CurrentUser, data: ChannelData) {
  await assertExternalIdFree(data.externalId);
  return getDb().$transaction(async (tx) => {
    const channel = await tx.channel.create({ data, select: channelSelect });
    await writeAudit(
      user,
      {
        action: "channel.create",
        objectType: "channel",
        objectId: channel.id,
        details: { externalId: data.externalId, name: data.name },
      },
      tx,
    );
    return channel;
  });
}

export async function updateChannel(user: CurrentUser, id: string, data: ChannelData) {
  const before = await getChannel(id);
  await assertExternalIdFree(data.externalId, id);
  return getDb().$transaction(async (tx) => {
    const channel = await tx.channel.update({
      where: { id },
      // A different 8x8 channel means the cached flows are someone else's: drop the sync marks so it resyncs.
      data: {
        ...data,
        ...(before.externalId !== data.externalId
          ? { lastFlowSyncAt: null, lastSyncAttemptAt: null, lastSyncError: null }
          : {}),
      },
      select: channelSelect,
    });
    await writeAudit(
      user,
      {
        action: "channel.update",
        objectType: "channel",
        objectId: id,
        details: { externalId: data.externalId, name: data.name },
      },
      tx,
    );
    return channel;
  });
}

/** Removes the channel and its cached flows and templates from the portal; nothing is deleted at 8x8. */
export async function deleteChannel(user: CurrentUser, id: string): Promise<{ name: string }> {
  const channel = await getChannel(id);
  await getDb().$transaction(async (tx) => {
    await tx.channel.delete({ where: { id } });
    await writeAudit(
      user,
      {
        action: "channel.delete",
        objectType: "channel",
        objectId: id,
        details: { externalId: channel.externalId, name: channel.name },
      },
      tx,
    );
  });
  return { name: channel.name };
}
