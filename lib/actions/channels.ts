"use server";
import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getChannel, SELECTED_CHANNEL_COOKIE } from "@/lib/channels";
import { defineAction } from "./define-action";

/** The header's channel switcher: remembers the choice for a year in this browser. */
export const selectChannelAction = defineAction(
  { input: z.object({ channelId: z.uuid() }), permission: "flows.read" },
  async ({ channelId }) => {
    const channel = await getChannel(channelId);
    (await cookies()).set(SELECTED_CHANNEL_COOKIE, channel.id, {
      httpOnly: true,
      sameSite: "lax",
      path: "/",
      maxAge: 365 * 86_400,
    });
    revalidatePath("/", "layout");
    return { name: channel.name };
  },
);
