import { isInput, type ValidationContext } from "../context";

// Portal guidance that Meta accepts (portal-ui.md §9 and §13): warnings only.

const SENSITIVE_NAME = /(^|_)(ssn|card|cvv|pin|password)(_|$)/i;

export function checkBestPractices(context: ValidationContext, textLength: number): void {
  const { report } = context;
  if (context.screens.length > 10)
    report.warn(
      "BP1",
      "PORTAL_TOO_MANY_SCREENS",
      ["screens"],
      `The Flow has ${context.screens.length} screens; keep Flows to 3–5 screens and never 10 or more.`,
    );
  if (textLength > 100 * 1024)
    report.warn(
      "BP2",
      "PORTAL_FLOW_TOO_LARGE",
      [],
      `The Flow JSON is ${Math.round(textLength / 1024)} KB; keep it under 100 KB.`,
    );
  let dataExchange = false;
  for (const screen of context.screens) {
    const inputs = screen.components.filter(isInput);
    if (inputs.length >= 8)
      report.warn(
        "BP3",
        "PORTAL_TOO_MANY_FIELDS",
        [...screen.path, "layout"],
        `Screen '${screen.id}' has ${inputs.length} input fields; keep screens to 5–7 fields.`,
        "key",
      );
    if (screen.terminal && screen.screen.success === undefined)
      report.warn(
        "BP4",
        "PORTAL_MISSING_SUCCESS",
        [...screen.path, "terminal"],
        `Terminal screen '${screen.id}' does not set 'success'; set it explicitly so completion metrics are right.`,
        "key",
      );
    if (typeof screen.screen.title === "string" && screen.screen.title.includes("${"))
      report.warn(
        "BP5",
        "PORTAL_DYNAMIC_TITLE",
        [...screen.path, "title"],
        "Screen titles are shown as typed, so a binding in 'title' is not replaced; use a static title.",
      );
    for (const component of screen.components) {
      if (
        component.type === "TextInput" &&
        (component.node["input-type"] === "password" || component.node["input-type"] === "passcode")
      )
        report.warn(
          "BP6",
          "PORTAL_SENSITIVE_DATA",
          [...component.path, "input-type"],
          "Do not collect passwords or PINs through Flows; use a secure channel instead.",
        );
      else if (typeof component.node.name === "string" && SENSITIVE_NAME.test(component.node.name))
        report.warn(
          "BP6",
          "PORTAL_SENSITIVE_DATA",
          [...component.path, "name"],
          `Field '${component.node.name}' looks like sensitive data (card, SSN, PIN); do not collect it through Flows.`,
        );
      if (
        component.type === "Dropdown" &&
        Array.isArray(component.node["data-source"]) &&
        component.node["data-source"].length < 5
      )
        report.warn(
          "BP7",
          "PORTAL_SHORT_DROPDOWN",
          [...component.path, "data-source"],
          `Dropdown has only ${component.node["data-source"].length} options; use RadioButtonsGroup for fewer than 5 options.`,
        );
      if (component.type === "TextInput" && component.node["input-type"] === undefined)
        report.warn(
          "BP8",
          "PORTAL_MISSING_INPUT_TYPE",
          component.path,
          "TextInput has no 'input-type'; set it (text, email, number, phone…) for the right keyboard and validation.",
        );
      for (const actionInfo of component.actions)
        if (actionInfo.action.name === "data_exchange") dataExchange = true;
    }
  }
  if (dataExchange && context.hasEndpoint === false)
    report.warn(
      "BP9",
      "PORTAL_NO_ENDPOINT",
      ["data_api_version"],
      "The Flow uses data_exchange but no endpoint is configured; set the endpoint URI before publishing.",
      "key",
    );
}
