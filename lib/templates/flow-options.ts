/**
 * What the builder needs to know about a flow for a Flow button: its screens (for navigateScreen) and
 * whether it talks to a data endpoint (for flowAction data_exchange). Read from the cached Flow JSON text.
 */
export type FlowButtonOption = {
  /** Flow.id in Flowport. */
  id: string;
  /** 8x8's flowId, what the template stores. */
  externalId: string;
  name: string;
  screenIds: string[];
  hasDataEndpoint: boolean;
};

export function describeFlowJson(flowJson: string | null): { screenIds: string[]; hasDataEndpoint: boolean } {
  if (!flowJson) return { screenIds: [], hasDataEndpoint: false };
  try {
    const parsed: unknown = JSON.parse(flowJson);
    if (!parsed || typeof parsed !== "object") return { screenIds: [], hasDataEndpoint: false };
    const document = parsed as { screens?: unknown; data_api_version?: unknown };
    const screenIds = Array.isArray(document.screens)
      ? document.screens.flatMap((screen) =>
          screen && typeof screen === "object" && typeof (screen as { id?: unknown }).id === "string"
            ? [(screen as { id: string }).id]
            : [],
        )
      : [];
    return { screenIds, hasDataEndpoint: typeof document.data_api_version === "string" };
  } catch {
    return { screenIds: [], hasDataEndpoint: false };
  }
}
