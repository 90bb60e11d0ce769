/**
 * `npm run release:check`: makes the store packages (`npm run zip`: Chrome
 * and Edge, Firefox, Firefox sources) and fails, with every reason listed,
 * when one of them would be refused or would say something untrue:
 *
 * - a store package whose manifest carries a `key` (the Chrome Web Store
 *   assigns its own id and refuses one), or versions that disagree with
 *   package.json;
 * - a permission or host pattern that docs/privacy.md does not explain;
 * - a web-ext lint error in the Firefox package;
 * - a message missing from a locale, or a `__MSG_…__` the manifest names
 *   that no locale has;
 * - an icon size the stores require missing from the package (Chrome 128;
 *   Firefox 48 and 96; the toolbar 16 and 32), or a file that is not a PNG of
 *   that size;
 * - a listing text over the stores' length limits, a store image of the
 *   wrong size, or a sources package of 1 MB or more.
 *
 * Prints each package's size and sha256.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { unzipSync, strFromU8 } from 'fflate';

const version = JSON.parse(readFileSync('package.json', 'utf8')).version as string;
const PACKAGES = {
  chrome: `.output/callcheck-${version}-chrome.zip`,
  firefox: `.output/callcheck-${version}-firefox.zip`,
  sources: `.output/callcheck-${version}-sources.zip`,
};
const problems: string[] = [];
const problem = (text: string) => problems.push(text);

console.log('Making the store packages (npm run zip)…');
execFileSync('npm', ['run', '--silent', 'zip'], { stdio: ['ignore', 'ignore', 'inherit'] });

const read = (path: string) => unzipSync(readFileSync(path));
const chrome = read(PACKAGES.chrome);
const firefox = read(PACKAGES.firefox);
const sources = read(PACKAGES.sources);
const privacy = readFileSync('docs/privacy.md', 'utf8');

for (const [browser, files] of [
  ['chrome', chrome],
  ['firefox', firefox],
] as const) {
  const manifestFile = files['manifest.json'];
  if (!manifestFile) {
    problem(`${browser}: the package has no manifest.json`);
    continue;
  }
  const manifest = JSON.parse(strFromU8(manifestFile));
  if ('key' in manifest)
    problem(`${browser}: the store manifest carries a "key"; store packages must not (the store assigns the id)`);
  if (manifest.version !== version)
    problem(`${browser}: manifest version ${manifest.version} is not package.json's ${version}`);

  // Every permission and host pattern, explained in the privacy policy.
  for (const permission of [...(manifest.permissions ?? []), ...(manifest.optional_permissions ?? [])]) {
    if (!privacy.includes(`\`${permission}\``))
      problem(`${browser}: permission "${permission}" is not explained in docs/privacy.md`);
  }
  for (const pattern of manifest.optional_host_permissions ?? []) {
    if (!privacy.includes(`\`${pattern}\``))
      problem(`${browser}: optional host permission "${pattern}" is not explained in docs/privacy.md`);
  }
  const hosts: string[] = manifest.host_permissions ?? [];
  if (hosts.some((h) => h === '<all_urls>' || h === '*://*/*' || h === 'https://*/*' || h === 'http://*/*'))
    problem(`${browser}: an install-time host permission covers every site`);
  if (hosts.length > 0 && !/Host permissions for the call platforms in the dataset/.test(privacy))
    problem(`${browser}: docs/privacy.md does not explain the install-time host permissions`);

  // Icons the stores and the toolbar need, as real PNGs of their size.
  const needed = browser === 'chrome' ? [16, 32, 48, 128] : [16, 32, 48, 96];
  for (const size of needed) {
    const path = manifest.icons?.[String(size)];
    const png = path ? files[path] : undefined;
    if (!png) {
      problem(`${browser}: no ${size}×${size} icon in the manifest and package`);
      continue;
    }
    const isPng = png[0] === 0x89 && png[1] === 0x50 && png[2] === 0x4e && png[3] === 0x47;
    const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
    if (!isPng || view.getUint32(16) !== size || view.getUint32(20) !== size)
      problem(`${browser}: ${path} is not a ${size}×${size} PNG`);
  }

  // Messages: every locale has every key, and every key the manifest names exists.
  const locales = Object.keys(files).filter((f) => /^_locales\/[^/]+\/messages\.json$/.test(f));
  const catalogues = new Map(
    locales.map((f) => [f.split('/')[1]!, JSON.parse(strFromU8(files[f]!)) as Record<string, { message: string }>]),
  );
  const all = new Set([...catalogues.values()].flatMap((c) => Object.keys(c)));
  for (const [locale, catalogue] of catalogues) {
    for (const key of all)
      if (!catalogue[key]?.message) problem(`${browser}: locale ${locale} has no message "${key}"`);
  }
  for (const match of strFromU8(manifestFile).matchAll(/__MSG_([A-Za-z0-9_@]+)__/g)) {
    if (!all.has(match[1]!)) problem(`${browser}: the manifest names __MSG_${match[1]}__, which no locale has`);
  }
  if (!catalogues.has(manifest.default_locale))
    problem(`${browser}: no messages for the default locale ${manifest.default_locale}`);
}

