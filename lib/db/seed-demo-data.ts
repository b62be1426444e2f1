import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createEightByEightClient, resolveApiConfig } from "@/lib/eightbyeight";
import { createSimulatorFetch, DEMO_CHANNELS, seedSimulatorDemo } from "@/lib/eightbyeight/simulator";
import { syncChannelFlows } from "@/lib/flows";

/**
 * Demo content beyond users: the simulator's channels, flows and templates, the matching portal channels, and a
 * first sync so the flow list is filled on the first start. Idempotent; skipped against a real 8x8 account.
 */
export async function seedDemoData(db: PrismaClient, options: { simulator: boolean }): Promise<void> {
  if (!options.simulator) return;
  const { seeded } = await seedSimulatorDemo(db);
  const config = await resolveApiConfig();
  if (config.mode !== "simulator" || !config.apiKey || !config.accountId || !config.subAccountId) return;
  // No server runs yet: the client talks to the simulator in this process.
  const client = createEightByEightClient({
    baseUrl: config.baseUrl,
    apiKey: config.apiKey,
    accountId: config.accountId,
    subAccountId: config.subAccountId,
    fetch: createSimulatorFetch({ baseUrl: config.baseUrl, apiKey: config.apiKey }),
  });
  for (const demo of DEMO_CHANNELS) {
    const channel = await db.channel.upsert({
      where: { externalId: demo.externalId },
      create: {
        externalId: demo.externalId,
        name: demo.name,
        phoneNumber: demo.phoneNumber,
        testNumbers: [...demo.testNumbers],
      },
      update: {},
    });
    if (channel.lastFlowSyncAt) continue;
    await syncChannelFlows(channel.id, { client, detailBudget: 100 });
    // 8x8 returns no timestamps; give the demo cache the simulator's, so "last updated" reads naturally.
    for (const flow of await db.simFlow.findMany({ where: { channelId: demo.externalId } })) {
      await db.flow.updateMany({
        where: { channelId: channel.id, externalId: flow.id },
        data: {
          createdAt: flow.createdAt,
          updatedAt: flow.updatedAt,
          publishedAt: flow.status === "DRAFT" ? null : flow.createdAt,
        },
      });
    }
    await copySimulatorTemplates(db, channel.id, demo.externalId);
  }
  if (seeded)
    console.log(
      `Seeded the 8x8 simulator with ${DEMO_CHANNELS.length} demo channels, their flows and templates.`,
    );
}

/** The template cache as a template sync would fill it (the templates feature keeps it current afterwards). */
async function copySimulatorTemplates(
  db: PrismaClient,
  channelId: string,
  externalChannelId: string,
): Promise<void> {
  const templates = await db.simTemplate.findMany({
    where: { channelId: externalChannelId, deletedAt: null },
  });
  for (const t of templates) {
    await db.template.upsert({
      where: { channelId_name_language: { channelId, name: t.name, language: t.language } },
      create: {
        channelId,
        externalId: t.id,
        name: t.name,
        language: t.language,
        category: t.category,
        status: t.status,
        rejectionReason: t.rejectionReason,
        components: t.components ?? [],
        flowExternalIds: t.flowIds,
        createdAt: t.createdAt,
        lastSyncedAt: new Date(),
      },
      update: {},
    });
  }
}
