import { COMPONENT_SPECS } from "../component-specs";
import { isObj, type ComponentInfo, type Ctx, type ScreenInfo } from "../context";

// Placement and counts (P3, P5–P15, P17), §6.

const LIMITS: Record<string, number> = {
  EmbeddedLink: 2,
  Image: 3,
  OptIn: 5,
  PhotoPicker: 1,
  DocumentPicker: 1,
  NavigationList: 2,
  ImageCarousel: 2,
};
const isInput = (c: ComponentInfo) => COMPONENT_SPECS[c.type]?.input === true;

export function checkPlacement(ctx: Ctx): void {
  let carousels = 0;
  for (const s of ctx.screens) {
    checkScreenPlacement(ctx, s);
    for (const c of s.components)
      if (c.type === "ImageCarousel" && ++carousels === 4)
        ctx.report.error(
          "P6",
          "COMPONENT_TYPE_MAX_NUMBER_PER_SCREEN",
          [...c.path, "type"],
          `Maximum number of ImageCarousel allowed per Flow is 3 but found ${ctx.screens.reduce((n, x) => n + x.components.filter((y) => y.type === "ImageCarousel").length, 0)}.`,
        );
  }
}

function checkScreenPlacement(ctx: Ctx, s: ScreenInfo): void {
  const { report } = ctx;
  const all = s.components;
  const forms = all.filter((c) => c.type === "Form");
  if (forms.length > 0 && ctx.at("4.0")) {
    const outside = all.filter((c) => isInput(c) && !c.inForm);
    if (outside.length)
      report.error(
        "P3",
        "COMPONENTS_OUTSIDE_FORM",
        [...outside[0]!.path, "type"],
        `${outside.length === 1 ? "Component" : "Components"} ${outside.map((c) => `'${c.type}'`).join(", ")} ${outside.length === 1 ? "is" : "are"} not allowed outside Form when Form component is present; move ${outside.length === 1 ? "it" : "them"} into the Form.`,
      );
  }
  if (forms.length > 1 && ctx.at("7.0"))
    report.error(
      "P5",
      "COMPONENT_TYPE_MAX_NUMBER_PER_SCREEN",
      [...forms[1]!.path, "type"],
      "Maximum number of Form allowed per screen is 1; merge the Forms.",
    );
  const counts = new Map<string, ComponentInfo[]>();
  for (const c of all) counts.set(c.type, [...(counts.get(c.type) ?? []), c]);
  for (const [type, max] of Object.entries(LIMITS)) {
    const list = counts.get(type) ?? [];
    if (list.length > max)
      report.error(
        "P6",
        "COMPONENT_TYPE_MAX_NUMBER_PER_SCREEN",
        [...list[max]!.path, "type"],
        `Maximum number of ${type} allowed per screen is ${max} but found ${list.length}.`,
      );
  }
  if (counts.has("PhotoPicker") && counts.has("DocumentPicker"))
    report.error(
      "P7",
      "COMPONENT_TYPE_MAX_NUMBER_PER_SCREEN",
      [...counts.get("DocumentPicker")![0]!.path, "type"],
      "You can only have a maximum of 1 component of type PhotoPicker or DocumentPicker per screen.",
    );
  const flat = all.filter((c) => c.type !== "Form").length;
  if (flat > 100)
    report.error(
      "P8",
      "MAX_ALLOWED_COMPONENTS_PER_SCREEN",
      [...s.path, "layout", "children"],
      `Maximum number of components allowed per screen is 100 but found ${flat}.`,
    );
  else if (flat > 50)
    report.warn(
      "P8",
      "MAX_ALLOWED_COMPONENTS_PER_SCREEN",
      [...s.path, "layout", "children"],
      `Meta documents at most 50 components per screen but found ${flat}; split the screen.`,
    );
  checkFooters(ctx, s);
  for (const c of all) {
    if (c.type === "If" && c.ifDepth >= 3)
      report.error(
        "P11",
        "MAXIMUM_IF_NESTING",
        [...c.path, "type"],
        "The 'If' component can only be nested up to 3 levels deep.",
      );
    if (c.type === "RichText" && ctx.at("5.1")) {
      const others = all.filter(
        (o) => o !== c && o.type !== "RichText" && !(ctx.at("6.3") && o.type === "Footer"),
      );
      if (others.length)
        report.error(
          "P13",
          ctx.at("6.3") ? "INVALID_COMPONENT_PLACEMENT" : "INVALID_RICHTEXT_PLACEMENT",
          [...c.path, "type"],
          ctx.at("6.3")
            ? "RichText can either be the only component on the screen or it can be paired exclusively with the Footer component. Please remove all components other than Footer from the same screen to use RichText."
            : "RichText cannot be used with other components on the same screen. Please either remove RichText or ensure that it is the only component on the screen.",
        );
    }
    if (c.type === "NavigationList" && ctx.at("6.2")) {
      const others = all.filter((o) => o.type !== "NavigationList" && o.type !== "Form");
      if (others.length)
        report.error(
          "P14",
          "INVALID_COMPONENT_PLACEMENT",
          [...c.path, "type"],
          "Only up to 2 NavigationList components can be used per screen. Please remove other components.",
        );
    }
  }
  const names = new Set<string>();
  for (const c of all) {
    if (typeof c.c.name !== "string") continue;
    if (names.has(c.c.name))
      report.error(
        "P15",
        "DUPLICATE_FORM_COMPONENT_NAMES",
        [...c.path, "name"],
        `Duplicate name found for Form components: '${c.c.name}'; names must be unique on the screen, across all If branches and Switch cases.`,
      );
    names.add(c.c.name);
  }
  // P17: a Footer outside the Form may not read form values when the screen has a Form.
  if (forms.length > 0)
    for (const f of all)
      if (
        f.type === "Footer" &&
        !f.inForm &&
        JSON.stringify(f.c["on-click-action"] ?? {}).includes("${form.")
      )
        report.error(
          "P17",
          "INVALID_ON_CLICK_ACTION_PAYLOAD",
          [...f.path, "on-click-action"],
          "Footer placed outside Form component is not allowed to reference form data; move the Footer into the Form.",
          "key",
        );
}

