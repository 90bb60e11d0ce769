import type { FactRow } from '../utils/dataset/fact-rows';

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
  /** background → content script: the tab's URL changed without a page load. */
  | { type: 'callcheck:location'; url: string };

/** The banner's details: the product's key facts, worded by the background in the user's language. */
export type FactsReply = { facts: FactRow[] | null };

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function parseRuntimeMessage(raw: unknown): RuntimeMessage | null {
  if (!raw || typeof raw !== 'object') return null;
  const message = raw as Record<string, unknown>;
  switch (message.type) {
    case 'callcheck:facts':
    case 'callcheck:record-baa':
      return typeof message.productId === 'string' && message.productId.length <= 80 && ID.test(message.productId)
        ? { type: message.type, productId: message.productId }
        : null;
    case 'callcheck:location':
      return typeof message.url === 'string' && message.url.length <= 8192 ? { type: message.type, url: message.url } : null;
    default:
      return null;
  }
}
