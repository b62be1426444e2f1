import "server-only";
import { canSeeUnmaskedData, type CurrentUser } from "@/lib/auth";
import { getDb, type Prisma } from "@/lib/db";
import { maskPhoneNumber } from "@/lib/responses";

/**
 * The send log as the flow and template pages show it. Phone numbers are masked here, on the server,
 * for users without log access.
 */
export type SendLogRow = {
  id: string;
  kind: "TEMPLATE" | "INTERACTIVE";
  recipient: string;
  status: string;
  statusDetail: string | null;
  errorMessage: string | null;
  umid: string | null;
  isTest: boolean;
  sentBy: string | null;
  templateName: string | null;
  flowId: string | null;
  flowName: string | null;
  responded: boolean;
  createdAt: string;
  updatedAt: string;
};

export type SendLog = { rows: SendLogRow[]; total: number; responded: number };

export const SEND_LOG_LIMIT = 100;

async function loadSendLog(viewer: CurrentUser, where: Prisma.MessageSendWhereInput): Promise<SendLog> {
  const db = getDb();
  const [sends, allSends] = await Promise.all([
    db.messageSend.findMany({
      where,
      orderBy: { createdAt: "desc" },
      take: SEND_LOG_LIMIT,
      include: { template: { select: { name: true } }, flow: { select: { name: true } } },
    }),
    db.messageSend.findMany({ where, select: { id: true } }),
  ]);
  const userIds = [...new Set(sends.flatMap((s) => (s.sentById ? [s.sentById] : [])))];
  const [users, answers] = await Promise.all([
    userIds.length
      ? db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, email: true } })
      : [],
    db.flowResponse.findMany({
      where: { sendId: { in: allSends.map((s) => s.id) } },
      select: { sendId: true },
      distinct: ["sendId"],
    }),
  ]);
  const answered = new Set(answers.map((r) => r.sendId));
  const total = allSends.length;
  const responded = answered.size;
  const unmasked = canSeeUnmaskedData(viewer);
  return {
    total,
    responded,
    rows: sends.map((s) => ({
      id: s.id,
      kind: s.kind,
      recipient: unmasked ? s.recipient : maskPhoneNumber(s.recipient),
      status: s.status,
      statusDetail: s.statusDetail,
      errorMessage: s.errorMessage,
      umid: s.umid,
      isTest: s.isTest,
      sentBy: users.find((u) => u.id === s.sentById)?.email ?? null,
      templateName: s.template?.name ?? null,
      flowId: s.flowId,
      flowName: s.flow?.name ?? null,
      responded: answered.has(s.id),
      createdAt: s.createdAt.toISOString(),
      updatedAt: s.updatedAt.toISOString(),
    })),
  };
}

/** The flow page's send log: every message that carried this flow, by template or interactive. */
export function sendsForFlow(viewer: CurrentUser, flowId: string): Promise<SendLog> {
  return loadSendLog(viewer, { flowId });
}

export function sendsForTemplate(viewer: CurrentUser, templateId: string): Promise<SendLog> {
  return loadSendLog(viewer, { templateId });
}
