import "server-only";
import { z } from "zod";
import { getDb } from "@/lib/db";
import { badRequest, notFound } from "./errors";
import { clearFaults, FAULT_KINDS, injectFault } from "./faults";
import { simulateFlowSubmission, simulateInboundText } from "./messages";
import { recentRequests } from "./request-log";
import { decideTemplate } from "./templates";
import type { SimResponse } from "./types";

/**
 * The simulator's control panel for tests and the demo (not part of 8x8's API): inject faults, make the test user
 * write in or answer a flow, finish template reviews now, list the API requests it answered.
 */
const faultSchema = z.object({
  kind: z.enum(FAULT_KINDS),
  pathContains: z.string().max(300).default(""),
  count: z.number().int().min(1).max(10_000).default(1),
  delayMs: z.number().int().min(0).max(120_000).default(20_000),
});

const submissionSchema = z.object({
  channelId: z.string().min(1),
  recipient: z.string().min(1),
  flowToken: z.string().min(1),
  responseJson: z.record(z.string(), z.unknown()),
});

const inboundSchema = z.object({
  channelId: z.string().min(1),
  msisdn: z.string().min(1),
  text: z.string().min(1).max(4096),
});

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw badRequest(`${issue?.path.join(".") || "body"}: ${issue?.message ?? "invalid"}`);
  }
  return parsed.data;
}

export async function handleControl(
  method: string,
  segments: string[],
  body: () => Promise<unknown>,
): Promise<SimResponse> {
  const route = `${method} ${segments.join("/")}`;
  switch (route) {
    case "POST faults": {
      const input = parse(faultSchema, await body());
      return {
        status: 201,
        json: await injectFault({ ...input, delayMs: input.kind === "slow" ? input.delayMs : 0 }),
      };
    }
    case "DELETE faults":
      return { status: 200, json: { cleared: await clearFaults() } };
    case "POST flow-submissions": {
      const input = parse(submissionSchema, await body());
      return {
        status: 202,
        json: await simulateFlowSubmission({
          channelExternalId: input.channelId,
          recipient: input.recipient,
          flowToken: input.flowToken,
          responseJson: input.responseJson,
        }),
      };
    }
    case "POST inbound-messages": {
      const input = parse(inboundSchema, await body());
      return {
        status: 202,
        json: await simulateInboundText({
          channelExternalId: input.channelId,
          msisdn: input.msisdn,
          text: input.text,
        }),
      };
    }
    case "POST template-reviews": {
      const pending = await getDb().simTemplate.findMany({
        where: { status: "PENDING", deletedAt: null },
        select: { id: true },
      });
      for (const template of pending) await decideTemplate(template.id);
      return { status: 200, json: { decided: pending.length } };
    }
    case "GET requests":
      return { status: 200, json: { requests: await recentRequests() } };
    default:
      throw notFound(`Unknown control endpoint ${route}`);
  }
}
