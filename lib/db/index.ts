export { getDb, disconnectDb } from "./client";
export { pingDatabase } from "./ping";
export type { Prisma, User, AuditLog } from "@/lib/generated/prisma/client";
export { Role } from "@/lib/generated/prisma/enums";
