import { isInput, isObj, type ComponentInfo, type ValidationContext, type ScreenInfo } from "../context";

// Placement and counts (P3, P5–P15, P17), §6.

/** Most components of a type per screen (P6). PhotoPicker and DocumentPicker are also counted for P7. */
const LIMITS = new Map([
  ["EmbeddedLink", 2],
  ["Image", 3],
  ["OptIn", 5],
  ["PhotoPicker", 1],
  ["DocumentPicker", 1],
  ["NavigationList", 2],
  ["ImageCarousel", 2],
]);
const MAX_CAROUSELS_PER_FLOW = 3;

export function checkPlacement(context: ValidationContext): void {
  let carousels = 0;
  for (const screen of context.screens) {
    checkScreenPlacement(context, screen);
    for (const component of screen.components)
      if (component.type === "ImageCarousel" && ++carousels === MAX_CAROUSELS_PER_FLOW + 1)
        context.report.error(
          "P6",
          "COMPONENT_TYPE_MAX_NUMBER_PER_SCREEN",
          [...component.path, "type"],
          `Maximum number of ImageCarousel allowed per Flow is 3 but found ${countCarousels(context)}.`,
        );
  }
}

function countCarousels(context: ValidationContext): number {
  let count = 0;
  for (const screen of context.screens)
    for (const component of screen.components) if (component.type === "ImageCarousel") count++;
  return count;
}

function checkScreenPlacement(context: ValidationContext, screen: ScreenInfo): void {
  const forms = screen.components.filter((component) => component.type === "Form");
  checkForms(context, screen, forms);
  checkCounts(context, screen);
  checkFooters(context, screen);
  for (const component of screen.components) {
    if (component.type === "If" && component.ifDepth >= 3)
      context.report.error(
        "P11",
        "MAXIMUM_IF_NESTING",
        [...component.path, "type"],
        "The 'If' component can only be nested up to 3 levels deep.",
      );
    if (component.type === "RichText" && context.at("5.1")) checkRichTextAlone(context, screen, component);
    if (component.type === "NavigationList" && context.at("6.2"))
      checkNavigationListAlone(context, screen, component);
  }
  checkUniqueNames(context, screen);
  if (forms.length > 0) checkFootersOutsideForm(context, screen);
}

/** P3: with a Form (4.0+), every input is inside it; P5: one Form per screen (7.0+). */
function checkForms(context: ValidationContext, screen: ScreenInfo, forms: ComponentInfo[]): void {
  const { report } = context;
  if (forms.length > 0 && context.at("4.0")) {
    const outside = screen.components.filter((component) => isInput(component) && !component.inForm);
    if (outside.length) {
      const one = outside.length === 1;
      report.error(
        "P3",
        "COMPONENTS_OUTSIDE_FORM",
        [...outside[0]!.path, "type"],
        `${one ? "Component" : "Components"} ${outside.map((component) => `'${component.type}'`).join(", ")} ${one ? "is" : "are"} not allowed outside Form when Form component is present; move ${one ? "it" : "them"} into the Form.`,
      );
    }
  }
  if (forms.length > 1 && context.at("7.0"))
    report.error(
      "P5",
      "COMPONENT_TYPE_MAX_NUMBER_PER_SCREEN",
      [...forms[1]!.path, "type"],
      "Maximum number of Form allowed per screen is 1; merge the Forms.",
    );
}

/** P6: per-type limits; P7: PhotoPicker and DocumentPicker exclude each other; P8: components per screen. */
function checkCounts(context: ValidationContext, screen: ScreenInfo): void {
  const { report } = context;
  const limited = new Map<string, ComponentInfo[]>();
  let withoutForms = 0;
  for (const component of screen.components) {
    if (component.type !== "Form") withoutForms++;
    if (!LIMITS.has(component.type)) continue;
    const ofType = limited.get(component.type);
    if (ofType) ofType.push(component);
    else limited.set(component.type, [component]);
  }
  for (const [type, max] of LIMITS) {
    const ofType = limited.get(type);
    if (ofType && ofType.length > max)
      report.error(
        "P6",
        "COMPONENT_TYPE_MAX_NUMBER_PER_SCREEN",
        [...ofType[max]!.path, "type"],
        `Maximum number of ${type} allowed per screen is ${max} but found ${ofType.length}.`,
      );
  }
  const documentPicker = limited.get("DocumentPicker")?.[0];
  if (limited.has("PhotoPicker") && documentPicker)
    report.error(
      "P7",
      "COMPONENT_TYPE_MAX_NUMBER_PER_SCREEN",
      [...documentPicker.path, "type"],
      "You can only have a maximum of 1 component of type PhotoPicker or DocumentPicker per screen.",
    );
  if (withoutForms > 100)
    report.error(
      "P8",
      "MAX_ALLOWED_COMPONENTS_PER_SCREEN",
      [...screen.path, "layout", "children"],
      `Maximum number of components allowed per screen is 100 but found ${withoutForms}.`,
    );
  else if (withoutForms > 50)
    report.warn(
      "P8",
      "MAX_ALLOWED_COMPONENTS_PER_SCREEN",
      [...screen.path, "layout", "children"],
      `Meta documents at most 50 components per screen but found ${withoutForms}; split the screen.`,
    );
}

