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
  | { type: 'callcheck:location'; url: string };

/**
 * The banner's details: the product's key facts, worded by the background in
 * the user's language, and after a red verdict the platforms that sign a BAA.
 */
export type FactsReply = { facts: FactRow[] | null; alternatives?: AlternativeRow[] };

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function parseRuntimeMessage(raw: unknown): RuntimeMessage | null {
  if (!raw || typeof raw !== 'object') return null;
  const message = raw as Record<string, unknown>;
  switch (message.type) {
    case 'callcheck:facts':
    case 'callcheck:record-baa':
    case 'callcheck:open-facts':
      return typeof message.productId === 'string' && message.productId.length <= 80 && ID.test(message.productId)
        ? { type: message.type, productId: message.productId }
        : null;
    case 'callcheck:location':
      return typeof message.url === 'string' && message.url.length <= 8192 ? { type: message.type, url: message.url } : null;
    default:
      return null;
  }
}
