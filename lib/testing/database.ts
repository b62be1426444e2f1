import pg from "pg";

/**
 * Integration tests run on a real PostgreSQL: `npm test` points DATABASE_URL at a freshly migrated test
 * database. Refuses databases whose name does not say "test", so a developer's data is never wiped.
 */
export function testDatabaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("Integration tests need DATABASE_URL (run them through `npm test`).");
  const name = new URL(url).pathname.slice(1);
  if (!name.includes("test"))
    throw new Error(`Refusing to wipe the database "${name}": its name must contain "test".`);
  return url;
}

/** Empties every application table (and the job queue), keeping the migrations table. */
export async function resetDatabase(): Promise<void> {
  const client = new pg.Client({ connectionString: testDatabaseUrl() });
  await client.connect();
  try {
    const { rows } = await client.query<{ tablename: string }>(
      `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`,
    );
    if (rows.length > 0) {
      await client.query(
        `TRUNCATE ${rows.map((r) => `"public"."${r.tablename}"`).join(", ")} RESTART IDENTITY CASCADE`,
      );
    }
  } finally {
    await client.end();
  }
}