/** P13: RichText is alone on its screen (from 6.3 a Footer may accompany it). */
function checkRichTextAlone(context: ValidationContext, screen: ScreenInfo, richText: ComponentInfo): void {
  const footerAllowed = context.at("6.3");
  const hasOthers = screen.components.some(
    (component) =>
      component !== richText &&
      component.type !== "RichText" &&
      !(footerAllowed && component.type === "Footer"),
  );
  if (hasOthers)
    context.report.error(
      "P13",
      footerAllowed ? "INVALID_COMPONENT_PLACEMENT" : "INVALID_RICHTEXT_PLACEMENT",
      [...richText.path, "type"],
      footerAllowed
        ? "RichText can share its screen only with a Footer; move the other components to another screen."
        : "RichText cannot be used with other components on the same screen; move them to another screen.",
    );
}

/** P14: a NavigationList shares its screen only with other NavigationLists (and a Form). */
function checkNavigationListAlone(context: ValidationContext, screen: ScreenInfo, list: ComponentInfo): void {
  const hasOthers = screen.components.some(
    (component) => component.type !== "NavigationList" && component.type !== "Form",
  );
  if (hasOthers)
    context.report.error(
      "P14",
      "INVALID_COMPONENT_PLACEMENT",
      [...list.path, "type"],
      "A screen with a NavigationList may hold only NavigationList components (up to 2); move the other components to another screen.",
    );
}

/** P15: names are unique on the screen, across If branches and Switch cases. */
function checkUniqueNames(context: ValidationContext, screen: ScreenInfo): void {
  for (const component of screen.components) {
    const name = component.node.name;
    // screen.names holds the first component of each name: any other with that name repeats it.
    if (typeof name === "string" && screen.names.get(name) !== component)
      context.report.error(
        "P15",
        "DUPLICATE_FORM_COMPONENT_NAMES",
        [...component.path, "name"],
        `Duplicate name found for Form components: '${name}'; names must be unique on the screen, across all If branches and Switch cases.`,
      );
  }
}

/** P17: on a screen with a Form, a Footer outside the Form may not read form values. */
function checkFootersOutsideForm(context: ValidationContext, screen: ScreenInfo): void {
  for (const footer of screen.components)
    if (
      footer.type === "Footer" &&
      !footer.inForm &&
      JSON.stringify(footer.node["on-click-action"] ?? {}).includes("${form.")
    )
      context.report.error(
        "P17",
        "INVALID_ON_CLICK_ACTION_PAYLOAD",
        [...footer.path, "on-click-action"],
        "Footer placed outside Form component is not allowed to reference form data; move the Footer into the Form.",
        "key",
      );
}

/** P6: one Footer per screen (one in each branch of an If or Switch counts once); P9, P10: branches agree. */
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
  const owners = new Set(footers.flatMap((component) => (component.branch ? [component.branch.owner] : [])));
  for (const owner of owners) {
    const branchesWithFooter = new Set(
      footers.flatMap((component) => (component.branch?.owner === owner ? [component.branch.key] : [])),
    );
    if (owner.type === "If") {
      if (!branchesWithFooter.has("then") || !branchesWithFooter.has("else"))
        report.error(
          "P9",
          "MISSING_FOOTER_IN_IF_ELSE_BRANCHES",
          [...owner.path, "type"],
          owner.node.else === undefined
            ? "A Footer in the 'then' branch of an 'If' needs one in the 'else' branch too; add an 'else' branch with a Footer."
            : "Footer component must be present in all branches of 'If' component if it exists in any one branch; add one to the other branch or move it out of the If.",
        );
    } else if (owner.type === "Switch" && isObj(owner.node.cases)) {
      if (Object.keys(owner.node.cases).some((key) => !branchesWithFooter.has(key)))
        report.error(
          "P10",
          "MISSING_FOOTER_IN_SWITCH_BRANCHES",
          [...owner.path, "type"],
          "Footer component must be present in all switch cases if it exists in one of the cases; add one to every case or move it out of the Switch.",
        );
    }
  }
}
