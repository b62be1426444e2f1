import { Notice } from "@/components/ui/card";
import { can, type CurrentUser } from "@/lib/auth";
import {
  listChannels,
  listFlowsForResponses,
  loadResponsesSummary,
  loadResponsesTable,
  parsePageFilters,
  type ResponsesScope,
} from "@/lib/responses";
import { ResponsesView } from "./responses-view";

type Props = {
  user: CurrentUser;
  scope: ResponsesScope;
  searchParams: Record<string, string | string[] | undefined>;
  action: string;
  hidden: Record<string, string>;
};

/** Loads one scope's responses for the signed-in user (masked on the server as needed) and renders them. */
export async function ResponsesScreen({ user, scope, searchParams, action, hidden }: Props) {
  const flowIdParam = scope.kind === "flow" ? scope.id : "unattributed";
  const { filters, raw, error } = parsePageFilters(searchParams, flowIdParam);
  const canAssign = scope.kind === "unattributed" && can(user, "responses.assign");
  // Not awaited: the summary streams in after the table (see loadResponsesSummary).
  const summary = loadResponsesSummary(user, scope, filters);
  const [table, channels, flows] = await Promise.all([
    loadResponsesTable(user, scope, filters),
    listChannels(),
    canAssign ? listFlowsForResponses() : Promise.resolve(null),
  ]);
  return (
    <>
      {error ? (
        <Notice tone="error" className="mb-4">
          {error} The filter was not applied.
        </Notice>
      ) : null}
      <ResponsesView
        action={action}
        hidden={hidden}
        flowIdParam={flowIdParam}
        filters={raw}
        table={table}
        summary={summary}
        channels={channels}
        assignableFlows={flows ? flows.flows.map((flow) => ({ id: flow.id, name: flow.name })) : null}
      />
    </>
  );
}
