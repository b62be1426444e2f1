import { z } from "zod";
import { callFlowEndpoint, FlowEndpointError, resolveEndpointPublicKey } from "@/lib/flow-endpoint";
import { errorResponse, handleRoute } from "@/lib/http/handle-route";

// The preview's "call the flow's endpoint": one §12.2 exchange done by the server, so the browser never holds the key
// material and the endpoint sees a normal encrypted request.

const endpointRequestSchema = z.object({
  version: z.string().min(1),
  action: z.enum(["INIT", "BACK", "data_exchange", "ping"]),
  screen: z.string().optional(),
  data: z.record(z.string(), z.unknown()).optional(),
  flow_token: z.string().optional(),
});

const bodySchema = z.object({
  flowId: z.string().max(200).optional(),
  endpointUri: z.string().min(1, "endpointUri is required.").max(2000),
  /** The business public key (PEM); falls back to the AppSetting `flow-endpoint.public-key`. */
  publicKeyPem: z.string().max(10_000).optional(),
  request: endpointRequestSchema,
});

export const POST = handleRoute({ permission: "flows.preview" }, async (request) => {
  const body = bodySchema.parse(await request.json().catch(() => ({})));
  try {
    const publicKeyPem = await resolveEndpointPublicKey(body.publicKeyPem);
    const response = await callFlowEndpoint({
      endpointUri: body.endpointUri,
      publicKeyPem,
      request: body.request,
    });
    return Response.json({ response });
  } catch (error) {
    if (error instanceof FlowEndpointError)
      return errorResponse(error.status, error.code, error.message, {
        endpointStatus: error.endpointStatus,
        userMessage: error.userMessage,
      });
    throw error;
  }
});
