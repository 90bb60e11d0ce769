import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPolicy, policyFromExport } from '../cli/policy';
import { VERDICTS } from '../utils/verdict/assess';
import { dataset } from '../utils/dataset/bundled';
import { BAA_VALUES, E2EE_VALUES } from '../utils/vocabulary/values';
import { MANAGED_SCHEMA, schemaErrors, type SchemaNode } from '../utils/policy/managed-schema';
import { POLICY_KEYS, readPolicy } from '../utils/policy/read';
import { decodePolicyFile, extractPolicy } from '../utils/policy/formats';

const EXAMPLES = 'docs/policy-examples';
const examples = readdirSync(EXAMPLES).sort();
const reference = JSON.parse(readFileSync(join(EXAMPLES, 'settings-object.json'), 'utf8'));

describe('the managed storage schema', () => {
  it('is an object at the top, with every CallCheck setting and nothing else', () => {
    expect(MANAGED_SCHEMA.type).toBe('object');
    expect(Object.keys(MANAGED_SCHEMA.properties!).sort()).toEqual([...POLICY_KEYS].sort());
  });

  it('types and describes every property at every depth, for admins', () => {
    const walk = (node: SchemaNode, path: string) => {
      expect(['object', 'array', 'string', 'boolean', 'integer', 'number'], path).toContain(node.type);
      expect(node.description, `${path} description`).toBeTruthy();
      expect(
        Object.keys(node).every((k) => ['type', 'title', 'description', 'properties', 'items', 'enum'].includes(k)),
        path,
      ).toBe(true);
      if (node.type === 'array') walk(node.items!, `${path}[]`);
      for (const [key, child] of Object.entries(node.properties ?? {})) walk(child, `${path}.${key}`);
    };
    for (const [key, node] of Object.entries(MANAGED_SCHEMA.properties!)) walk(node, key);
  });

  it('offers exactly the values CallCheck knows', () => {
    const custom = MANAGED_SCHEMA.properties!.CustomVendors!.items!.properties!;
    expect(custom.baa!.enum).toEqual([...BAA_VALUES]);
    expect(custom.e2ee!.enum).toEqual([...E2EE_VALUES]);
    expect(MANAGED_SCHEMA.properties!.BannerVerdicts!.items!.enum).toEqual([...VERDICTS]);
  });

  it('reports the exact path of a wrong value', () => {
    expect(schemaErrors({ CustomVendors: [{ id: 'x', name: 'X', sites: [{ host: 1 }], baa: 'maybe' }] })).toEqual([
      'CustomVendors[1].sites[1].host: expected string, found number',
      'CustomVendors[1].baa: "maybe" is not one of offered, not-offered, not-applicable, unknown',
    ]);
  });
});

describe('every sample in docs/policy-examples', () => {
  it('covers every format the admin guide documents', () => {
    expect(examples).toEqual([
      'chrome-linux.json',
      'firefox-policies.json',
      'google-admin-console.json',
      'macos-chrome.mobileconfig',
      'settings-object.json',
      'windows-chrome.reg',
      'windows-edge.reg',
    ]);
  });

  it.each(examples)('%s passes policy check and holds the same settings as the others', (file) => {
    const text = readFileSync(join(EXAMPLES, file), 'utf8');
    const result = checkPolicy(text, file);
    expect(result.lines.filter((l) => l.startsWith('error'))).toEqual([]);
    expect(result.ok).toBe(true);
    const extracted = extractPolicy(text, file);
    expect(extracted.ok && extracted.policy).toEqual(reference);
  });
});

describe('a Windows registry export', () => {
  const KEY =
    'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Google\\Chrome\\3rdparty\\extensions\\llaohoomnfgbdhmjgjlndpkljbnadhfp\\policy';
  const reg = [
    'Windows Registry Editor Version 5.00',
    '',
    `[${KEY}]`,
    '"LinkCheckForbidden"=dword:00000001',
    '"AllowSnooze"=dword:00000000',
    `[${KEY}\\CustomVendors\\1]`,
    '"id"="custom-lab"',
    '"name"="Lab video"',
    '"baa"="offered"',
    '"allowIp"=dword:00000001',
    `[${KEY}\\CustomVendors\\1\\sites\\1]`,
    '"host"="10.0.0.5"',
    '',
  ].join('\r\n');

  it('reads a dword 0 or 1 as false or true wherever the managed schema says boolean', () => {
    const extracted = extractPolicy(reg, 'callcheck.reg');
    expect(extracted.ok && extracted.policy).toEqual({
      LinkCheckForbidden: true,
      AllowSnooze: false,
      CustomVendors: [
        { id: 'custom-lab', name: 'Lab video', baa: 'offered', allowIp: true, sites: [{ host: '10.0.0.5' }] },
      ],
    });
    const checked = checkPolicy(reg, 'callcheck.reg');
    expect(checked.lines.filter((l) => l.startsWith('error'))).toEqual([]);
    expect(checked.ok).toBe(true);
  });

  const utf16le = (text: string, mark: boolean) =>
    Uint8Array.from([...(mark ? [0xff, 0xfe] : []), ...Buffer.from(text, 'utf16le')]);

  it('is read as regedit saves it: UTF-16 with a byte-order mark, or without one', () => {
    const text = readFileSync(join(EXAMPLES, 'windows-chrome.reg'), 'utf8');
    expect(decodePolicyFile(utf16le(text, true))).toBe(text);
    expect(decodePolicyFile(utf16le(text, false))).toBe(text);
    expect(decodePolicyFile(Uint8Array.from([0xef, 0xbb, 0xbf, ...Buffer.from(text)]))).toBe(text);
    expect(decodePolicyFile(Buffer.from(text))).toBe(text);
  });

  it('checks clean from a UTF-16 file on the command line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'callcheck-policy-'));
    const file = join(dir, 'exported.reg');
    writeFileSync(file, utf16le(readFileSync(join(EXAMPLES, 'windows-edge.reg'), 'utf8'), true));
    const { status, stdout } = spawnSync('npm', ['run', '--silent', 'policy', '--', 'check', file], {
      encoding: 'utf8',
    });
    expect(stdout).toContain('Windows registry');
    expect(status).toBe(0);
  });
});

