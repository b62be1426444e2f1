import type { PrismaClient } from "@/lib/generated/prisma/client";

/** Demo content beyond users (simulator channels, flows, templates) is added by the features that own it. */
export async function seedDemoData(_db: PrismaClient): Promise<void> {}
