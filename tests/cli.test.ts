import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/** Runs the real command, as a clinic would: `npm run --silent assess -- …`. */
function runAssess(args: string[], input?: string) {
  const result = spawnSync('npm', ['run', '--silent', 'assess', '--', ...args], {
    encoding: 'utf8',
    input,
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const lines = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .map(
      (line) => JSON.parse(line) as { url: string; match: { sources: { url: string }[] } & Record<string, unknown> },
    );

describe('npm run assess', () => {
  it('prints a no-baa match for Teams Free and null for a look-alike, in order', () => {
    const { status, stdout } = runAssess(['https://teams.live.com/meet/123', 'https://zoom.us.evil.com/j/1']);
    expect(status).toBe(0);
    const [teams, lookalike] = lines(stdout);
    expect(teams).toMatchObject({
      url: 'https://teams.live.com/meet/123',
      match: { product: 'microsoft-teams-free', verdict: 'no-baa', baa: 'not-offered' },
    });
    expect(Object.keys(teams!.match).sort()).toEqual(
      [
        'vendor',
        'name',
        'product',
        'origin',
        'verdict',
        'page',
        'reason',
        'baa',
        'e2ee',
        'status',
        'reviewed',
        'sources',
      ].sort(),
    );
    expect(teams!.match.sources.length).toBeGreaterThan(0);
    expect(teams!.match.sources[0]).toMatchObject({
      url: expect.stringMatching(/^https:\/\//),
      checked: expect.any(String),
    });
    expect(lookalike).toEqual({ url: 'https://zoom.us.evil.com/j/1', match: null });
  });

  it('prints an error for an argument that is not a URL, still prints the rest, and exits 2', () => {
    const { status, stdout } = runAssess(['https://meet.google.com/abc-defg-hij', 'not a url', 'https://example.org/']);
    expect(status).toBe(2);
    const out = lines(stdout);
    expect(out).toHaveLength(3);
    expect(out[0]).toMatchObject({ match: { product: 'google-meet', verdict: 'check-plan' } });
    expect(out[1]).toEqual({ url: 'not a url', error: 'not a URL' });
    expect(out[2]).toEqual({ url: 'https://example.org/', match: null });
  });

  it('reads URLs from stdin with -', () => {
    const { status, stdout } = runAssess(['-'], 'https://web.skype.com/\n\n# a comment\nhttps://www.twitch.tv/x\n');
    expect(status).toBe(0);
    expect(lines(stdout).map((r) => r.match?.verdict)).toEqual(['discontinued', 'public']);
  });

  it('prints a table for people with --table', () => {
    const { status, stdout } = runAssess(['--table', 'https://teams.live.com/meet/1', 'https://example.org/']);
    expect(status).toBe(0);
    const [header, teams, other] = stdout.trimEnd().split('\n');
    expect(header).toMatch(/^URL\s+VERDICT\s+PAGE\s+PRODUCT\s+WHY$/);
    expect(teams).toMatch(/^https:\/\/teams\.live\.com\/meet\/1\s+no-baa\s+call\s+Microsoft Teams/);
    expect(other).toMatch(/not a known call platform$/);
  });

  it('reads a bare host and path as https, and says so', () => {
    const { status, stdout } = runAssess(['zoom.us/j/5551112222']);
    expect(status).toBe(0);
    const [line] = lines(stdout);
    expect(line).toMatchObject({
      url: 'zoom.us/j/5551112222',
      assumed: 'https://zoom.us/j/5551112222',
      match: { product: 'zoom', page: 'call' },
    });
  });

  it('keeps the table aligned when a URL is longer than its column', () => {
    const long = `https://teams.live.com/meet/1234567890123?p=${'a'.repeat(80)}`;
    const { stdout } = runAssess(['--table', long, 'https://zoom.us/pricing']);
    const rows = stdout.trimEnd().split('\n');
    const verdictAt = rows.map((row) => row.search(/VERDICT|no-baa|check-plan/));
    expect(new Set(verdictAt).size).toBe(1);
    expect(rows[1]).toMatch(/…/);
  });

  it('explains how to use it when given nothing', () => {
    const { status, stderr } = runAssess([]);
    expect(status).toBe(2);
    expect(stderr).toMatch(/no URL given/);
    expect(stderr).toMatch(/Usage: npm run --silent assess/);
  });
});

describe('npm run assess --settings', () => {
  it('judges with the approvals and custom vendors of an exported settings file', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'callcheck-cli-'));
    const file = join(dir, 'settings.json');
    writeFileSync(
      file,
      JSON.stringify({
        format: 'callcheck-settings',
        version: 1,
        settings: {
          approvals: [{ productId: 'zoom', signedOn: '2026-01-15' }],
          customVendors: [
            {
              id: 'custom-our-jitsi',
              name: 'Our Jitsi',
              sites: [{ host: 'video.lakeside-clinic.org' }],
              baa: 'not-applicable',
            },
          ],
        },
      }),
    );
    const { status, stdout } = runAssess([
      '--settings',
      file,
      'https://us02web.zoom.us/j/1',
      'https://video.lakeside-clinic.org/r',
    ]);
    expect(status).toBe(0);
    const [zoom, jitsi] = lines(stdout);
    expect(zoom).toMatchObject({ match: { product: 'zoom', verdict: 'approved' } });
    expect(jitsi).toMatchObject({ match: { product: 'custom-our-jitsi', origin: 'custom', verdict: 'unverified' } });
  });

  it('refuses a bad settings file with the reason, and exits 2', () => {
    const { status, stderr } = runAssess(['--settings', '/nonexistent/settings.json', 'https://zoom.us/j/1']);
    expect(status).toBe(2);
    expect(stderr).toMatch(/--settings: cannot read/);
  });
});
