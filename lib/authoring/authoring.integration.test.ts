import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db";
import { resetDatabase } from "@/lib/testing/database";
import { BLANK_FLOW_JSON } from "./blank-flow";

// The session of the calling user: actions read it through next-auth, as in a request.
const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("next-auth", () => ({
  getServerSession: async () => (session.userId ? { user: { id: session.userId } } : null),
}));
vi.mock("next/server", async (importOriginal) => ({
  ...(await importOriginal<object>()),
  connection: async () => {},
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
// The real client and the real simulator, joined in process instead of over HTTP (no server runs in vitest).
vi.mock("@/lib/eightbyeight", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/eightbyeight")>();
  const { createSimulatorFetch } = await import("@/lib/eightbyeight/simulator");
  return {
    ...original,
    getEightByEightClient: async () => {
      const config = await original.resolveApiConfig();
      return original.createEightByEightClient({
        baseUrl: config.baseUrl,
        apiKey: config.apiKey!,
        accountId: config.accountId!,
        subAccountId: config.subAccountId!,
        fetch: createSimulatorFetch({ baseUrl: config.baseUrl, apiKey: config.apiKey! }),
      });
    },
  };
});

const { createFlowAction, publishFlowAction, saveFlowAction } = await import("@/lib/actions/authoring");

async function makeUser(role: "ADMIN" | "MARKETER" | "TESTER") {
  return getDb().user.create({
    data: { email: `${role.toLowerCase()}@example.test`, name: role, role, passwordHash: "x" },
  });
}

async function makeChannel() {
  return getDb().channel.create({
    data: { externalId: "ec36a867-3dd4-e911-814a-02d85f55fce8", name: "Test channel" },
  });
}

function flowWith(title: string) {
  return BLANK_FLOW_JSON.replace('"Welcome"', JSON.stringify(title));
}

describe("authoring actions", () => {
  let channelId: string;
  let marketerId: string;
  let testerId: string;

  beforeEach(async () => {
    await resetDatabase();
    channelId = (await makeChannel()).id;
    marketerId = (await makeUser("MARKETER")).id;
    testerId = (await makeUser("TESTER")).id;
    session.userId = marketerId;
  });

  async function createDraft(flowJson = BLANK_FLOW_JSON) {
    const result = await createFlowAction({
      channelId,
      name: "Booking",
      categories: ["OTHER"],
      endpointUri: "",
      flowJson,
    });
    if (!result.ok) throw new Error(result.error.message);
    return result.data.id;
  }

  it("creates a draft at 8x8 with its first revision and an audit entry", async () => {
    const id = await createDraft();
    const flow = await getDb().flow.findUniqueOrThrow({ where: { id }, include: { revisions: true } });
    expect(flow).toMatchObject({
      status: "DRAFT",
      revision: 1,
      flowJson: BLANK_FLOW_JSON,
      flowJsonVersion: "7.3",
      createdById: marketerId,
    });
    expect(flow.externalId).toMatch(/\S/);
    expect(flow.revisions).toMatchObject([
      { number: 1, authorEmail: "marketer@example.test", flowJson: BLANK_FLOW_JSON },
    ]);
    expect(
      await getDb().auditLog.count({ where: { action: "flow.create", objectId: id, actorId: marketerId } }),
    ).toBe(1);
  });

  it("sends nothing to 8x8 while the text does not parse", async () => {
    const truncated = readFileSync(
      path.resolve("lib/examples/corpus/seed-examples/loan-application.truncated.txt"),
      "utf8",
    );
    const result = await createFlowAction({
      channelId,
      name: "Loan",
      categories: ["OTHER"],
      endpointUri: "",
      flowJson: truncated,
    });
    expect(result).toMatchObject({ ok: false, error: { code: "validation_failed" } });
    expect(result.ok === false && result.error.message).toContain("does not parse");
    expect(await getDb().flow.count()).toBe(0);
    expect(await getDb().simFlow.count()).toBe(0);
  });

  it("refuses an endpoint that is not https", async () => {
    const result = await createFlowAction({
      channelId,
      name: "Plain",
      categories: ["OTHER"],
      endpointUri: "http://example.com/hook",
      flowJson: BLANK_FLOW_JSON,
    });
    expect(result).toMatchObject({
      ok: false,
      error: { fieldErrors: { endpointUri: ["The endpoint URI must be a full https:// address."] } },
    });
  });

  it("saves with optimistic concurrency: a save from an older revision is refused and changes nothing", async () => {
    const id = await createDraft();
    const first = await saveFlowAction({
      flowId: id,
      baseRevision: 1,
      flowJson: flowWith("Second"),
      name: "Booking",
      categories: ["OTHER"],
      endpointUri: "",
    });
    expect(first).toMatchObject({ ok: true, data: { revision: 2, validationErrors: [] } });

    const stale = await saveFlowAction({
      flowId: id,
      baseRevision: 1,
      flowJson: flowWith("Lost?"),
      name: "Booking",
      categories: ["OTHER"],
      endpointUri: "",
    });
    expect(stale).toMatchObject({ ok: false, error: { code: "stale_revision" } });
    expect(stale.ok === false && stale.error.message).toContain(
      "marketer@example.test saved this flow (revision 2)",
    );
    const flow = await getDb().flow.findUniqueOrThrow({ where: { id } });
    expect(flow.revision).toBe(2);
    expect(flow.flowJson).toBe(flowWith("Second"));
    expect((await getDb().simFlow.findUniqueOrThrow({ where: { id: flow.externalId } })).flowJson).toBe(
      flowWith("Second"),
    );
    expect(await getDb().flowRevision.count({ where: { flowId: id } })).toBe(2);
  });

  it("stores 8x8's validationErrors and refuses to publish until they are fixed", async () => {
    const broken = BLANK_FLOW_JSON.replace('"terminal": true,', "");
    const id = await createDraft(broken);
    const refused = await publishFlowAction({ flowId: id });
    expect(refused).toMatchObject({ ok: false, error: { code: "validation_failed" } });
    const reasons = refused.ok ? "" : (refused.error.fieldErrors?.flowJson?.join("\n") ?? "");
    expect(reasons).toContain("can only be specified on a terminal screen");
    // 8x8's own validationErrors, stored at create, are among the reasons too.
    expect(reasons).toContain("8x8: Line");
    expect((await getDb().flow.findUniqueOrThrow({ where: { id } })).status).toBe("DRAFT");

    expect(
      await saveFlowAction({
        flowId: id,
        baseRevision: 1,
        flowJson: BLANK_FLOW_JSON,
        name: "Booking",
        categories: ["OTHER"],
        endpointUri: "",
      }),
    ).toMatchObject({ ok: true });
    expect(await publishFlowAction({ flowId: id })).toMatchObject({
      ok: true,
      data: { status: "PUBLISHED" },
    });
    const published = await getDb().flow.findUniqueOrThrow({ where: { id } });
    expect(published.status).toBe("PUBLISHED");
    expect(published.publishedAt).not.toBeNull();
    expect(await getDb().auditLog.count({ where: { action: "flow.publish", objectId: id } })).toBe(1);

    const afterPublish = await saveFlowAction({
      flowId: id,
      baseRevision: 2,
      flowJson: flowWith("Too late"),
      name: "Booking",
      categories: ["OTHER"],
      endpointUri: "",
    });
    expect(afterPublish).toMatchObject({ ok: false, error: { code: "conflict" } });
  });

  it("refuses a tester's save, publish and create", async () => {
    const id = await createDraft();
    session.userId = testerId;
    const save = await saveFlowAction({
      flowId: id,
      baseRevision: 1,
      flowJson: flowWith("Tester"),
      name: "Booking",
      categories: ["OTHER"],
      endpointUri: "",
    });
    const publish = await publishFlowAction({ flowId: id });
    const create = await createFlowAction({
      channelId,
      name: "Tester flow",
      categories: ["OTHER"],
      endpointUri: "",
      flowJson: BLANK_FLOW_JSON,
    });
    for (const result of [save, publish, create])
      expect(result).toMatchObject({ ok: false, error: { code: "forbidden" } });
    const flow = await getDb().flow.findUniqueOrThrow({ where: { id } });
    expect(flow).toMatchObject({ revision: 1, status: "DRAFT", flowJson: BLANK_FLOW_JSON });
    expect(await getDb().flow.count()).toBe(1);
  });

  it("links a new version to the published flow it replaces", async () => {
    const id = await createDraft();
    expect(await publishFlowAction({ flowId: id })).toMatchObject({ ok: true });
    const next = await createFlowAction({
      channelId,
      name: "Booking v2",
      categories: ["OTHER"],
      endpointUri: "",
      flowJson: BLANK_FLOW_JSON,
      previousVersionId: id,
    });
    expect(next).toMatchObject({ ok: true });
    const created = await getDb().flow.findUniqueOrThrow({ where: { id: next.ok ? next.data.id : "" } });
    expect(created).toMatchObject({ status: "DRAFT", previousVersionId: id });
    expect((await getDb().flow.findUniqueOrThrow({ where: { id } })).status).toBe("PUBLISHED");
    expect(
      await getDb().auditLog.count({ where: { action: "flow.new_version", objectId: created.id } }),
    ).toBe(1);
  });
});
