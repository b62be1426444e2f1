import { COMPONENT_SPECS } from "../component-specs";
import { actionsOf, type Ctx } from "../context";

// Portal guidance that Meta accepts (portal-ui.md §9 and §13): warnings only.

const SENSITIVE_NAME = /(^|_)(ssn|card|cvv|pin|password)(_|$)/i;

export function checkBestPractices(ctx: Ctx, textLength: number): void {
  const { report } = ctx;
  if (ctx.screens.length > 10)
    report.warn(
      "BP1",
      "PORTAL_TOO_MANY_SCREENS",
      ["screens"],
      `The Flow has ${ctx.screens.length} screens; keep Flows to 3–5 screens and never 10 or more.`,
    );
  if (textLength > 100 * 1024)
    report.warn(
      "BP2",
      "PORTAL_FLOW_TOO_LARGE",
      [],
      `The Flow JSON is ${Math.round(textLength / 1024)} KB; keep it under 100 KB.`,
    );
  let dataExchange = false;
  for (const s of ctx.screens) {
    const inputs = s.components.filter((c) => COMPONENT_SPECS[c.type]?.input);
    if (inputs.length >= 8)
      report.warn(
        "BP3",
        "PORTAL_TOO_MANY_FIELDS",
        [...s.path, "layout"],
        `Screen '${s.id}' has ${inputs.length} input fields; keep screens to 5–7 fields.`,
        "key",
      );
    if (s.terminal && s.screen.success === undefined)
      report.warn(
        "BP4",
        "PORTAL_MISSING_SUCCESS",
        [...s.path, "terminal"],
        `Terminal screen '${s.id}' does not set 'success'; set it explicitly so completion metrics are right.`,
        "key",
      );
    if (typeof s.screen.title === "string" && s.screen.title.includes("${"))
      report.warn(
        "BP5",
        "PORTAL_DYNAMIC_TITLE",
        [...s.path, "title"],
        "Screen titles are shown as typed; bindings in 'title' are not supported.",
      );
    for (const c of s.components) {
      if (c.type === "TextInput" && (c.c["input-type"] === "password" || c.c["input-type"] === "passcode"))
        report.warn(
          "BP6",
          "PORTAL_SENSITIVE_DATA",
          [...c.path, "input-type"],
          "Do not collect passwords or PINs through Flows; use a secure channel instead.",
        );
      else if (typeof c.c.name === "string" && SENSITIVE_NAME.test(c.c.name))
        report.warn(
          "BP6",
          "PORTAL_SENSITIVE_DATA",
          [...c.path, "name"],
          `Field '${c.c.name}' looks like sensitive data (card, SSN, PIN); do not collect it through Flows.`,
        );
      if (c.type === "Dropdown" && Array.isArray(c.c["data-source"]) && c.c["data-source"].length < 5)
        report.warn(
          "BP7",
          "PORTAL_SHORT_DROPDOWN",
          [...c.path, "data-source"],
          `Dropdown has only ${c.c["data-source"].length} options; use RadioButtonsGroup for fewer than 5 options.`,
        );
      if (c.type === "TextInput" && c.c["input-type"] === undefined)
        report.warn(
          "BP8",
          "PORTAL_MISSING_INPUT_TYPE",
          c.path,
          "TextInput has no 'input-type'; set it (text, email, number, phone…) for the right keyboard and validation.",
        );
      for (const a of actionsOf(c)) if (a.action.name === "data_exchange") dataExchange = true;
    }
  }
  if (dataExchange && ctx.hasEndpoint === false)
    report.warn(
      "BP9",
      "PORTAL_NO_ENDPOINT",
      ["data_api_version"],
      "The Flow uses data_exchange but no endpoint is configured; set the endpoint URI before publishing.",
      "key",
    );
}
