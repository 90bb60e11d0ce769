import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const DIR = 'tests/fixtures/extract';

function extract(args: string[]) {
  const result = spawnSync('npm', ['run', '--silent', 'assess', '--', '--extract', ...args], { encoding: 'utf8' });
  const lines = result.stdout
    .trim()
    .split('\n')
    .filter(Boolean)
    .map(
      (line) =>
        JSON.parse(line) as {
          file: string;
          url: string | null;
          wrapped?: string;
          where: string;
          match: { product: string; page: string; verdict: string } | null;
          cantTell?: string;
        },
    );
  return { status: result.status, stderr: result.stderr, lines };
}

const brief = (line: ReturnType<typeof extract>['lines'][number]) => ({
  file: line.file.split('/').pop(),
  url: line.url,
  wrapped: line.wrapped !== undefined,
  where: line.where,
  product: line.match?.product ?? null,
  page: line.match?.page ?? null,
  ...(line.cantTell ? { cantTell: line.cantTell } : {}),
});

describe('npm run assess -- --extract', () => {
  it('finds the call and app links of invites, e-mails and pages, unwrapped, with where they were', () => {
    const { status, lines } = extract([
      `${DIR}/google-invite.ics`,
      `${DIR}/outlook-invite.ics`,
      `${DIR}/message.eml`,
      `${DIR}/portal.html`,
    ]);
    expect(status).toBe(0);
    expect(lines.map(brief)).toEqual([
      // Google Calendar: the conference link, and a Zoom link behind Google's redirect in the folded description.
      {
        file: 'google-invite.ics',
        url: 'https://meet.google.com/abc-defg-hij',
        wrapped: false,
        where: 'Therapy session — 2026-12-03T15:00:00Z',
        product: 'google-meet',
        page: 'call',
      },
      {
        file: 'google-invite.ics',
        url: 'https://us02web.zoom.us/j/5551234567',
        wrapped: true,
        where: 'Therapy session — 2026-12-03T15:00:00Z',
        product: 'zoom',
        page: 'call',
      },
      // Escaped comma in the summary; Zoom's pricing page is not a call and is left out.
      {
        file: 'google-invite.ics',
        url: 'https://teams.live.com/meet/9312345678901',
        wrapped: false,
        where: 'Follow-up, family session — 2026-12-04T09:00:00Z',
        product: 'microsoft-teams-free',
        page: 'call',
      },
      // Outlook: the Teams property, Safe Links in the HTML description, and Mimecast, which hides its target.
      {
        file: 'outlook-invite.ics',
        url: 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_NjY3%40thread.v2/0?context=%7b%22Tid%22%3a%22x%22%7d',
        wrapped: false,
        where: 'Intake appointment — 2026-12-07T10:00:00 (Eastern Standard Time)',
        product: 'microsoft-teams',
        page: 'call',
      },
      {
        file: 'outlook-invite.ics',
        url: 'https://doxy.me/drsmith',
        wrapped: true,
        where: 'Intake appointment — 2026-12-07T10:00:00 (Eastern Standard Time)',
        product: 'doxy-me',
        page: 'call',
      },
      {
        file: 'outlook-invite.ics',
        url: null,
        wrapped: true,
        where: 'Intake appointment — 2026-12-07T10:00:00 (Eastern Standard Time)',
        product: null,
        page: null,
        cantTell: 'mimecast',
      },
      // E-mail: quoted-printable HTML and a base64 text part with the same Proofpoint link (listed once),
      // Facebook's shim, and the invitation attached to the message; the look-alike and the portal are not calls.
      {
        file: 'message.eml',
        url: 'https://us02web.zoom.us/j/5559876543?pwd=abc',
        wrapped: true,
        where: 'Tuesday’s appointment',
        product: 'zoom',
        page: 'call',
      },
      {
        file: 'message.eml',
        url: 'https://www.messenger.com/groupcall/ROOM:123',
        wrapped: true,
        where: 'Tuesday’s appointment',
        product: 'facebook-messenger',
        page: 'call',
      },
      {
        file: 'message.eml',
        url: 'https://facetime.apple.com/join#v=1&p=AbCdEf',
        wrapped: false,
        where: 'Tuesday’s appointment › Couples session — 2026-12-08T14:00:00Z',
        product: 'facetime',
        page: 'call',
      },
      // A page: links and a URL in its text; Whereby behind Barracuda; Whereby's pricing page left out.
      {
        file: 'portal.html',
        url: 'https://doxy.me/drsmith',
        wrapped: false,
        where: `${DIR}/portal.html`,
        product: 'doxy-me',
        page: 'call',
      },
      {
        file: 'portal.html',
        url: 'https://whereby.com/lakeside-room',
        wrapped: true,
        where: `${DIR}/portal.html`,
        product: 'whereby',
        page: 'call',
      },
      {
        file: 'portal.html',
        url: 'https://app.slack.com/huddle/T1/C1',
        wrapped: false,
        where: `${DIR}/portal.html`,
        product: 'slack-huddles',
        page: 'call',
      },
    ]);
  });

  it('with --all, lists every other link too: site pages and links to nothing CallCheck knows', () => {
    const { lines } = extract(['--all', `${DIR}/google-invite.ics`, `${DIR}/message.eml`]);
    const urls = lines.map((line) => [line.url, line.match?.page ?? null]);
    expect(urls).toContainEqual(['https://zoom.us/pricing', 'site']);
    expect(urls).toContainEqual(['https://zoom.us.evil.example/j/1', null]);
    expect(urls).toContainEqual(['https://www.lakeside.example/portal', null]);
  });

  it('says clearly which file it could not read, exits 2, and still reads the others', () => {
    const { status, stderr, lines } = extract([`${DIR}/broken.ics`, `${DIR}/no-such-file.eml`, `${DIR}/portal.html`]);
    expect(status).toBe(2);
    expect(stderr).toMatch(/broken\.ics: not a readable calendar file \(invalid line/);
    expect(stderr).toMatch(/no-such-file\.eml: cannot be read \(ENOENT\)/);
    expect(lines.map((line) => line.url)).toContain('https://doxy.me/drsmith');
  });
});
