import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dataset } from '../utils/dataset/bundled';
import { lintDataset } from '../utils/dataset/lint';
import { slimDataset } from '../utils/dataset/slim';
import {
  classifyPage,
  compilePageRules,
  normalizePath,
  pathAddress,
  patternProblem,
} from '../utils/matching/page-patterns';
import { assess } from '../utils/verdict/assess';
import type { Settings } from '../utils/settings/schema';
import { EMPTY_SETTINGS } from '../utils/settings/repair';
import { makeDataset, makeProduct } from './fixtures/make-product';

/** What a clinician's tab would show: the product, its verdict, and how loudly. */
const judged = (url: string, settings: Settings = EMPTY_SETTINGS) => {
  const result = assess(url, dataset, settings);
  if (!result.ok) throw new Error(result.error);
  return result.match ? { id: result.match.entry.id, verdict: result.match.verdict, page: result.match.page } : null;
};

describe('the page kinds of every product, from the data', () => {
  const sitesWithCalls = dataset.products.flatMap((product) =>
    product.sites.filter((site) => site.pages?.some((rule) => rule.kind === 'call')).map((site) => ({ product, site })),
  );

  it('gives every product with a public call-URL shape a call URL and a non-call URL of its host', () => {
    for (const { product, site } of sitesWithCalls) {
      const calls = site.pages!.filter((r) => r.kind === 'call').flatMap((r) => r.examples);
      expect(calls.length, `${product.id} ${site.host}`).toBeGreaterThan(0);
      expect(site.notCalls?.length ?? 0, `${product.id} ${site.host}`).toBeGreaterThan(0);
      for (const url of calls) expect(judged(url), url).toMatchObject({ id: product.id, page: 'call' });
      for (const url of site.notCalls!) expect(judged(url)?.page, url).not.toBe('call');
    }
    expect(sitesWithCalls.length).toBeGreaterThanOrEqual(40);
  });

  it('says why wherever a site has no call pages', () => {
    for (const product of dataset.products) {
      for (const site of product.sites) {
        if (!site.pages?.some((rule) => rule.kind === 'call'))
          expect(site.noCallShape, `${product.id} ${site.host}`).toBeTruthy();
      }
    }
  });

  it('decides the same page kinds in the content script (slim dataset) as in the full one', () => {
    const slim = slimDataset(dataset);
    const urls = dataset.products.flatMap((p) =>
      p.sites.flatMap((s) => [...(s.pages ?? []).flatMap((r) => r.examples), ...(s.notCalls ?? [])]),
    );
    for (const url of urls) {
      const full = assess(url, dataset);
      const small = assess(url, slim);
      expect(small.ok && small.match?.page, url).toBe(full.ok && full.match?.page);
    }
  });
});

describe('warn on calls, stay quiet elsewhere', () => {
  // Pages that are not calls, as a new user met them: the badge may show the
  // vendor's verdict, but no banner (page "site"), or only the pill ("app").
  it.each([
    ['https://zoom.us/pricing', 'zoom', 'site'],
    ['https://support.zoom.com/hc/en/article?id=zm_kb', 'zoom', 'site'],
    ['https://us02web.zoom.us/profile', 'zoom', 'site'],
    ['https://www.tiktok.com/@somecreator', 'tiktok-live', 'site'],
    ['https://www.doximity.com/news', 'doximity', 'site'],
    ['https://discord.com/', 'discord', 'site'],
    ['https://discord.com/channels/745961266149064774/747413163510857761', 'discord', 'app'],
    ['https://app.slack.com/client/T012345679A/C0123456789', 'slack-huddles', 'app'],
    ['https://www.instagram.com/somecreator/', 'instagram', 'site'],
    ['https://meet.google.com/', 'google-meet', 'site'],
    ['https://www.webex.com/pricing/index.html', 'webex', 'site'],
    ['https://whereby.com/information/tos', 'whereby', 'site'],
    ['https://doxy.me/sign-in', 'doxy-me', 'site'],
    ['https://www.youtube.com/live/abcdefghijk', 'youtube-live', 'site'],
    ['https://www.twitch.tv/somechannel', 'twitch', 'site'],
    ['https://teams.microsoft.com/v2/', 'microsoft-teams', 'app'],
    ['https://web.whatsapp.com/', 'whatsapp-web', 'app'],
  ])('%s is a %s page, not a call', (url, id, page) => {
    expect(judged(url)).toMatchObject({ id, page });
  });

  // A clinician's own EHR charts: never a banner, whatever the verdict.
  it.each([
    'https://lakeside.intakeq.com/#/client/12345/notes',
    'https://lakeside.janeapp.com/admin#patients/123/charts',
    'https://secure.gethealthie.com/users/123/charting',
    'https://www.therapynotes.com/app/patients/chart/123',
    'https://app.mend.com/patients/123',
    'https://app.sprucehealth.com/org/123/thread/456',
    'https://secure.clientsecure.me/documents',
  ])('the chart page %s is a site page', (url) => {
    expect(judged(url)?.page).toBe('site');
  });

  it.each([
    ['https://zoom.us/j/5551112222?pwd=x', 'zoom'],
    ['https://us06web.zoom.us/wc/88395547586/join', 'zoom'],
    ['https://meet.google.com/abc-mnop-xyz', 'google-meet'],
    ['https://teams.microsoft.com/l/meetup-join/19%3ameeting_X%40thread.v2/0', 'microsoft-teams'],
    ['https://acme.webex.com/acme/j.php?MTID=m0123', 'webex'],
    ['https://doxy.me/drsmith', 'doxy-me'],
    ['https://whereby.com/drsmith-therapy', 'whereby'],
    ['https://facetime.apple.com/join#v=1&p=abc', 'facetime'],
    ['https://app.slack.com/huddle/T01ABCDEFGH/C02ABCDEFGH', 'slack-huddles'],
    ['https://www.therapyportal.com/p/lakeside/telehealth/', 'therapynotes-telehealth'],
    ['https://video.simplepractice.com/appt-485bc95d4f126fadb091e02f240ea244', 'simplepractice-telehealth'],
  ])('%s is a call page of %s', (url, id) => {
    expect(judged(url)).toMatchObject({ id, page: 'call' });
  });
});

