import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCallUrl } from '../utils/matching/call-url';
import {
  classifyPage,
  compilePageRules,
  fragmentRoute,
  readParams,
  type PageRule,
} from '../utils/matching/page-patterns';

/** The kind a set of rules gives a URL, as assess reads it. */
const kindOf = (rules: PageRule[], url: string) => {
  const parsed = parseCallUrl(url);
  if (parsed.kind !== 'web') throw new Error(url);
  return classifyPage(compilePageRules(rules), parsed);
};

describe('the fragment read as a route', () => {
  it.each([
    [
      '#/l/meetup-join/19%3Ameeting_X%40thread.v2/0?context=%7b%7d',
      '/l/meetup-join/19%3ameeting_x%40thread.v2/0',
      '?context=%7b%7d',
    ],
    ['#!/l/x', '/l/x', ''],
    ['#l/x', '/l/x', ''],
    ['#/L//X/', '/l/x', ''],
    ['#/%6Ceet/x;jsessionid=1', '/leet/x', ''],
    ['', '/', ''],
    ['#', '/', ''],
    ['#v=1&p=abc', '/v=1&p=abc', ''],
  ])('%s is the route %s with the query %j', (hash, path, search) => {
    expect(fragmentRoute(hash)).toEqual({ path, search });
  });

  it('never throws, and its path reads as a path does', () => {
    fc.assert(
      fc.property(fc.string(), (hash) => {
        const route = fragmentRoute(hash);
        expect(route.path.startsWith('/')).toBe(true);
        expect(fragmentRoute(`#${route.path}`).path).toBe(route.path);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('query parameters as rules read them', () => {
  it('decodes and lowercases names and values, and keeps repeated names', () => {
    const params = readParams('?UUID=AbC%2Dd&type=meetup%2Djoin&x=1&x=2&sp=a+b');
    expect(params.get('uuid')).toEqual(['abc-d']);
    expect(params.get('type')).toEqual(['meetup-join']);
    expect(params.get('x')).toEqual(['1', '2']);
    expect(params.get('sp')).toEqual(['a b']);
    expect(readParams('').size).toBe(0);
    expect(readParams('?').size).toBe(0);
  });
});

describe('rules that read the whole URL', () => {
  const teams: PageRule[] = [
    { kind: 'call', path: '/(?:_|v2)?', fragment: '/l/meetup-join/.+' },
    { kind: 'call', path: '/v2', query: { meetingjoin: 'true' } },
    { kind: 'call', path: '/dl/launcher/launcher\\.html', inner: 'url' },
    { kind: 'app', path: '/dl/launcher/launcher\\.html', inner: 'url' },
    { kind: 'call', path: '/l/meetup-join/.+' },
    { kind: 'app', path: '/l/chat/.+' },
    { kind: 'app', path: '/(?:_|v2)?' },
  ];

  it.each([
    ['https://teams.microsoft.com/_#/l/meetup-join/19:meeting_X@thread.v2/0?context=%7b%7d', 'call'],
    ['https://teams.microsoft.com/_#/L/MEETUP-JOIN/19:meeting_X@thread.v2/0', 'call'],
    ['https://teams.microsoft.com/#/l/meetup-join/19:meeting_X@thread.v2/0', 'call'],
    ['https://teams.microsoft.com/v2/?meetingjoin=true#/l/meetup-join/19:meeting_X@thread.v2/0', 'call'],
    ['https://teams.microsoft.com/v2/?MeetingJoin=TRUE', 'call'],
    ['https://teams.microsoft.com/v2/?meetingjoin=false', 'app'],
    ['https://teams.microsoft.com/_#/conversations/19:x', 'app'],
    ['https://teams.microsoft.com/_#/l/meetup-join/', 'app'],
    [
      'https://teams.microsoft.com/dl/launcher/launcher.html?url=%2F_%23%2Fl%2Fmeetup-join%2F19%3Ameeting_X%40thread.v2%2F0%3Fcontext%3D%257b%257d&type=meetup-join',
      'call',
    ],
    ['https://teams.microsoft.com/dl/launcher/launcher.html?url=/l/meetup-join/19:meeting_X@thread.v2/0', 'call'],
    ['https://teams.microsoft.com/dl/launcher/launcher.html?url=%2Fl%2Fchat%2F19%3Ax', 'app'],
    ['https://teams.microsoft.com/dl/launcher/launcher.html?url=%2Fpricing', 'site'],
    ['https://teams.microsoft.com/dl/launcher/launcher.html', 'site'],
    // A launcher never vouches for another host, nor for anything but a web URL.
    [
      'https://teams.microsoft.com/dl/launcher/launcher.html?url=https%3A%2F%2Fevil.example%2Fl%2Fmeetup-join%2Fx',
      'site',
    ],
    ['https://teams.microsoft.com/dl/launcher/launcher.html?url=javascript%3A%2F%2Fl%2Fmeetup-join%2Fx', 'site'],
    [
      'https://teams.microsoft.com/dl/launcher/launcher.html?url=https%3A%2F%2Fteams.microsoft.com.%2Fl%2Fmeetup-join%2Fx',
      'call',
    ],
    // One level deep: a launcher inside a launcher is not unwrapped again.
    [
      'https://teams.microsoft.com/dl/launcher/launcher.html?url=%2Fdl%2Flauncher%2Flauncher.html%3Furl%3D%252Fl%252Fmeetup-join%252Fx',
      'site',
    ],
  ])('%s is %s', (url, kind) => {
    expect(kindOf(teams, url)).toBe(kind);
  });

  it('reads the fragment route’s own query', () => {
    const rules: PageRule[] = [{ kind: 'call', path: '/', fragment: '/join', fragmentQuery: { id: '\\d+' } }];
    expect(kindOf(rules, 'https://portal.example/#/join?id=123')).toBe('call');
    expect(kindOf(rules, 'https://portal.example/#/join?id=abc')).toBe('site');
    expect(kindOf(rules, 'https://portal.example/?id=123#/join')).toBe('site');
  });

  it('needs every named parameter, and any one of a repeated name may match', () => {
    const rules: PageRule[] = [{ kind: 'call', path: '/meeting/join', query: { key: '\\d{9,12}', e: '.*' } }];
    expect(kindOf(rules, 'https://meeting.zoho.com/meeting/join?key=123456789&e=')).toBe('call');
    expect(kindOf(rules, 'https://meeting.zoho.com/meeting/join?key=x&key=123456789&e=a')).toBe('call');
    expect(kindOf(rules, 'https://meeting.zoho.com/meeting/join?key=123456789')).toBe('site');
  });
});
