import { can, getCurrentUser } from "@/lib/auth";
import { appBaseUrl, SIMULATOR_PATH } from "@/lib/eightbyeight";
import { handleSimulatorRequest, toHttpResponse, toSimRequest } from "@/lib/eightbyeight/simulator";
import { getEnv } from "@/lib/env";

/** The built-in 8x8 API simulator: this route only adapts HTTP to lib/eightbyeight/simulator. */
type Context = { params: Promise<{ path: string[] }> };

async function simulator(request: Request, context: Context): Promise<Response> {
  const apiKey = getEnv().SIMULATOR_API_KEY;
  if (!apiKey) {
    return Response.json(
      {
        error: {
          code: "not_found",
          message: "The 8x8 API simulator is off: set SIMULATOR_API_KEY to turn it on.",
        },
      },
      { status: 404 },
    );
  }
  const { path } = await context.params;
  const answer = await handleSimulatorRequest(
    toSimRequest(request, path, `${appBaseUrl()}${SIMULATOR_PATH}`),
    {
      apiKey,
      isAdmin: async () => can(await getCurrentUser(), "settings.manage"),
    },
  );
  return toHttpResponse(answer);
}

export const GET = simulator;
export const POST = simulator;
export const PUT = simulator;
export const DELETE = simulator;
export const dynamic = "force-dynamic";
