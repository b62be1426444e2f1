"use client";

import type { ComponentType } from "react";
import type { ComponentNode, RenderNode } from "@/lib/preview";
import { cn } from "./cn";
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
import { FindingList } from "./finding-list";
import { isWithin, useFindings } from "./findings";

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
  return <DrawnComponent node={node} />;
}

function DrawnComponent({ node }: { node: ComponentNode }) {
  const { findings, overlay, onSelect } = useFindings();
  const View = VIEWS[node.type];
  if (!View) return <ErrorBox path={node.path} message={`${node.type} cannot be drawn here.`} />;
  const own = overlay ? findings.filter((finding) => isWithin(finding.path, node.path)) : [];
  const hasError = own.some((finding) => finding.severity === "error");
  return (
    <ComponentBoundary path={node.path} resetKey={node.props}>
      <div
        data-component={node.type}
        data-path={node.path}
        data-findings={own.length || undefined}
        className={
          own.length > 0
            ? cn(
                "-m-1 rounded-md p-1 outline-1 outline-dashed",
                hasError ? "outline-(--wa-error)" : "outline-amber-500",
              )
            : undefined
        }
      >
        <View node={node} />
        {own.length > 0 && (
          <div className="mt-1">
            <FindingList findings={own} onSelect={onSelect} compact />
          </div>
        )}
      </div>
    </ComponentBoundary>
  );
}