function checkFooters(ctx: Ctx, s: ScreenInfo): void {
  const { report } = ctx;
  const footers = s.components.filter((c) => c.type === "Footer");
  if (footers.length === 0) return;
  // A Footer in each branch of one If (or each case of one Switch) counts once (§6.3).
  const units = new Set<unknown>();
  for (const f of footers) {
    if (f.ifDepth > 1)
      report.error(
        "P9",
        "INVALID_PROPERTY_VALUE",
        [...f.path, "type"],
        "A Footer is only allowed in an If at nesting level 0; move it out of the nested If.",
      );
    units.add(f.branch ? f.branch.owner : f);
  }
  if (units.size > 1)
    report.error(
      "P6",
      "COMPONENT_TYPE_MAX_NUMBER_PER_SCREEN",
      [...footers[1]!.path, "type"],
      "You can only have 1 Footer component per screen.",
    );
  for (const owner of new Set(footers.flatMap((f) => (f.branch ? [f.branch.owner] : [])))) {
    const inBranch = (key: string) => footers.some((f) => f.branch?.owner === owner && f.branch.key === key);
    if (owner.type === "If") {
      if (!inBranch("then") || !inBranch("else"))
        report.error(
          "P9",
          "MISSING_FOOTER_IN_IF_ELSE_BRANCHES",
          [...owner.path, "type"],
          owner.c.else === undefined
            ? "Missing Footer inside one of the 'If' component branches. Branch 'else' should exist and contain one Footer."
            : "Footer component must be present in all branches of 'If' component if it exists in any one branch.",
        );
    } else if (owner.type === "Switch" && isObj(owner.c.cases)) {
      if (Object.keys(owner.c.cases).some((k) => !inBranch(k)))
        report.error(
          "P10",
          "MISSING_FOOTER_IN_SWITCH_BRANCHES",
          [...owner.path, "type"],
          "Footer component must be present in all switch cases if it exists in one of the cases.",
        );
    }
  }
}
