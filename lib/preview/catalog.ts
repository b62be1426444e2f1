// The component types the renderer knows (§8) and what kind of form value each holds (§9.4).

export const TEXT_TYPES = ["TextHeading", "TextSubheading", "TextBody", "TextCaption", "RichText"] as const;

export const INPUT_TYPES = [
  "TextInput",
  "TextArea",
  "CheckboxGroup",
  "RadioButtonsGroup",
  "Dropdown",
  "ChipsSelector",
  "DatePicker",
  "CalendarPicker",
  "OptIn",
  "PhotoPicker",
  "DocumentPicker",
] as const;

export const OTHER_TYPES = [
  "EmbeddedLink",
  "Image",
  "ImageCarousel",
  "NavigationList",
  "Footer",
  "Form",
  "If",
  "Switch",
] as const;

export type InputType = (typeof INPUT_TYPES)[number];
export type ComponentType = (typeof TEXT_TYPES)[number] | InputType | (typeof OTHER_TYPES)[number];

const KNOWN = new Set<string>([...TEXT_TYPES, ...INPUT_TYPES, ...OTHER_TYPES]);
const INPUTS = new Set<string>(INPUT_TYPES);

export function isKnownType(type: string): type is ComponentType {
  return KNOWN.has(type);
}

export function isInputType(type: string): type is InputType {
  return INPUTS.has(type);
}

export function isPickerType(type: string): boolean {
  return type === "PhotoPicker" || type === "DocumentPicker";
}

export function isMultiSelectType(type: string): boolean {
  return type === "CheckboxGroup" || type === "ChipsSelector";
}

export function isSingleSelectType(type: string): boolean {
  return type === "RadioButtonsGroup" || type === "Dropdown";
}
