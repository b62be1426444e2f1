import { handleRoute } from "@/lib/http/handle-route";
import { exportResponsesCsv, getResponsesScope, responseFiltersSchema } from "@/lib/responses";

// Streams every matching response as CSV (no 1,000 cap), masked for users without log access.
export const GET = handleRoute({ permission: "responses.read" }, async (request, { user }) => {
  const filters = responseFiltersSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const scope = await getResponsesScope(filters.flowId);
  const stream = await exportResponsesCsv(user!, scope, filters);
  const name =
    scope.kind === "flow" ? scope.name.replace(/[^\w.-]+/g, "-").slice(0, 60) || "flow" : "unattributed";
  return new Response(stream, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="responses-${name}-${new Date().toISOString().slice(0, 10)}.csv"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
});
