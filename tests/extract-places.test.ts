import { describe, expect, it } from 'vitest';
import { linksInCalendar, linksInEmail } from '../utils/links/extract';
import { urlsInHtml } from '../utils/links/find-urls';

/** A calendar with one event whose properties are given as written in the file (folded lines included). */
const calendar = (properties: string) =>
  [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//test//EN',
    'BEGIN:VEVENT',
    'UID:1',
    'DTSTAMP:20261201T000000Z',
    'DTSTART:20261203T150000Z',
    'SUMMARY:Session',
    properties,
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n');

describe('join links where calendars put them', () => {
  it.each([
    [
      'LOCATION',
      'LOCATION:https://us02web.zoom.us/j/5551234567?pwd=abc',
      'https://us02web.zoom.us/j/5551234567?pwd=abc',
    ],
    [
      'DESCRIPTION, folded inside the URL',
      'DESCRIPTION:Join: https://teams.microsoft.com/l/meetup-join/19%3ameeting_N\r\n jY3%40thread.v2/0',
      'https://teams.microsoft.com/l/meetup-join/19%3ameeting_NjY3%40thread.v2/0',
    ],
    [
      'X-ALT-DESC HTML, the href',
      'X-ALT-DESC;FMTTYPE=text/html:<a href="https://meet.google.com/abc-defg-hij">Join with Google Meet</a>',
      'https://meet.google.com/abc-defg-hij',
    ],
    [
      'X-MICROSOFT-SKYPETEAMSMEETINGURL, folded',
      'X-MICROSOFT-SKYPETEAMSMEETINGURL:https://teams.microsoft.com/l/meetup-join/19%3ameeting_Zm\r\n 9v%40thread.v2/0?context=%7b%7d',
      'https://teams.microsoft.com/l/meetup-join/19%3ameeting_Zm9v%40thread.v2/0?context=%7b%7d',
    ],
    [
      'X-GOOGLE-CONFERENCE',
      'X-GOOGLE-CONFERENCE:https://meet.google.com/xyz-abcd-efg',
      'https://meet.google.com/xyz-abcd-efg',
    ],
    [
      'RFC 7986 CONFERENCE',
      'CONFERENCE;VALUE=URI;FEATURE=VIDEO;LABEL=Join:https://doxy.me/drsmith',
      'https://doxy.me/drsmith',
    ],
  ])('%s', (_where, property, url) => {
    expect(linksInCalendar(calendar(property)).map((link) => link.url)).toContain(url);
  });
});

describe('an anchor’s href decides, never its text', () => {
  it('reads where a link goes, not what it says', () => {
    const html =
      '<p>Your session: <a href="https://evil.example/phish">https://zoom.us/j/5551234567</a></p><p>Or paste https://doxy.me/drsmith</p>';
    expect(urlsInHtml(html)).toEqual(['https://evil.example/phish', 'https://doxy.me/drsmith']);
  });
});

describe('join links where e-mail puts them', () => {
  const mail = (headers: string[], body: string) => new TextEncoder().encode([...headers, '', body, ''].join('\r\n'));

  it('quoted-printable: soft line breaks and =3D inside the href', async () => {
    const bytes = mail(
      [
        'From: a@example.org',
        'Subject: Session',
        'MIME-Version: 1.0',
        'Content-Type: text/html; charset=utf-8',
        'Content-Transfer-Encoding: quoted-printable',
      ],
      '<a href=3D"https://us02web.zoom.us/j/5551234567?pwd=3DAbC=\r\nDeF">Join</a>',
    );
    expect((await linksInEmail(bytes)).map((l) => l.url)).toEqual(['https://us02web.zoom.us/j/5551234567?pwd=AbCDeF']);
  });

  it('a base64 HTML part and an attached invitation', async () => {
    const html = Buffer.from('<a href="https://whereby.com/lakeside-room">Join</a>').toString('base64');
    const ics = Buffer.from(calendar('X-GOOGLE-CONFERENCE:https://meet.google.com/abc-defg-hij')).toString('base64');
    const bytes = mail(
      ['From: a@example.org', 'Subject: Invite', 'MIME-Version: 1.0', 'Content-Type: multipart/mixed; boundary="b"'],
      [
        '--b',
        'Content-Type: text/html; charset=utf-8',
        'Content-Transfer-Encoding: base64',
        '',
        html,
        '--b',
        'Content-Type: text/calendar; method=REQUEST; charset=utf-8',
        'Content-Transfer-Encoding: base64',
        '',
        ics,
        '--b--',
      ].join('\r\n'),
    );
    const links = await linksInEmail(bytes);
    expect(links.map((l) => l.url)).toEqual([
      'https://whereby.com/lakeside-room',
      'https://meet.google.com/abc-defg-hij',
    ]);
    expect(links[1]!.where).toMatch(/^Invite › Session/);
  });
});
