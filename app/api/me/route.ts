import { handleRoute } from "@/lib/http/handle-route";

export const GET = handleRoute({ permission: "signed-in" }, (_request, { user }) => Response.json({ user }));
