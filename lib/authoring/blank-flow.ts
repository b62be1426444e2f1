/** The smallest valid 7.3 flow: one terminal screen whose footer completes. Starting point "Blank". */
export const BLANK_FLOW_JSON = `${JSON.stringify(
  {
    version: "7.3",
    screens: [
      {
        id: "WELCOME",
        title: "Welcome",
        terminal: true,
        success: true,
        layout: {
          type: "SingleColumnLayout",
          children: [
            { type: "TextHeading", text: "Hello" },
            { type: "TextBody", text: "Describe what this flow is for." },
            { type: "Footer", label: "Done", "on-click-action": { name: "complete", payload: {} } },
          ],
        },
      },
    ],
  },
  null,
  2,
)}\n`;
