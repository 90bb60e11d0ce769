/**
 * In a frame, the banner speaks only for a call the page around it does not
 * already warn about: a frame inside a page of the same product (a call
 * client's own frames) stays quiet, and so does a frame too small to be a
 * call (a widget, or a call frame a portal keeps collapsed until the visit
 * starts). A portal embedding a video room in a full-size frame gets the
 * banner inside the frame. `ancestorOrigins` is Chromium's; where it is
 * missing (Firefox), the size rule alone applies.
 */
export interface FrameView {
  /** The top-level page itself, not a frame. */
  top: boolean;
  width: number;
  height: number;
  /** The origins of the pages around the frame, nearest first (empty where the browser does not say). */
  ancestorOrigins: readonly string[];
}

/** Smaller than any call window. */
export function frameTooSmall(view: Pick<FrameView, 'width' | 'height'>): boolean {
  return view.width < 320 || view.height < 200;
}

/**
 * Whether this frame's banner stays quiet. `productAt` says which product a
 * URL belongs to (assess with the settings in force).
 */
export function framedByItsOwnCall(
  view: FrameView,
  productId: string | undefined,
  productAt: (url: string) => string | undefined,
): boolean {
  if (view.top || !productId) return false;
  if (frameTooSmall(view)) return true;
  return view.ancestorOrigins.some((origin) => productAt(`${origin}/`) === productId);
}
