/**
 * Database chores, run with tsx: `migrate` applies committed migrations, `seed [--demo]` seeds,
 * `migration <name>` writes a new migration from the schema change (offline, no shadow database).
 */
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../lib/generated/prisma/client";
import { seedDemoUsers } from "../lib/db/seed-demo-users";

const root = path.resolve(__dirname, "..");
const migrationsDir = path.join(root, "prisma", "migrations");
const schemaDir = path.join(root, "prisma", "schema");
// The schema as of the newest migration, so a new migration is the difference (no shadow database needed).
const snapshotDir = path.join(root, "prisma", "schema-snapshot");
const prismaBin = path.join(root, "node_modules", ".bin", "prisma");

function requireDatabaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error(
      "DATABASE_URL is not set. `npm start` sets it for the embedded PostgreSQL; set it to run this by hand.",
    );
    process.exit(1);
  }
  return url;
}

function committedMigrations(): string[] {
  return readdirSync(migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

async function appliedMigrations(url: string): Promise<Set<string>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ migration_name: string }>(
      `SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    return new Set(rows.map((r) => r.migration_name));
  } catch {
    return new Set();
  } finally {
    await client.end();
  }
}

/** Runs `prisma migrate deploy` only when a committed migration is not applied yet (it takes seconds). */
async function migrate(): Promise<void> {
  const url = requireDatabaseUrl();
  const applied = await appliedMigrations(url);
  const pending = committedMigrations().filter((name) => !applied.has(name));
  if (pending.length === 0) {
    console.log("Database is up to date.");
    return;
  }
  console.log(`Applying ${pending.length} migration(s): ${pending.join(", ")}`);
  execFileSync(prismaBin, ["migrate", "deploy"], { stdio: "inherit", cwd: root, env: process.env });
}

async function seed(demo: boolean): Promise<void> {
  const url = requireDatabaseUrl();
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  try {
    if (!demo) {
      console.log("Nothing to seed without --demo (demo users are only created on request or in demo mode).");
      return;
    }
    const created = await seedDemoUsers(db);
    console.log(created > 0 ? `Created ${created} demo user(s).` : "Demo users already exist.");
    // Loaded here: it reaches server-only modules, which need tsx's react-server condition (`migration` runs without).
    const { seedDemoData } = await import("../lib/db/seed-demo-data");
    // Against a real 8x8 account there is no simulator to fill.
    await seedDemoData(db, { simulator: !process.env.EIGHTBYEIGHT_API_URL });
  } finally {
    await db.$disconnect();
    if (demo) await (await import("../lib/db/client")).disconnectDb(); // the demo sync used the app's own client
  }
}

function newMigration(name: string | undefined): void {
  if (!name || !/^[a-z0-9_]+$/.test(name)) {
    console.error("Usage: npm run db:migration -- <snake_case_name>");
    process.exit(1);
  }
  // The JS schema engine opens the configured database even for a file-to-file diff.
  requireDatabaseUrl();
  const from = existsSync(snapshotDir) ? ["--from-schema-datamodel", snapshotDir] : ["--from-empty"];
  const sql = execFileSync(
    prismaBin,
    ["migrate", "diff", ...from, "--to-schema-datamodel", schemaDir, "--script"],
    {
      cwd: root,
      encoding: "utf8",
    },
  );
  if (!/CREATE|ALTER|DROP/.test(sql)) {
    console.log("The schema has not changed since the last migration.");
    return;
  }
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const dir = path.join(migrationsDir, `${stamp}_${name}`);
  mkdirSync(dir);
  writeFileSync(path.join(dir, "migration.sql"), sql);
  rmSync(snapshotDir, { recursive: true, force: true });
  cpSync(schemaDir, snapshotDir, { recursive: true });
  console.log(`Wrote ${path.relative(root, dir)}/migration.sql`);
}

async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2);
  switch (command) {
    case "migrate":
      await migrate();
      break;
    case "seed":
      await seed(rest.includes("--demo"));
      break;
    case "migration":
      newMigration(rest[0]);
      break;
    default:
      console.error("Usage: db.ts migrate | seed [--demo] | migration <name>");
      process.exit(1);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
