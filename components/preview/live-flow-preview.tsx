"use client";

import { useMemo } from "react";
import { FlowPreview, type FlowPreviewProps } from "./flow-preview";
import { createLiveEndpointCall, type LiveEndpointTarget } from "./live-endpoint";

type Props = Omit<FlowPreviewProps, "callEndpoint"> & {
  /** Where live data_exchange calls go; null when the flow has no endpoint URI. */
  liveEndpoint: LiveEndpointTarget | null;
};

/** FlowPreview for server pages: functions cannot cross to the client, so the live call is built here. */
export function LiveFlowPreview({ liveEndpoint, liveEndpointUnavailableReason, ...props }: Props) {
  const callEndpoint = useMemo(
    () => (liveEndpoint ? createLiveEndpointCall(liveEndpoint) : undefined),
    [liveEndpoint],
  );
  return (
    <FlowPreview
      {...props}
      callEndpoint={callEndpoint}
      liveEndpointUnavailableReason={
        liveEndpointUnavailableReason ?? "This flow has no endpoint URI: answer each request by hand above."
      }
    />
  );
}
