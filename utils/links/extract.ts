import ICAL from 'ical.js';
import PostalMime from 'postal-mime';
import { urlsInHtml, urlsInText } from './find-urls';

/**
 * The links of a calendar file, an e-mail or a web page, each with where it
 * was found (the event's summary and start, the message's subject), for
 * `assess --extract`. Parsing is left to well-kept libraries: ical.js
 * (Mozilla's, used by Thunderbird; handles line folding, escapes and
 * parameters) and postal-mime (MIME multipart, quoted-printable, base64 and
 * encoded-word headers, without Node-only dependencies).
 */

export interface FoundLink {
  url: string;
  /** e.g. "Therapy session — 2026-12-03T15:00:00" or "Re: Tuesday's appointment" */
  where: string;
}

export type FileKind = 'ics' | 'eml' | 'html' | 'text';

export function kindOf(fileName: string): FileKind {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.ics') || lower.endsWith('.ical') || lower.endsWith('.ifb')) return 'ics';
  if (lower.endsWith('.eml') || lower.endsWith('.msg.txt')) return 'eml';
  if (lower.endsWith('.html') || lower.endsWith('.htm')) return 'html';
  return 'text';
}

export async function extractLinks(bytes: Uint8Array, fileName: string): Promise<FoundLink[]> {
  const kind = kindOf(fileName);
  if (kind === 'eml') return linksInEmail(bytes);
  const text = new TextDecoder('utf-8').decode(bytes);
  if (kind === 'ics') return linksInCalendar(text);
  const urls = kind === 'html' ? urlsInHtml(text) : urlsInText(text);
  return urls.map((url) => ({ url, where: fileName }));
}

/** Properties of an event that carry links: the join link may be in any of them. */
const LINK_PROPERTIES = [
  'url',
  'location',
  'description',
  'x-alt-desc',
  'conference',
  'x-google-conference',
  'x-microsoft-skypeteamsmeetingurl',
  'x-microsoft-onlinemeetingconflink',
];

export function linksInCalendar(text: string): FoundLink[] {
  // ical.js throws a ParserError with the line at fault: the caller reports it.
  const root = new ICAL.Component(ICAL.parse(text));
  const calendars = root.name === 'vcalendar' ? [root] : root.getAllSubcomponents('vcalendar');
  const found: FoundLink[] = [];
  for (const calendar of calendars) {
    for (const vevent of calendar.getAllSubcomponents('vevent')) {
      const event = new ICAL.Event(vevent);
      // A time in a named zone (Outlook's "Eastern Standard Time") keeps the zone's name.
      const zone = vevent.getFirstProperty('dtstart')?.getParameter('tzid');
      const start = event.startDate
        ? ` — ${event.startDate.toString()}${typeof zone === 'string' ? ` (${zone})` : ''}`
        : '';
      const where = `${event.summary || '(no title)'}${start}`;
      const seen = new Set<string>();
      for (const property of vevent.getAllProperties()) {
        if (!LINK_PROPERTIES.includes(property.name)) continue;
        for (const value of property.getValues()) {
          if (typeof value !== 'string') continue;
          const html = property.name === 'x-alt-desc' || /^\s*</.test(value);
          for (const url of html ? urlsInHtml(value) : urlsInText(value)) {
            if (!seen.has(url)) found.push({ url, where });
            seen.add(url);
          }
        }
      }
    }
  }
  return found;
}

export async function linksInEmail(bytes: Uint8Array): Promise<FoundLink[]> {
  const email = await PostalMime.parse(bytes);
  const where = email.subject?.trim() || '(no subject)';
  const seen = new Set<string>();
  const found: FoundLink[] = [];
  const add = (links: FoundLink[]) => {
    for (const link of links) {
      if (!seen.has(link.url)) found.push(link);
      seen.add(link.url);
    }
  };
  if (email.html) add(urlsInHtml(email.html).map((url) => ({ url, where })));
  if (email.text) add(urlsInText(email.text).map((url) => ({ url, where })));
  // An invitation carries its event as a text/calendar part: its links, with the event's own where.
  for (const attachment of email.attachments ?? []) {
    if (!/^text\/calendar\b/i.test(attachment.mimeType)) continue;
    const content = attachment.content;
    const text = typeof content === 'string' ? content : new TextDecoder('utf-8').decode(content as ArrayBuffer);
    add(linksInCalendar(text).map((link) => ({ url: link.url, where: `${where} › ${link.where}` })));
  }
  return found;
}
