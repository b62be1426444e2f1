// The generated ~100 KB Flow the benchmarks share (issues 5 and 6 name it: 10 screens, 200+ components).

/** 10 screens chained by navigate, ~24 components each, ~100 KB pretty-printed; `edit` changes the first heading. */
export function generateLargeFlow(edit = 0): string {
  const screens = Array.from({ length: 10 }, (_, i) => {
    const id = `SCREEN_${"ABCDEFGHIJ"[i]}`;
    const last = i === 9;
    const children: unknown[] = [
      { type: "TextHeading", text: i === 0 ? `Step 1 of 10 (edit ${edit})` : `Step ${i + 1} of 10` },
    ];
    for (let k = 0; k < 6; k++) {
      children.push({
        type: "TextBody",
        text: "Please answer the following questions so that we can prepare your appointment. ".repeat(2),
      });
      children.push({
        type: "TextInput",
        name: `field_${k}`,
        label: "Your answer",
        "input-type": "text",
        required: true,
        "helper-text": "Short answer",
      });
      children.push({
        type: "RadioButtonsGroup",
        name: `choice_${k}`,
        label: "Pick one",
        "data-source": Array.from({ length: 6 }, (_, n) => ({
          id: `opt_${n}`,
          title: `Option ${n}`,
          description: "An option with a short description",
        })),
      });
      children.push({
        type: "TextCaption",
        text: "`'You typed: ' ${form.field_" + k + "}`",
        visible: "`${form.field_" + k + "} != ''`",
      });
    }
    const next = `SCREEN_${"ABCDEFGHIJ"[i + 1]}`;
    children.push({
      type: "Footer",
      label: last ? "Finish" : "Continue",
      "on-click-action": last
        ? { name: "complete", payload: { answer: "${form.field_0}" } }
        : {
            name: "navigate",
            next: { type: "screen", name: next },
            payload: { previous: "${form.field_0}" },
          },
    });
    return {
      id,
      title: `Step ${i + 1}`,
      ...(last ? { terminal: true } : {}),
      data: i === 0 ? {} : { previous: { type: "string", __example__: "x" } },
      layout: { type: "SingleColumnLayout", children },
    };
  });
  return JSON.stringify({ version: "7.3", screens }, null, 2);
}
