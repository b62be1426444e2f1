import { handleRoute } from "@/lib/http/handle-route";
import { listUsers } from "@/lib/users";

export const GET = handleRoute({ permission: "users.manage" }, async () =>
  Response.json({ users: await listUsers() }),
);