describe('call hosts the dataset lacked', () => {
  it.each([
    ['https://app.goto.com/meeting/957100141', 'goto-meeting', 'check-plan'],
    ['https://gotomeet.me/DrSmith', 'goto-meeting', 'check-plan'],
    ['https://meetings.ringcentral.com/j/1499552188', 'ringcentral-video', 'check-plan'],
    // An old Chime link must still say the product is gone.
    ['https://chime.aws/1234567890', 'amazon-chime', 'discontinued'],
    ['https://gov.teams.microsoft.us/l/meetup-join/19%3ameeting_X%40thread.v2/0', 'microsoft-teams', 'check-plan'],
    [
      'https://dod.teams.microsoft.us/l/meetup-join/19%3adod%3ameeting_X%40thread.v2/0',
      'microsoft-teams',
      'check-plan',
    ],
    ['https://call.lifesizecloud.com/3461784', 'lifesize', 'unverified'],
    ['https://uberconference.com/drsmith', 'dialpad-meetings', 'unverified'],
    ['https://call.element.io/room/#/weekly-sync', 'element-matrix', 'unverified'],
    ['https://meet.zoho.com/gT9JMpyG9z', 'zoho-meeting', 'check-plan'],
    ['https://studio.youtube.com/channel/UCxxxxxxxxxxxxxxxxxxxxxx/livestreaming', 'youtube-live', 'public'],
    ['https://dashboard.twitch.tv/u/somename/stream-manager', 'twitch', 'public'],
  ])('%s is a call page of %s (%s)', (url, id, verdict) => {
    expect(judged(url)).toEqual({ id, verdict, page: 'call' });
  });

  it('no longer claims lifesize.com, a marketing site', () => {
    expect(judged('https://www.lifesize.com/en/app-help/free-account')).toBeNull();
  });
});

