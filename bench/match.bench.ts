/**
 * `npm run bench`: how fast does CallCheck find the product for a URL?
 * Prints lookups per second for the host index with the bundled dataset and
 * with 10,000 synthetic custom vendors, the same for a naive scan over every
 * host, and their ratio; then full `assess` calls (URL parsing included).
 * Numbers are printed, never asserted: a benchmark is not a test.
 */
import { performance } from 'node:perf_hooks';
import { assess } from '../utils/verdict/assess';
import { dataset } from '../utils/dataset/bundled';
import { buildHostIndex, type HostRule } from '../utils/matching/host-index';
import type { Settings } from '../utils/settings/schema';

const CUSTOM_VENDORS = 10_000;

function syntheticSettings(count: number): Settings {
  const customVendors = Array.from({ length: count }, (_, i) => ({
    id: `custom-${i}`,
    name: `Clinic video ${i}`,
    sites: [{ host: `video${i}.clinic${i % 97}.example-telehealth.com` }],
    baa: 'offered' as const,
    e2ee: 'unknown' as const,
    sources: [],
  }));
  return { approvals: [], blocks: [], customVendors };
}

function rulesOf(settings: Settings): HostRule<string>[] {
  const rules: HostRule<string>[] = [];
  for (const p of dataset.products) for (const s of p.sites) rules.push({ host: s.host, paths: s.paths, value: p.id });
  for (const c of settings.customVendors)
    for (const s of c.sites) rules.push({ host: s.host, paths: s.paths, value: c.id });
  return rules;
}

/**
 * The obvious alternative, written to be fast: compare the host with every
 * rule, kept in flat arrays so the loop does nothing but string comparisons.
 */
function naiveMatcher(rules: HostRule<string>[]) {
  const hosts = rules.map((r) => r.host);
  const dotHosts = rules.map((r) => `.${r.host}`);
  const paths = rules.map((r) => r.paths);
  const values = rules.map((r) => r.value);
  return (host: string, path: string): string | undefined => {
    let best = -1;
    let bestScore = -1;
    for (let i = 0; i < hosts.length; i++) {
      if (host !== hosts[i] && !host.endsWith(dotHosts[i]!)) continue;
      const rulePaths = paths[i];
      let prefixLength = 0;
      if (rulePaths) {
        const prefix = rulePaths.find((p) => path === p || path.startsWith(p.endsWith('/') ? p : `${p}/`));
        if (prefix === undefined) continue;
        prefixLength = prefix.length;
      }
      const score = hosts[i]!.length * 1000 + prefixLength;
      if (score > bestScore) {
        best = i;
        bestScore = score;
      }
    }
    return best < 0 ? undefined : values[best];
  };
}

// A realistic mix: calls, look-alikes, everyday pages, deep subdomains.
function queries(settings: Settings): [string, string][] {
  const fixed: [string, string][] = [
    ['us02web.zoom.us', '/j/123456789'],
    ['teams.live.com', '/meet/123'],
    ['teams.microsoft.com', '/l/meetup-join/x'],
    ['meet.google.com', '/abc-defg-hij'],
    ['www.facebook.com', '/messages/t/1'],
    ['zoom.us.evil.com', '/j/1'],
    ['evilzoom.us', '/j/1'],
    ['www.example.org', '/'],
    ['mail.google.com', '/mail/u/0/'],
    ['en.wikipedia.org', '/wiki/HIPAA'],
    ['doxy.me', '/drsmith'],
    ['a.b.c.d.e.example.co.uk', '/x'],
  ];
  const custom = settings.customVendors
    .slice(0, 20)
    .map((c): [string, string] => [`room.${c.sites[0]!.host}`, '/visit']);
  return [...fixed, ...custom];
}

const WHOLE_URL_JOINS = [
  'https://teams.microsoft.com/v2/?meetingjoin=true#/l/meetup-join/19:meeting_OTU4ZDM5@thread.v2/0?context=%7b%7d',
  'https://teams.microsoft.com/dl/launcher/launcher.html?url=%2F_%23%2Fl%2Fmeetup-join%2F19%3Ameeting_OWQx%40thread.v2%2F0&type=meetup-join',
  'https://meeting.zoho.com/join?key=123456789',
  'https://t.me/somegroup?videochat=2',
  'https://meetings.webex.com/collabs/meetings/join?uuid=M8X65K8I6T5W87VYZCNQW1Q4LV-N73J',
];

function rate(label: string, fn: (i: number) => unknown, rounds = 2_000_000): number {
  for (let i = 0; i < 50_000; i++) fn(i); // warm up the JIT
  const start = performance.now();
  let sink = 0;
  for (let i = 0; i < rounds; i++) if (fn(i) !== undefined) sink++;
  const seconds = (performance.now() - start) / 1000;
  const perSecond = rounds / seconds;
  console.log(`${label.padEnd(58)} ${Math.round(perSecond).toLocaleString('en-US').padStart(13)} /s  (${sink} hits)`);
  return perSecond;
}

function benchSet(title: string, settings: Settings) {
  const rules = rulesOf(settings);
  const index = buildHostIndex(rules);
  const naiveLookup = naiveMatcher(rules);
  const qs = queries(settings);
  console.log(`\n${title}: ${rules.length.toLocaleString('en-US')} host rules, ${qs.length} query hosts`);
  const fast = rate('host index lookups', (i) => {
    const [h, p] = qs[i % qs.length]!;
    return index.lookup(h, p);
  });
  const naive = rate(
    'naive scan lookups',
    (i) => {
      const [h, p] = qs[i % qs.length]!;
      return naiveLookup(h, p);
    },
    rules.length > 1000 ? 20_000 : 500_000,
  );
  console.log(`${'ratio index / naive'.padEnd(58)} ${(fast / naive).toFixed(1).padStart(13)} x`);
  const urls = qs.map(([h, p]) => `https://${h}${p}`);
  assess(urls[0]!, dataset, settings); // builds the index once, as the extension does
  rate(
    'assess(url) calls: URL parsing, page kind and verdict',
    (i) => assess(urls[i % urls.length]!, dataset, settings),
    500_000,
  );
  // Joins outside the path: a fragment route, a launcher's url= (read one level deep), query parameters.
  rate(
    'assess(url) on joins in the query, fragment or a launcher',
    (i) => assess(WHOLE_URL_JOINS[i % WHOLE_URL_JOINS.length]!, dataset, settings),
    200_000,
  );
}

console.log(`CallCheck matching benchmark (node ${process.version}, ${dataset.products.length} bundled products)`);
benchSet('Bundled dataset', { approvals: [], blocks: [], customVendors: [] });
benchSet(
  `Bundled dataset + ${CUSTOM_VENDORS.toLocaleString('en-US')} synthetic custom vendors`,
  syntheticSettings(CUSTOM_VENDORS),
);
const buildStart = performance.now();
buildHostIndex(rulesOf(syntheticSettings(CUSTOM_VENDORS)));
console.log(
  `\nbuilding the index for ${CUSTOM_VENDORS.toLocaleString('en-US')} custom vendors: ${(performance.now() - buildStart).toFixed(1)} ms`,
);
