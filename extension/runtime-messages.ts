import type { FactRow } from '../utils/dataset/fact-rows';
import type { AlternativeRow } from '../utils/verdict/alternatives';

/**
 * Every message between the parts of CallCheck: its name, who sends it and
 * what it carries. Receivers check the sender and the payload; a content
 * script and the page around it are untrusted.
 */
export type RuntimeMessage =
  /** content script → background: the facts of a product, for the banner's details. */
  | { type: 'callcheck:facts'; productId: string }
  /** content script → background: open the options page to record a BAA. */
  | { type: 'callcheck:record-baa'; productId: string }
  /** content script → background: open a platform's full facts (the options page's directory). */
  | { type: 'callcheck:open-facts'; productId: string }
  /** background → content script: the tab's URL changed without a page load. */
  | { type: 'callcheck:location'; url: string }
  /**
   * content script → background: remember a snooze, a dismissal or a banner
   * seen. The background is the one writer of the banner's memory: it
   * changes the stored state as it stands, so a write from one tab never
   * loses another tab's.
   */
  | { type: 'callcheck:banner-memory'; change: BannerMemoryChange };

export type BannerMemoryChange =
  | { kind: 'snooze'; productId: string; days: 1 | 7 }
  | { kind: 'dismiss'; url: string }
  | { kind: 'seen'; productId: string };

/**
 * The banner's details: the product's key facts, worded by the background in
 * the user's language, and after a red verdict the platforms that sign a BAA.
 */
export type FactsReply = { facts: FactRow[] | null; alternatives?: AlternativeRow[] };

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const isId = (value: unknown): value is string => typeof value === 'string' && value.length <= 80 && ID.test(value);

function parseMemoryChange(raw: unknown): BannerMemoryChange | null {
  if (!raw || typeof raw !== 'object') return null;
  const change = raw as Record<string, unknown>;
  if (change.kind === 'snooze')
    return isId(change.productId) && (change.days === 1 || change.days === 7)
      ? { kind: 'snooze', productId: change.productId, days: change.days }
      : null;
  if (change.kind === 'seen') return isId(change.productId) ? { kind: 'seen', productId: change.productId } : null;
  if (change.kind === 'dismiss')
    return typeof change.url === 'string' && change.url.length <= 8192 ? { kind: 'dismiss', url: change.url } : null;
  return null;
}

export function parseRuntimeMessage(raw: unknown): RuntimeMessage | null {
  if (!raw || typeof raw !== 'object') return null;
  const message = raw as Record<string, unknown>;
  switch (message.type) {
    case 'callcheck:facts':
    case 'callcheck:record-baa':
    case 'callcheck:open-facts':
      return isId(message.productId) ? { type: message.type, productId: message.productId } : null;
    case 'callcheck:location':
      return typeof message.url === 'string' && message.url.length <= 8192
        ? { type: message.type, url: message.url }
        : null;
    case 'callcheck:banner-memory': {
      const change = parseMemoryChange(message.change);
      return change ? { type: message.type, change } : null;
    }
    default:
      return null;
  }
}
