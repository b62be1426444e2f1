"use client";

import type { ComponentType } from "react";
import type { ComponentNode, RenderNode } from "@/lib/preview";
import { ComponentBoundary } from "./component-boundary";
import { ErrorBox } from "./error-box";
import { ChipsField } from "./fields/chips-field";
import { ChoiceGroup } from "./fields/choice-group";
import { DateField } from "./fields/date-field";
import { DropdownField } from "./fields/dropdown-field";
import { EmbeddedLink } from "./fields/embedded-link";
import { ImageCarouselView, ImageView } from "./fields/image-views";
import { MediaField } from "./fields/media-field";
import { NavigationListView } from "./fields/navigation-list-view";
import { OptInField } from "./fields/opt-in-field";
import { RichTextBlock, TextBlock } from "./fields/text-blocks";
import { TextField } from "./fields/text-field";

const VIEWS: Partial<Record<ComponentNode["type"], ComponentType<{ node: ComponentNode }>>> = {
  TextHeading: TextBlock,
  TextSubheading: TextBlock,
  TextBody: TextBlock,
  TextCaption: TextBlock,
  RichText: RichTextBlock,
  TextInput: TextField,
  TextArea: TextField,
  CheckboxGroup: ChoiceGroup,
  RadioButtonsGroup: ChoiceGroup,
  Dropdown: DropdownField,
  ChipsSelector: ChipsField,
  DatePicker: DateField,
  CalendarPicker: DateField,
  OptIn: OptInField,
  EmbeddedLink,
  Image: ImageView,
  ImageCarousel: ImageCarouselView,
  NavigationList: NavigationListView,
  PhotoPicker: MediaField,
  DocumentPicker: MediaField,
};

/** One resolved node: its WhatsApp drawing, or an error box naming its path. */
export function ComponentView({ node }: { node: RenderNode }) {
  if (node.kind === "error") return <ErrorBox path={node.path} message={node.message} />;
  const View = VIEWS[node.type];
  if (!View) return <ErrorBox path={node.path} message={`${node.type} cannot be drawn here.`} />;
  return (
    <ComponentBoundary path={node.path} resetKey={node.props}>
      <div data-component={node.type} data-path={node.path}>
        <View node={node} />
      </div>
    </ComponentBoundary>
  );
}
