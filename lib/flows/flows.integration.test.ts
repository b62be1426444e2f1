import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { createEightByEightClient, EightByEightApiError } from "@/lib/eightbyeight";
import { createSimulatorFetch, injectFault } from "@/lib/eightbyeight/simulator";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { resetDatabase } from "@/lib/testing/database";
import { deleteFlow, getFlow, listFlows, syncChannelFlows } from "./index";

const BASE = "http://localhost:3999/api/sim/8x8";
const KEY = "flows-test-key";
const CHANNEL = "channel-under-test";
const client = createEightByEightClient({
  baseUrl: BASE,
  apiKey: KEY,
  accountId: "5f3c1d2e-8a4b-4c6d-9e0f-1a2b3c4d5e6f",
  subAccountId: "sub-1",
  fetch: createSimulatorFetch({ baseUrl: BASE, apiKey: KEY }),
  retry: { maxRetries: 1, baseDelayMs: 1 },
});
const flowJson = readFileSync(
  path.resolve("lib/examples/corpus/seed-examples/flows-api-appointment-booking.json"),
  "utf8",
);
const admin: CurrentUser = {
  id: "00000000-0000-4000-8000-000000000001",
  email: "admin@example.com",
  name: "Admin",
  role: "ADMIN",
  logAccess: true,
};

async function channel() {
  return getDb().channel.create({ data: { externalId: CHANNEL, name: "Test channel" } });
}

beforeEach(resetDatabase);

describe("syncChannelFlows", () => {
  it("adds flows created outside the portal with their details, and drops flows deleted outside", async () => {
    const { id: channelId } = await channel();
    const a = await client.flows.create(CHANNEL, {
      name: "Booking",
      categories: ["APPOINTMENT_BOOKING"],
      flowJson,
    });
    const b = await client.flows.create(CHANNEL, {
      name: "Broken",
      categories: ["OTHER"],
      flowJson: '{"version":"7.3"',
    });
    expect(await syncChannelFlows(channelId, { client })).toMatchObject({ added: 2, removed: 0 });

    const [booking] = await listFlows(channelId, { search: "book" });
    expect(booking).toMatchObject({
      name: "Booking",
      status: "DRAFT",
      categories: ["APPOINTMENT_BOOKING"],
      validationErrorCount: 0,
      detailsPending: false,
    });
    const cached = await getFlow(booking!.id);
    expect(cached.flowJson).toBe(flowJson);
    expect(cached.flowJsonVersion).toBe("7.3");
    expect((await listFlows(channelId, { search: "broken" }))[0]!.validationErrorCount).toBeGreaterThan(0);

    await client.flows.publish(CHANNEL, a.id);
    await client.flows.delete(CHANNEL, b.id);
    expect(await syncChannelFlows(channelId, { client })).toMatchObject({ added: 0, updated: 1, removed: 1 });
    const after = await listFlows(channelId);
    expect(after.map((f) => [f.name, f.status])).toEqual([["Booking", "PUBLISHED"]]);
    expect((await getFlow(after[0]!.id)).publishedAt).not.toBeNull();
    const state = await getDb().channel.findUniqueOrThrow({ where: { id: channelId } });
    expect(state.lastSyncError).toBeNull();
    expect(state.lastFlowSyncAt).not.toBeNull();
  });

  it("over its detail budget shows new flows by name and status and fetches the rest next time", async () => {
    const { id: channelId } = await channel();
    for (const name of ["One", "Two", "Three"])
      await client.flows.create(CHANNEL, { name, categories: ["OTHER"], flowJson });
    expect(await syncChannelFlows(channelId, { client, detailBudget: 1 })).toMatchObject({
      added: 3,
      detailed: 1,
      pendingDetails: 2,
    });
    expect((await listFlows(channelId)).filter((f) => f.detailsPending)).toHaveLength(2);
    expect(await syncChannelFlows(channelId, { client, detailBudget: 5 })).toMatchObject({
      detailed: 2,
      pendingDetails: 0,
    });
    expect((await listFlows(channelId)).filter((f) => f.detailsPending)).toHaveLength(0);
  });

  it("keeps the cache and records the error when 8x8 fails", async () => {
    const { id: channelId } = await channel();
    await client.flows.create(CHANNEL, { name: "Kept", categories: ["OTHER"], flowJson });
    await syncChannelFlows(channelId, { client });
    await injectFault({ kind: "error500", count: 10 });
    await expect(syncChannelFlows(channelId, { client })).rejects.toBeInstanceOf(EightByEightApiError);
    expect((await listFlows(channelId)).map((f) => f.name)).toEqual(["Kept"]);
    const state = await getDb().channel.findUniqueOrThrow({ where: { id: channelId } });
    expect(state.lastSyncError).toBe("8x8 had an internal error. Try again in a moment.");
    expect(state.lastSyncAttemptAt!.getTime()).toBeGreaterThan(state.lastFlowSyncAt!.getTime());
  });
});