describe('paths as the server reads them', () => {
  it.each([
    ['/%6Cive', '/live'],
    ['//live', '/live'],
    ['/live;x=1', '/live'],
    ['/LIVE/', '/live'],
    ['/j/%31%32%33', '/j/123'],
    ['/a%2Fb', '/a%2fb'],
    ['/', '/'],
    ['', '/'],
  ])('%s is %s', (path, normal) => {
    expect(normalizePath(path)).toBe(normal);
  });

  it('catches spellings that slipped past the facebook.com and youtube.com path rules', () => {
    for (const url of [
      'https://www.facebook.com/%6Cive',
      'https://www.facebook.com//live',
      'https://www.facebook.com/live;x=1',
    ]) {
      expect(judged(url)?.id, url).toBe('facebook-live');
    }
    for (const url of [
      'https://www.youtube.com/%6Cive/abc',
      'https://www.youtube.com//live',
      'https://www.youtube.com/live;x=1',
    ]) {
      expect(judged(url)?.id, url).toBe('youtube-live');
    }
    expect(judged('https://zoom.us/%6A/5551112222')?.page).toBe('call');
    expect(judged('https://zoom.us//j//5551112222/')?.page).toBe('call');
  });

  it('normalises once and for all (idempotent), and never throws', () => {
    fc.assert(
      fc.property(fc.webPath(), (path) => {
        const once = normalizePath(path);
        expect(normalizePath(once)).toBe(once);
        expect(once.startsWith('/')).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('page patterns', () => {
  it.each([
    ['(a+)+', 'a path pattern starts with /'],
    ['/(a+)+', 'no unbounded repetition inside a repeated group'],
    ['/(?:.*)*', 'no unbounded repetition inside a repeated group'],
    ['/(x|[a-z]+){2,}', 'no unbounded repetition inside a repeated group'],
    ['/(a)\\1', 'no back-references'],
    ['/(?=a)', 'no look-arounds'],
    ['/(?!a)b', 'no look-arounds'],
    ['^/j/\\d+$', 'a path pattern starts with /'],
    ['/j/\\d+$', 'no ^ or $: patterns are anchored for you'],
    ['/J/\\d+', 'paths are matched in lowercase: write the pattern in lowercase'],
    ['/j /1', 'no white space in a path pattern'],
    ['/.*x.*', 'no two unbounded wildcards within one segment'],
    ['/[', 'not a valid regular expression'],
  ])('refuses %s', (pattern, problem) => {
    expect(patternProblem(pattern)).toContain(problem);
  });

  it('accepts every pattern of the dataset', () => {
    const patterns = dataset.products.flatMap((p) => p.sites.flatMap((s) => (s.pages ?? []).map((r) => r.path)));
    expect(patterns.length).toBeGreaterThan(60);
    for (const pattern of patterns) expect(patternProblem(pattern), pattern).toBeNull();
  });

  it('anchors: a pattern never matches part of a path', () => {
    const rules = compilePageRules([{ kind: 'call', path: '/j/\\d+' }]);
    expect(classifyPage(rules, pathAddress('/j/123'))).toBe('call');
    expect(classifyPage(rules, pathAddress('/x/j/123'))).toBe('site');
    expect(classifyPage(rules, pathAddress('/j/123/evil'))).toBe('site');
  });

  it('the first matching rule decides; a path no rule matches is a site page', () => {
    const rules = compilePageRules([
      { kind: 'site', path: '/pricing' },
      { kind: 'call', path: '/[a-z]+' },
      { kind: 'app', path: '/client(?:/.*)?' },
    ]);
    expect(classifyPage(rules, pathAddress('/pricing'))).toBe('site');
    expect(classifyPage(rules, pathAddress('/drsmith'))).toBe('call');
    expect(classifyPage(rules, pathAddress('/client/abc'))).toBe('app');
    expect(classifyPage(rules, pathAddress('/a/b'))).toBe('site');
  });
});

describe('the lint keeps page rules honest', () => {
  const withSite = (site: Parameters<typeof makeProduct>[1][number]) =>
    lintDataset(makeDataset([makeProduct('p', [site])]), '2026-12-01');
  const evidence = [
    { url: 'https://vendor.example/help', publisher: 'vendor' as const, title: 'Help', checked: '2026-11-24' },
  ];

  it('refuses a slow or unsafe pattern', () => {
    expect(
      withSite({
        host: 'vendor.example',
        pages: [{ kind: 'call', path: '/(a+)+', examples: ['https://vendor.example/a'], evidence }],
        notCalls: ['https://vendor.example/'],
      }).join(),
    ).toMatch(/unbounded repetition/);
  });

  it('refuses an example that its rule does not give its kind', () => {
    const problems = withSite({
      host: 'vendor.example',
      pages: [{ kind: 'call', path: '/j/\\d+', examples: ['https://vendor.example/pricing'], evidence }],
      notCalls: ['https://vendor.example/'],
    });
    expect(problems.join()).toMatch(/example https:\/\/vendor.example\/pricing of call rule .* is site/);
  });

  it('refuses an example on another host', () => {
    const problems = withSite({
      host: 'vendor.example',
      pages: [{ kind: 'call', path: '/j/\\d+', examples: ['https://evil.example/j/1'], evidence }],
      notCalls: ['https://vendor.example/'],
    });
    expect(problems.join()).toMatch(/not on vendor.example/);
  });

  it('refuses a "not a call" page that is a call', () => {
    const problems = withSite({
      host: 'vendor.example',
      pages: [{ kind: 'call', path: '/j/\\d+', examples: ['https://vendor.example/j/1'], evidence }],
      notCalls: ['https://vendor.example/j/2'],
    });
    expect(problems.join()).toMatch(/notCalls https:\/\/vendor.example\/j\/2 is call/);
  });

  it('refuses evidence checked in the future', () => {
    const later = [{ ...evidence[0]!, checked: '2027-01-01' }];
    const problems = withSite({
      host: 'vendor.example',
      pages: [{ kind: 'call', path: '/j/\\d+', examples: ['https://vendor.example/j/1'], evidence: later }],
      notCalls: ['https://vendor.example/'],
    });
    expect(problems.join()).toMatch(/2027-01-01 is in the future/);
  });

  it('asks for non-call pages where there are call pages, and for a reason where there are none', () => {
    expect(
      withSite({
        host: 'vendor.example',
        pages: [{ kind: 'call', path: '/j/\\d+', examples: ['https://vendor.example/j/1'], evidence }],
      }).join(),
    ).toMatch(/needs notCalls/);
    expect(withSite({ host: 'vendor.example', noCallShape: undefined as unknown as string }).join()).toMatch(
      /needs noCallShape/,
    );
  });
});
