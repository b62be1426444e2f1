import { asArray, asString, isObject } from "./flow-model";
import type { JsonObject } from "./types";

export type ComponentVisit = {
  component: JsonObject;
  type: string;
  path: string;
  /** The enclosing Form, if any. */
  form: JsonObject | null;
};

/**
 * Every component of a layout, in document order, including all If branches and Switch cases
 * (names are unique across them, §6.6), whatever is currently visible.
 */
export function forEachComponent(
  layout: unknown,
  basePath: string,
  visit: (entry: ComponentVisit) => void,
): void {
  walk(asObject(layout).children, `${basePath}.children`, null, visit);
}

function asObject(value: unknown): JsonObject {
  return isObject(value) ? value : {};
}

function walk(
  children: unknown,
  path: string,
  form: JsonObject | null,
  visit: (entry: ComponentVisit) => void,
): void {
  asArray(children).forEach((child, index) => {
    if (!isObject(child)) return;
    const childPath = `${path}[${index}]`;
    const type = asString(child.type) ?? "";
    visit({ component: child, type, path: childPath, form });
    if (type === "Form") walk(child.children, `${childPath}.children`, child, visit);
    if (type === "If") {
      walk(child.then, `${childPath}.then`, form, visit);
      walk(child.else, `${childPath}.else`, form, visit);
    }
    if (type === "Switch" && isObject(child.cases)) {
      for (const [key, branch] of Object.entries(child.cases))
        walk(branch, `${childPath}.cases.${key}`, form, visit);
    }
  });
}

export function findComponentByName(
  layout: unknown,
  basePath: string,
  name: string,
): ComponentVisit | undefined {
  let found: ComponentVisit | undefined;
  forEachComponent(layout, basePath, (entry) => {
    if (!found && entry.type !== "Form" && entry.component.name === name) found = entry;
  });
  return found;
}