// Firefox: web-ext lint on the very package, zero errors.
try {
  const out = execFileSync(
    'npx',
    ['web-ext', 'lint', '--source-dir', '.output/firefox-mv3-store', '--output', 'json'],
    { encoding: 'utf8' },
  );
  const report = JSON.parse(out) as { count: number; summary: { errors: number; warnings: number } };
  if (report.summary.errors > 0) problem(`firefox: web-ext lint found ${report.summary.errors} error(s)`);
  console.log(`web-ext lint (Firefox package): ${report.summary.errors} errors, ${report.summary.warnings} warnings`);
} catch (error) {
  const out = (error as { stdout?: string }).stdout ?? '';
  try {
    problem(
      `firefox: web-ext lint found ${(JSON.parse(out) as { summary: { errors: number } }).summary.errors} error(s)`,
    );
  } catch {
    problem(`firefox: web-ext lint did not run (${String((error as Error).message).split('\n')[0]})`);
  }
}

// The sources package: small, no screenshots or tests, and what a rebuild needs.
const sourcesSize = statSync(PACKAGES.sources).size;
if (sourcesSize >= 1024 * 1024) problem(`sources: ${sourcesSize.toLocaleString('en-US')} B, over 1 MB`);
for (const name of Object.keys(sources)) {
  if (/\.(png|jpe?g|gif|webp)$/i.test(name) && !name.startsWith('public/icon/'))
    problem(`sources: holds an image it does not need (${name})`);
  if (/^(tests|e2e|demo|bench)\//.test(name)) problem(`sources: holds ${name}`);
}
for (const needed of [
  'package.json',
  'package-lock.json',
  'wxt.config.ts',
  'tsconfig.json',
  'README.md',
  'assets/vendors.json',
  'docs/privacy.md',
]) {
  if (!sources[needed]) problem(`sources: ${needed} is missing, so a reviewer could not rebuild`);
}

// Listings within the stores' limits, and the store images at their sizes.
for (const locale of ['en', 'es']) {
  const text = readFileSync(`docs/store/listing.${locale}.md`, 'utf8');
  const field = (label: RegExp) => label.exec(text)?.[1]?.trim() ?? '';
  const name = field(/^\*\*(?:Name|Nombre)\*\*[^:]*:\s*(.+)$/m);
  const short = field(/^\*\*(?:Short description|Descripción breve)\*\*[^\n]*\n(.+)$/m);
  if (!name || [...name].length > 75) problem(`listing.${locale}: name "${name}" is empty or over 75 characters`);
  if (!short || [...short].length > 132)
    problem(`listing.${locale}: short description is empty or over 132 characters (${[...short].length})`);
}
const pngSize = (path: string) => {
  const png = readFileSync(path);
  return [png.readUInt32BE(16), png.readUInt32BE(20)];
};
for (const [path, [w, h]] of [
  ['docs/store/screenshot-1-banner.png', [1280, 800]],
  ['docs/store/screenshot-2-popup.png', [1280, 800]],
  ['docs/store/screenshot-3-directory.png', [1280, 800]],
  ['docs/store/tile-440x280.png', [440, 280]],
] as const) {
  try {
    const [width, height] = pngSize(path);
    if (width !== w || height !== h) problem(`${path} is ${width}×${height}, not ${w}×${h}`);
  } catch {
    problem(`${path} is missing (npm run demo makes it)`);
  }
}

console.log('\nStore packages:');
for (const [name, path] of Object.entries(PACKAGES)) {
  const bytes = readFileSync(path);
  console.log(
    `  ${path.padEnd(38)} ${bytes.length.toLocaleString('en-US').padStart(9)} B  sha256 ${createHash('sha256').update(bytes).digest('hex')}  (${name})`,
  );
}
if (problems.length > 0) {
  console.error(`\nrelease:check found ${problems.length} problem(s):\n- ${problems.join('\n- ')}`);
  process.exitCode = 1;
} else {
  console.log('\nrelease:check: ready for the stores.');
}
