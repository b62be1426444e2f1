import { z } from "zod";

const E164 = /^\+[1-9]\d{6,14}$/;

/** One schema for the form and the action: the same messages in both places. */
export const channelInputSchema = z.object({
  externalId: z
    .string()
    .trim()
    .min(1, "Enter the 8x8 channel id.")
    .max(100, "The channel id is at most 100 characters.")
    .regex(
      /^[A-Za-z0-9._-]+$/,
      "The channel id has only letters, digits, dots, dashes and underscores (8x8 shows it under Channels).",
    ),
  name: z.string().trim().min(1, "Enter a display name.").max(80, "Keep the name under 80 characters."),
  phoneNumber: z
    .string()
    .trim()
    .transform((value) => value.replace(/[\s()-]/g, ""))
    .refine(
      (value) => value === "" || E164.test(value),
      "Enter the number in international format, e.g. +15551234567.",
    )
    .transform((value) => (value === "" ? null : value)),
  testNumbers: z
    .string()
    .transform((value) =>
      value
        .split(/[\s,;]+/)
        .map((n) => n.replace(/[()-]/g, ""))
        .filter(Boolean),
    )
    .refine(
      (numbers) => numbers.every((n) => E164.test(n)),
      "Test numbers must be in international format, e.g. +15551234567, separated by commas.",
    )
    .refine((numbers) => numbers.length <= 20, "At most 20 test numbers.")
    .transform((numbers) => [...new Set(numbers)]),
});
export type ChannelInput = z.input<typeof channelInputSchema>;

export const updateChannelSchema = channelInputSchema.extend({ id: z.uuid() });
export const channelIdSchema = z.object({ id: z.uuid() });