describe('npm run policy', () => {
  const run = (args: string[]) => spawnSync('npm', ['run', '--silent', 'policy', '--', ...args], { encoding: 'utf8' });

  it('checks a file and exits 2 with exact errors', () => {
    const dir = mkdtempSync(join(tmpdir(), 'callcheck-policy-'));
    const file = join(dir, 'bad.json');
    writeFileSync(
      file,
      JSON.stringify({ OrganizationName: 42, ApprovedVendors: [{ Product: 'zooom' }], Colour: 'red' }),
    );
    const { status, stdout } = run(['check', file]);
    expect(status).toBe(2);
    expect(stdout).toContain('error: OrganizationName: expected string, found number');
    expect(stdout).toContain('error: Colour: not a CallCheck setting');
    expect(stdout).toContain('error: ApprovedVendors, entry 1: unknown product zooom; this entry is ignored.');
  });

  it.each([
    ['a date that does not exist', '2026-13-45', /SignedOn is not a real date/],
    ['a date in the future', '2099-01-01', /SignedOn 2099-01-01 is in the future/],
  ])('refuses %s, as the options page does', (_what, date, error) => {
    const dir = mkdtempSync(join(tmpdir(), 'callcheck-policy-'));
    const file = join(dir, 'dates.json');
    writeFileSync(file, JSON.stringify({ ApprovedVendors: [{ Product: 'zoom', SignedOn: date }] }));
    const { status, stdout } = run(['check', file]);
    expect(status).toBe(2);
    expect(stdout).toMatch(error);
  });

  it('reports approving and blocking the same product, with the precedence that applies', () => {
    const dir = mkdtempSync(join(tmpdir(), 'callcheck-policy-'));
    const file = join(dir, 'conflict.json');
    writeFileSync(
      file,
      JSON.stringify({ ApprovedVendors: [{ Product: 'zoom' }], BlockedVendors: [{ Product: 'zoom' }] }),
    );
    const { status, stdout } = run(['check', file]);
    expect(status).toBe(0);
    expect(stdout).toContain('warning: zoom is both approved and blocked: the block applies (blocks come first).');
  });

  it("says plainly that each user allows the sites of the organization's own vendors once", () => {
    const { status, stdout } = run(['check', 'docs/policy-examples/chrome-linux.json']);
    expect(status).toBe(0);
    expect(stdout).toMatch(/each user allows CallCheck to read these sites once/);
  });

  it('turns an options export into a policy that checks clean and decides the same', () => {
    const exported = JSON.stringify({
      format: 'callcheck-settings',
      version: 1,
      settings: {
        organization: 'Lakeside Clinic',
        approvals: [{ productId: 'zoom', signedOn: '2026-01-15', plan: 'Zoom for Healthcare' }],
        blocks: [{ productId: 'facetime' }],
        customVendors: [
          {
            id: 'custom-our-jitsi',
            name: 'Our Jitsi',
            sites: [{ host: 'video.lakeside.example.org' }],
            baa: 'not-applicable',
          },
        ],
      },
    });
    const converted = policyFromExport(exported);
    expect(converted.ok).toBe(true);
    const policy = (converted as { policy: Record<string, unknown> }).policy;
    expect(checkPolicy(JSON.stringify(policy), 'policy.json').ok).toBe(true);
    const read = readPolicy(policy, dataset).policy;
    expect(read.approved).toEqual([
      { productId: 'zoom', by: 'organization', signedOn: '2026-01-15', note: 'Zoom for Healthcare' },
    ]);
    expect(read.blocked).toEqual([{ productId: 'facetime', by: 'organization' }]);
    expect(read.customVendors.map((c) => c.id)).toEqual(['custom-our-jitsi']);

    const dir = mkdtempSync(join(tmpdir(), 'callcheck-policy-'));
    writeFileSync(join(dir, 'export.json'), exported);
    const { status, stdout } = run(['from-export', join(dir, 'export.json')]);
    expect(status).toBe(0);
    expect(JSON.parse(stdout)).toEqual(policy);
  });

  it('lets assess judge meeting links against a policy file', () => {
    const result = spawnSync(
      'npm',
      [
        'run',
        '--silent',
        'assess',
        '--',
        '--settings',
        join(EXAMPLES, 'windows-chrome.reg'),
        'https://meet.google.com/abc',
        'https://teams.live.com/meet/1',
        'https://video.lakeside.example.org/r',
      ],
      { encoding: 'utf8' },
    );
    expect(result.status).toBe(0);
    const verdicts = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line).match?.verdict);
    expect(verdicts).toEqual(['approved', 'blocked', 'approved']);
  });
});
