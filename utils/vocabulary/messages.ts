import type en from '../../public/_locales/en/messages.json';

/**
 * Every user-visible string lives in `public/_locales/<lang>/messages.json`.
 * The extension reads it through `browser.i18n`; code that runs outside the
 * browser (the command line, tests) formats the same catalogue with
 * `formatMessage`, so wording is defined once.
 */
export type MessageKey = keyof typeof en;

/** A sentence to be worded by whoever shows it, in the user's language. */
export interface Message {
  key: MessageKey;
  args: string[];
}

export type Translate = (key: MessageKey, args?: string[]) => string;

interface CatalogEntry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}
export type Catalog = Record<string, CatalogEntry>;

/**
 * The substitution rules of chrome.i18n.getMessage: `$NAME$` names a
 * placeholder whose content may hold `$1`…`$9`; `$$` is a literal dollar.
 */
export function formatMessage(catalog: Catalog, key: string, args: readonly string[] = []): string {
  const entry = catalog[key];
  if (!entry) return '';
  const substitute = (text: string) => text.replace(/\$(\d)/g, (_, n: string) => args[Number(n) - 1] ?? '');
  return entry.message
    .replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => {
      const placeholder = entry.placeholders?.[name.toLowerCase()];
      return placeholder ? substitute(placeholder.content) : whole;
    })
    .replace(/\$\$/g, '$');
}

export function translatorFor(catalog: Catalog): Translate {
  return (key, args) => formatMessage(catalog, key, args);
}

/**
 * Text from a user, a file or a policy, set apart from the sentence around
 * it for the bidirectional algorithm (U+2068 FIRST STRONG ISOLATE … U+2069
 * POP DIRECTIONAL ISOLATE): an unterminated U+202E in a vendor's name can
 * then no longer mirror the rest of the verdict sentence or spoof a link.
 */
export function isolate(text: string): string {
  // Text with no right-to-left letters and no direction controls cannot
  // reorder anything, and stays as it is (screen readers, search, tests).
  return BIDI_SENSITIVE.test(text) ? `\u2068${text}\u2069` : text;
}

/** Direction controls (LRM, RLM, ALM, embeddings, overrides, isolates) and right-to-left scripts. */
const BIDI_SENSITIVE =
  /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]|\uD802[\uDC00-\uDFFF]|\uD83A[\uDC00-\uDFFF]/;
