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
