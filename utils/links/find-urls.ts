import { parseHTML } from 'linkedom';

/**
 * Every web URL in a piece of text or HTML, in order of appearance, each
 * once. Only link targets are read from HTML (`href`) plus the text's own
 * URLs outside links: an invite's description often carries the join link
 * as plain text, but a link's text never speaks for its target.
 */

/** A file with more is not an invite or a message; the rest is not read. */
export const MAX_URLS = 5_000;

// Stops at whitespace, quotes and brackets; trailing sentence punctuation is trimmed after.
const URL_IN_TEXT = /\bhttps?:\/\/[^\s<>"'`{}|\\^[\]]{1,4096}/gi;
const TRAILING = /[.,;:!?)\]}'"»”’]+$/;

export function urlsInText(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(URL_IN_TEXT)) {
    let url = match[0].replace(TRAILING, '');
    // A closing parenthesis that belongs to the URL (Wikipedia-style) stays when it has its opening one.
    if (match[0].length > url.length && match[0][url.length] === ')' && url.includes('(')) url += ')';
    found.add(url);
    if (found.size >= MAX_URLS) break;
  }
  return [...found];
}

/** Link targets (`href` of a and area elements) and URLs in the text, parsed by linkedom rather than by hand. */
export function urlsInHtml(html: string): string[] {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const found = new Set<string>();
  for (const element of document.querySelectorAll('a[href], area[href]')) {
    const href = element.getAttribute('href')?.trim();
    if (href && /^https?:\/\//i.test(href)) found.add(href);
    if (found.size >= MAX_URLS) return [...found];
  }
  // What a reader sees: not the text of scripts, styles or templates. A
  // link's own text is not where it goes: `<a href="https://evil.example">
  // https://zoom.us/j/1</a>` leads to evil.example, so only its href counts.
  for (const hidden of document.querySelectorAll('script, style, template, noscript, a[href], area[href]'))
    hidden.remove();
  for (const url of urlsInText(document.body?.textContent ?? '')) {
    found.add(url);
    if (found.size >= MAX_URLS) break;
  }
  return [...found];
}