describe("list, get and delete rules", () => {
  it("filters, sorts and escapes the search", async () => {
    const { id: channelId } = await channel();
    const db = getDb();
    const now = Date.now();
    for (const [i, [name, status]] of (
      [
        ["Alpha", "DRAFT"],
        ["beta 100%", "PUBLISHED"],
        ["Gamma", "DEPRECATED"],
      ] as const
    ).entries()) {
      await db.flow.create({
        data: {
          channelId,
          externalId: String(i),
          name,
          status,
          updatedAt: new Date(now - i * 60_000),
          lastSyncedAt: new Date(),
        },
      });
    }
    expect((await listFlows(channelId)).map((f) => f.name)).toEqual(["Alpha", "beta 100%", "Gamma"]);
    expect((await listFlows(channelId, { sort: "name_desc" })).map((f) => f.name)).toEqual([
      "Gamma",
      "beta 100%",
      "Alpha",
    ]);
    expect((await listFlows(channelId, { search: "%" })).map((f) => f.name)).toEqual(["beta 100%"]);
    expect((await listFlows(channelId, { search: "GAM" })).map((f) => f.name)).toEqual(["Gamma"]);
    expect((await listFlows(channelId, { status: "PUBLISHED" })).map((f) => f.name)).toEqual(["beta 100%"]);
  });

  it("a flow of another channel is not found when scoped; a malformed id is not found", async () => {
    const { id: channelId } = await channel();
    const other = await getDb().channel.create({ data: { externalId: "other", name: "Other" } });
    const flow = await getDb().flow.create({
      data: { channelId: other.id, externalId: "1", name: "Theirs", status: "DRAFT" },
    });
    await expect(getFlow(flow.id, { channelId })).rejects.toBeInstanceOf(NotFoundError);
    await expect(getFlow("x'; drop")).rejects.toBeInstanceOf(NotFoundError);
    expect((await getFlow(flow.id)).name).toBe("Theirs");
  });

  it("refuses to delete a published flow and a draft a template uses, naming the template", async () => {
    const { id: channelId } = await channel();
    const db = getDb();
    const published = await db.flow.create({
      data: { channelId, externalId: "1", name: "Live", status: "PUBLISHED" },
    });
    const used = await db.flow.create({
      data: { channelId, externalId: "2", name: "Used draft", status: "DRAFT" },
    });
    await db.template.create({
      data: {
        channelId,
        name: "reminder",
        language: "en_US",
        category: "UTILITY",
        status: "APPROVED",
        flowExternalIds: ["2"],
      },
    });
    await expect(deleteFlow(admin, published.id)).rejects.toThrow(
      new ConflictError('"Live" cannot be deleted. Only drafts can be deleted; this flow is published.'),
    );
    await expect(deleteFlow(admin, used.id)).rejects.toThrow(/Used by the template reminder/);
    expect((await listFlows(channelId)).find((f) => f.name === "Used draft")?.usedByTemplates).toEqual([
      "reminder",
    ]);
    expect(await db.flow.count()).toBe(2);
  });
});
