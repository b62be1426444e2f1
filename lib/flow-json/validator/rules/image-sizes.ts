import type { PathSegment } from "../../json/path";
import { hasPlainItems, isObj, type ComponentInfo, type ValidationContext } from "../context";
import { isDynamicString } from "./dynamic-string";

// L3: image sizes (§7.3, §8.14, §8.16): list images are errors (the client does not render them), others warnings.

/** Base64 grows data by 4/3; texts shorter than this many characters per KB cannot exceed a limit. */
const BASE64_CHARS_PER_KB = 1024 * 1.3;

/** Decoded size in KB of base64 text (padding and line breaks ignored). */
function base64Kilobytes(text: string): number {
  return (text.replace(/[\s=]/g, "").length * 3) / 4 / 1024;
}

export function checkImageSizes(context: ValidationContext, component: ComponentInfo): void {
  const { report } = context;
  const { node, path, type } = component;
  const listImageMaxKb = context.at("6.0") ? 100 : 300;
  const items = node["data-source"];
  if (Array.isArray(items) && !hasPlainItems(component)) {
    for (let index = 0; index < items.length; index++) {
      const item: unknown = items[index];
      if (!isObj(item)) continue;
      const image = item.image;
      if (typeof image !== "string" || isDynamicString(image)) continue;
      if (image.length <= listImageMaxKb * BASE64_CHARS_PER_KB) continue;
      const kilobytes = base64Kilobytes(image);
      if (kilobytes > listImageMaxKb) {
        report.error(
          "L3",
          "PORTAL_IMAGE_TOO_LARGE",
          [...path, "data-source", index, "image"],
          `The image of this ${type} item is ${Math.round(kilobytes)} KB but list images may be at most ${listImageMaxKb} KB in Flow JSON ${context.version}; compress it.`,
        );
      }
    }
  }
  const listItems = node["list-items"];
  if (Array.isArray(listItems)) {
    for (let index = 0; index < listItems.length; index++) {
      const item: unknown = listItems[index];
      const image = isObj(item) && isObj(item.start) ? item.start.image : undefined;
      if (typeof image !== "string" || isDynamicString(image)) continue;
      if (image.length > 100 * BASE64_CHARS_PER_KB && base64Kilobytes(image) > 100) {
        report.error(
          "L3",
          "PORTAL_IMAGE_TOO_LARGE",
          [...path, "list-items", index, "start", "image"],
          `The start image of this NavigationList item is ${Math.round(base64Kilobytes(image))} KB but may be at most 100 KB; compress it.`,
        );
      }
    }
  }
  if (type === "Image" && typeof node.src === "string") warnLargeImage(context, node.src, [...path, "src"]);
  if (type === "ImageCarousel" && Array.isArray(node.images)) {
    node.images.forEach((image: unknown, index) => {
      if (isObj(image) && typeof image.src === "string") {
        warnLargeImage(context, image.src, [...path, "images", index, "src"]);
      }
    });
  }
}

function warnLargeImage(context: ValidationContext, source: string, path: PathSegment[]): void {
  if (isDynamicString(source)) return;
  if (source.length > 300 * BASE64_CHARS_PER_KB && base64Kilobytes(source) > 300) {
    context.report.warn(
      "L3",
      "PORTAL_IMAGE_TOO_LARGE",
      path,
      `This image is ${Math.round(base64Kilobytes(source))} KB; WhatsApp recommends at most 300 KB per image (and 1 MB for the whole screen), so compress it.`,
    );
  }
}
