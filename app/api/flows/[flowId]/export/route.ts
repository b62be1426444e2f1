import { writeAudit } from "@/lib/audit";
import { NotFoundError } from "@/lib/errors";
import { getFlow } from "@/lib/flows";
import { handleRoute } from "@/lib/http/handle-route";

/** A file name from the flow's name: letters, digits, dashes and underscores only. */
function fileNameFor(name: string): string {
  const base = name
    .normalize("NFKD")
    .replace(/[^\w-]+/g, "-")
    .replace(/-+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 80);
  return `${base || "flow"}.json`;
}

/** "Export flow JSON": exactly the cached text, so it can be pasted into the editor or sent as `flowJson` again. */
export const GET = handleRoute<{ flowId: string }>(
  { permission: "flows.read" },
  async (_request, { params, user }) => {
    const flow = await getFlow(params.flowId);
    if (flow.flowJson === null)
      throw new NotFoundError(
        "The Flow JSON of this flow (it has not been fetched from 8x8 yet; refresh the list)",
      );
    await writeAudit(user, {
      action: "flow.export",
      objectType: "flow",
      objectId: flow.id,
      details: { name: flow.name },
    });
    const fileName = fileNameFor(flow.name);
    return new Response(flow.flowJson, {
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "Content-Disposition": `attachment; filename="${fileName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
        "Cache-Control": "no-store",
      },
    });
  },
);
