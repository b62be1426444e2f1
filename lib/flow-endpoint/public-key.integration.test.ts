import { createHash, generateKeyPairSync } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db";
import { resetDatabase } from "@/lib/testing/database";
import { getStoredEndpointPublicKey, resolveEndpointPublicKey } from "./public-key";

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

const { saveEndpointPublicKeyAction } = await import("@/lib/actions/settings");

const rsa = generateKeyPairSync("rsa", {
  modulusLength: 2048,
  publicKeyEncoding: { type: "spki", format: "pem" },
  privateKeyEncoding: { type: "pkcs8", format: "pem" },
});
const fingerprintOf = (pem: string) =>
  createHash("sha256")
    .update(Buffer.from(pem.replace(/-----[A-Z ]+-----|\s/g, ""), "base64"))
    .digest("base64");

async function makeUser(role: "ADMIN" | "MARKETER") {
  return getDb().user.create({
    data: { email: `${role.toLowerCase()}@example.test`, name: role, role, passwordHash: "x" },
  });
}

const auditActions = async () =>
  (await getDb().auditLog.findMany({ orderBy: { id: "asc" } })).map((a) => a.action);

describe("the data endpoint's public key in Settings", () => {
  let adminId: string;

  beforeEach(async () => {
    await resetDatabase();
    adminId = (await makeUser("ADMIN")).id;
    session.userId = adminId;
  });

  it("an admin sets it (trimmed), the live preview uses it, and the change is audited", async () => {
    const result = await saveEndpointPublicKeyAction({ publicKeyPem: `\n  ${rsa.publicKey}  \n` });
    expect(result).toEqual({ ok: true, data: { fingerprint: fingerprintOf(rsa.publicKey) } });
    expect(await resolveEndpointPublicKey(undefined)).toBe(rsa.publicKey.trim());
    expect(await getStoredEndpointPublicKey()).toEqual({
      pem: rsa.publicKey.trim(),
      modulusBits: 2048,
      fingerprint: fingerprintOf(rsa.publicKey),
      problem: null,
    });
    const [audit] = await getDb().auditLog.findMany();
    expect(audit).toMatchObject({
      actorId: adminId,
      action: "settings.endpoint_public_key_set",
      objectId: "flow-endpoint.public-key",
      details: { fingerprint: fingerprintOf(rsa.publicKey), modulusBits: 2048 },
    });
  });

  it.each([
    ["a blank field", "", "Paste the public key (PEM)."],
    [
      "text that is not PEM",
      "-----BEGIN PUBLIC KEY-----\nnope\n-----END PUBLIC KEY-----",
      "not a PEM-encoded public key",
    ],
    ["a private key", rsa.privateKey, "This is a private key"],
    [
      "an EC key",
      generateKeyPairSync("ec", {
        namedCurve: "P-256",
        publicKeyEncoding: { type: "spki", format: "pem" },
        privateKeyEncoding: { type: "pkcs8", format: "pem" },
      }).publicKey,
      "must be an RSA key (got ec)",
    ],
  ])("refuses %s with a reason under the field and keeps the stored key", async (_, pem, reason) => {
    await saveEndpointPublicKeyAction({ publicKeyPem: rsa.publicKey });
    const result = await saveEndpointPublicKeyAction({ publicKeyPem: pem });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe("validation_failed");
    expect(result.error.fieldErrors?.publicKeyPem?.[0]).toContain(reason);
    expect((await getStoredEndpointPublicKey())?.pem).toBe(rsa.publicKey.trim());
    expect(await auditActions()).toEqual(["settings.endpoint_public_key_set"]);
  });

  it("an admin clears it: the preview has no key again", async () => {
    await saveEndpointPublicKeyAction({ publicKeyPem: rsa.publicKey });
    expect(await saveEndpointPublicKeyAction({ publicKeyPem: null })).toEqual({
      ok: true,
      data: { fingerprint: null },
    });
    expect(await resolveEndpointPublicKey(undefined)).toBeNull();
    expect(await getStoredEndpointPublicKey()).toBeNull();
    expect(await auditActions()).toEqual([
      "settings.endpoint_public_key_set",
      "settings.endpoint_public_key_clear",
    ]);
  });

  it("refuses anyone but an admin before looking at the input", async () => {
    await saveEndpointPublicKeyAction({ publicKeyPem: rsa.publicKey });
    session.userId = (await makeUser("MARKETER")).id;
    for (const publicKeyPem of [null, "not a key"]) {
      const result = await saveEndpointPublicKeyAction({ publicKeyPem });
      expect(result).toMatchObject({ ok: false, error: { code: "forbidden" } });
    }
    session.userId = null;
    expect(await saveEndpointPublicKeyAction({ publicKeyPem: null })).toMatchObject({
      ok: false,
      error: { code: "unauthenticated" },
    });
    expect((await getStoredEndpointPublicKey())?.pem).toBe(rsa.publicKey.trim());
    expect(await auditActions()).toEqual(["settings.endpoint_public_key_set"]);
  });

  it("shows why a key stored before these checks cannot be used", async () => {
    await getDb().appSetting.create({ data: { key: "flow-endpoint.public-key", value: "garbage" } });
    expect(await getStoredEndpointPublicKey()).toMatchObject({
      pem: "garbage",
      fingerprint: null,
      problem: expect.stringContaining("not a PEM-encoded public key"),
    });
  });
});
