import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { verifyPassword } from "@/lib/auth/password";
import { resetDatabase } from "@/lib/testing/database";
import { createUser, updateUser } from "./index";

async function makeAdmin() {
  return createUser(null, {
    email: "root@example.com",
    name: "Root",
    role: "ADMIN",
    logAccess: true,
    password: "root-password-1",
  });
}

describe("users (PostgreSQL)", () => {
  beforeEach(resetDatabase);

  it("creates a user with a slow hash and writes the audit log", async () => {
    const admin = await makeAdmin();
    const user = await createUser(admin, {
      email: "new@example.com",
      name: "New",
      role: "TESTER",
      logAccess: false,
      password: "password-123",
    });
    const stored = await getDb().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.passwordHash).toMatch(/^\$2[aby]\$11\$/);
    expect(await verifyPassword("password-123", stored.passwordHash)).toBe(true);
    expect(JSON.stringify(user)).not.toContain("passwordHash");
    const audit = await getDb().auditLog.findFirstOrThrow({
      where: { action: "user.create", objectId: user.id },
    });
    expect(audit.actorEmail).toBe("root@example.com");
    expect(audit.details).toEqual({ email: "new@example.com", role: "TESTER", logAccess: false });
  });

  it("refuses a duplicate email with a field error and writes nothing", async () => {
    const admin = await makeAdmin();
    await expect(
      createUser(admin, {
        email: "root@example.com",
        name: "Again",
        role: "TESTER",
        logAccess: false,
        password: "password-123",
      }),
    ).rejects.toMatchObject({ fieldErrors: { email: ["A user with this email already exists."] } });
    expect(await getDb().user.count()).toBe(1);
    expect(await getDb().auditLog.count({ where: { action: "user.create" } })).toBe(1);
  });

  it("changes role, log access and active flag, with an audit entry each", async () => {
    const admin = await makeAdmin();
    const user = await createUser(admin, {
      email: "m@example.com",
      name: "M",
      role: "MARKETER",
      logAccess: false,
      password: "password-123",
    });
    const updated = await updateUser(admin, { userId: user.id, role: "TESTER", logAccess: true });
    expect(updated).toMatchObject({ role: "TESTER", logAccess: true, active: true });
    await updateUser(admin, { userId: user.id, active: false });
    expect((await getDb().user.findUniqueOrThrow({ where: { id: user.id } })).active).toBe(false);
    expect(await getDb().auditLog.count({ where: { action: "user.update", objectId: user.id } })).toBe(2);
  });

  it("keeps at least one active admin and stops admins from locking themselves out", async () => {
    const admin = await makeAdmin();
    await expect(updateUser(admin, { userId: admin.id, active: false })).rejects.toThrow(
      "cannot deactivate yourself",
    );
    const other = await createUser(admin, {
      email: "a2@example.com",
      name: "A2",
      role: "ADMIN",
      logAccess: true,
      password: "password-123",
    });
    await updateUser(admin, { userId: other.id, role: "MARKETER" });
    await expect(updateUser(other, { userId: admin.id, role: "TESTER" })).rejects.toThrow(
      "Keep at least one active admin.",
    );
  });

  it("answers not found for an unknown user id", async () => {
    const admin = await makeAdmin();
    await expect(
      updateUser(admin, { userId: "00000000-0000-4000-8000-000000000000", active: false }),
    ).rejects.toThrow("The user was not found.");
  });
});
