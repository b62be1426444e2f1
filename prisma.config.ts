import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";

// Prisma's native schema engine cannot be downloaded on offline machines, so migrations run through
// the JavaScript engine with the same pg driver adapter the app uses.
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema"),
  migrations: { path: path.join("prisma", "migrations") },
  async adapter() {
    const connectionString = process.env.DATABASE_URL;
    if (!connectionString)
      throw new Error("DATABASE_URL is not set: run prisma through `npm run db:migrate`.");
    return new PrismaPg({ connectionString });
  },
});
