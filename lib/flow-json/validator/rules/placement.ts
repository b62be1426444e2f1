import { COMPONENT_SPECS } from "../component-specs";
import { isObj, type ComponentInfo, type ValidationContext, type ScreenInfo } from "../context";

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
const isInput = (component: ComponentInfo) => COMPONENT_SPECS[component.type]?.input === true;

export function checkPlacement(context: ValidationContext): void {
  let carousels = 0;
  for (const screen of context.screens) {
    checkScreenPlacement(context, screen);
    for (const component of screen.components)
      if (component.type === "ImageCarousel" && ++carousels === 4)
        context.report.error(
          "P6",
          "COMPONENT_TYPE_MAX_NUMBER_PER_SCREEN",
          [...component.path, "type"],
          `Maximum number of ImageCarousel allowed per Flow is 3 but found ${context.screens.reduce((n, screen) => n + screen.components.filter((component) => component.type === "ImageCarousel").length, 0)}.`,
        );
  }
}

function checkScreenPlacement(context: ValidationContext, screen: ScreenInfo): void {
  const { report } = context;
  const all = screen.components;
  const forms = all.filter((component) => component.type === "Form");
  if (forms.length > 0 && context.at("4.0")) {
    const outside = all.filter((component) => isInput(component) && !component.inForm);
    if (outside.length)
      report.error(
        "P3",
        "COMPONENTS_OUTSIDE_FORM",
        [...outside[0]!.path, "type"],
        `${outside.length === 1 ? "Component" : "Components"} ${outside.map((component) => `'${component.type}'`).join(", ")} ${outside.length === 1 ? "is" : "are"} not allowed outside Form when Form component is present; move ${outside.length === 1 ? "it" : "them"} into the Form.`,
      );
  }
  if (forms.length > 1 && context.at("7.0"))
    report.error(
      "P5",
      "COMPONENT_TYPE_MAX_NUMBER_PER_SCREEN",
      [...forms[1]!.path, "type"],
      "Maximum number of Form allowed per screen is 1; merge the Forms.",
    );
  const counts = new Map<string, ComponentInfo[]>();
  for (const component of all) {
    const ofType = counts.get(component.type);
    if (ofType) ofType.push(component);
    else counts.set(component.type, [component]);
  }
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
  const flat = all.filter((component) => component.type !== "Form").length;
  if (flat > 100)
    report.error(
      "P8",
      "MAX_ALLOWED_COMPONENTS_PER_SCREEN",
      [...screen.path, "layout", "children"],
      `Maximum number of components allowed per screen is 100 but found ${flat}.`,
    );
  else if (flat > 50)
    report.warn(
      "P8",
      "MAX_ALLOWED_COMPONENTS_PER_SCREEN",
      [...screen.path, "layout", "children"],
      `Meta documents at most 50 components per screen but found ${flat}; split the screen.`,
    );
  checkFooters(context, screen);
  for (const c of all) {
    if (c.type === "If" && c.ifDepth >= 3)
      report.error(
        "P11",
        "MAXIMUM_IF_NESTING",
        [...c.path, "type"],
        "The 'If' component can only be nested up to 3 levels deep.",
      );
    if (c.type === "RichText" && context.at("5.1")) {
      const others = all.filter(
        (component) =>
          component !== c &&
          component.type !== "RichText" &&
          !(context.at("6.3") && component.type === "Footer"),
      );
      if (others.length)
        report.error(
          "P13",
          context.at("6.3") ? "INVALID_COMPONENT_PLACEMENT" : "INVALID_RICHTEXT_PLACEMENT",
          [...c.path, "type"],
          context.at("6.3")
            ? "RichText can either be the only component on the screen or it can be paired exclusively with the Footer component. Please remove all components other than Footer from the same screen to use RichText."
            : "RichText cannot be used with other components on the same screen. Please either remove RichText or ensure that it is the only component on the screen.",
        );
    }
    if (c.type === "NavigationList" && context.at("6.2")) {
      const others = all.filter(
        (component) => component.type !== "NavigationList" && component.type !== "Form",
      );
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
    if (typeof c.node.name !== "string") continue;
    if (names.has(c.node.name))
      report.error(
        "P15",
        "DUPLICATE_FORM_COMPONENT_NAMES",
        [...c.path, "name"],
        `Duplicate name found for Form components: '${c.node.name}'; names must be unique on the screen, across all If branches and Switch cases.`,
      );
    names.add(c.node.name);
  }
  // P17: a Footer outside the Form may not read form values when the screen has a Form.
  if (forms.length > 0)
    for (const f of all)
      if (
        f.type === "Footer" &&
        !f.inForm &&
        JSON.stringify(f.node["on-click-action"] ?? {}).includes("${form.")
      )
        report.error(
          "P17",
          "INVALID_ON_CLICK_ACTION_PAYLOAD",
          [...f.path, "on-click-action"],
          "Footer placed outside Form component is not allowed to reference form data; move the Footer into the Form.",
          "key",
        );
}

function checkFooters(context: ValidationContext, screen: ScreenInfo): void {
  const { report } = context;
  const footers = screen.components.filter((component) => component.type === "Footer");
  if (footers.length === 0) return;
  // A Footer in each branch of one If (or each case of one Switch) counts once (§6.3).
  const units = new Set<unknown>();
  for (const component of footers) {
    if (component.ifDepth > 1)
      report.error(
        "P9",
        "INVALID_PROPERTY_VALUE",
        [...component.path, "type"],
        "A Footer is only allowed in an If at nesting level 0; move it out of the nested If.",
      );
    units.add(component.branch ? component.branch.owner : component);
  }
  if (units.size > 1)
    report.error(
      "P6",
      "COMPONENT_TYPE_MAX_NUMBER_PER_SCREEN",
      [...footers[1]!.path, "type"],
      "You can only have 1 Footer component per screen.",
    );
  for (const owner of new Set(
    footers.flatMap((component) => (component.branch ? [component.branch.owner] : [])),
  )) {
    const inBranch = (key: string) =>
      footers.some((component) => component.branch?.owner === owner && component.branch.key === key);
    if (owner.type === "If") {
      if (!inBranch("then") || !inBranch("else"))
        report.error(
          "P9",
          "MISSING_FOOTER_IN_IF_ELSE_BRANCHES",
          [...owner.path, "type"],
          owner.node.else === undefined
            ? "Missing Footer inside one of the 'If' component branches. Branch 'else' should exist and contain one Footer."
            : "Footer component must be present in all branches of 'If' component if it exists in any one branch.",
        );
    } else if (owner.type === "Switch" && isObj(owner.node.cases)) {
      if (Object.keys(owner.node.cases).some((key) => !inBranch(key)))
        report.error(
          "P10",
          "MISSING_FOOTER_IN_SWITCH_BRANCHES",
          [...owner.path, "type"],
          "Footer component must be present in all switch cases if it exists in one of the cases.",
        );
    }
  }
}
