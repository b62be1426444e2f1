// Databases for the test run: a template migrated once, then fresh copies for the unit/integration and e2e
// suites. Uses TEST_DATABASE_URL or DATABASE_URL's server when set (local hosts only), else an embedded PostgreSQL.
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "./embedded-postgres.mjs";
import { root, runTsx } from "./run.mjs";

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "::1", "[::1]", ""]);

function withDatabase(url, database) {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function recreate(adminUrl, database, template) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`,
      [database],
    );
    await client.query(`DROP DATABASE IF EXISTS "${database}"`);
    await client.query(`CREATE DATABASE "${database}"${template ? ` TEMPLATE "${template}"` : ""}`);
  } finally {
    await client.end();
  }
}

/** @returns {Promise<{ unitUrl: string, e2eUrl: string, stop: () => Promise<void> }>} */
export async function prepareTestDatabases(env) {
  let baseUrl = env.TEST_DATABASE_URL || env.DATABASE_URL;
  let stop = async () => {};
  if (baseUrl) {
    const host = new URL(baseUrl).hostname;
    if (!LOCAL_HOSTS.has(host) && env.FLOWPORT_ALLOW_REMOTE_TEST_DB !== "1") {
      throw new Error(
        `Tests drop and recreate databases, so they refuse the non-local host ${host}. Use a local PostgreSQL.`,
      );
    }
  } else {
    const port = Number(env.FLOWPORT_TEST_PG_PORT || 54330);
    const embedded = await startEmbeddedPostgres({
      dataDir: path.join(root, ".flowport", "pgdata-test"),
      port,
      database: "postgres",
    });
    baseUrl = embedded.url;
    stop = embedded.stop;
  }
  const adminUrl = withDatabase(baseUrl, "postgres");
  // A prefix keeps parallel runs on one server apart (FLOWPORT_TEST_DB_PREFIX=flowport_test_mine).
  const prefix = env.FLOWPORT_TEST_DB_PREFIX || "flowport_test";
  const template = `${prefix}_template`;
  await recreate(adminUrl, template);
  await runTsx(path.join(root, "scripts", "db.ts"), ["migrate"], {
    env: { ...env, DATABASE_URL: withDatabase(baseUrl, template) },
  });
  await recreate(adminUrl, `${prefix}_unit`, template);
  await recreate(adminUrl, `${prefix}_e2e`, template);
  return {
    unitUrl: withDatabase(baseUrl, `${prefix}_unit`),
    e2eUrl: withDatabase(baseUrl, `${prefix}_e2e`),
    stop,
  };
}
