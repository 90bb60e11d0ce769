/**
 * `npm run --silent policy -- check FILE`: validates a policy file (Chrome,
 * Chromium or Edge JSON; Windows .reg; macOS .mobileconfig; Google Admin
 * console JSON; Firefox policies.json; or the bare settings object) against
 * CallCheck's managed schema, and says what each setting will do. Exact
 * errors and exit code 2 when anything is wrong.
 *
 * `npm run --silent policy -- from-export FILE`: turns a settings file
 * exported from the options page into the policy object, so a lead
 * clinician's curated list can be handed to IT.
 */
import { readFileSync } from 'node:fs';
import { assessAll, VERDICTS } from '../utils/verdict/assess';
import { DEFAULT_BANNER_PREFERENCES } from '../utils/settings/banner-state';
import { dataset } from '../utils/dataset/bundled';
import { english } from '../utils/vocabulary/english';
import { schemaErrors } from '../utils/policy/managed-schema';
import { decodePolicyFile, extractPolicy } from '../utils/policy/formats';
import { mergeSettings, readPolicy } from '../utils/policy/read';
import { EMPTY_SETTINGS } from '../utils/settings/repair';
import { parseSettingsFile } from '../utils/settings/file';

const USAGE = `Usage: npm run --silent policy -- check FILE
       npm run --silent policy -- from-export FILE
       npm run --silent policy -- products

check        validate a policy file and say what each setting will do (exit 2 on any error)
from-export  print the policy for a settings file exported from the options page
products     list the product ids a policy can name`;

export function checkPolicy(text: string, fileName: string): { ok: boolean; lines: string[] } {
  const extracted = extractPolicy(text, fileName);
  if (!extracted.ok) return { ok: false, lines: [`error: ${extracted.error}`] };
  const lines = [`${fileName}: ${extracted.format}`];
  const errors = schemaErrors(extracted.policy);
  const { policy, problems } = readPolicy(extracted.policy, dataset);
  // Each problem once: the schema's wording where it has one, CallCheck's for the rest (unknown products, bad domains).
  const reported = new Set(errors.map((e) => e.split(/[.[:]/)[0]));
  const all = [
    ...errors.map((e) => `error: ${e}`),
    ...problems
      .filter((p) => p.severity !== 'warning' && !reported.has(p.setting))
      .map((p) => `error: ${english(p.message.key, p.message.args)}`),
  ];
  if (all.length > 0) return { ok: false, lines: [...lines, ...new Set(all)] };

  const effective = mergeSettings(EMPTY_SETTINGS, DEFAULT_BANNER_PREFERENCES, policy);
  const names = new Map(assessAll(dataset, effective.settings).map((m) => [m.entry.id, m.entry.name]));
  const name = (id: string) => `${names.get(id) ?? id} (${id})`;
  const org = policy.organization ?? 'your organization';
  const raw = extracted.policy;
  if (raw.OrganizationName !== undefined)
    lines.push(
      `OrganizationName: "${policy.organization}" – clinicians see "Managed by ${org}" and "Approved by ${org}".`,
    );
  if (raw.SupportContact !== undefined)
    lines.push(
      `SupportContact: "${policy.supportContact}" – shown in the banner and popup as "Questions? ${policy.supportContact}".`,
    );
  for (const a of policy.approved)
    lines.push(
      `ApprovedVendors: ${name(a.productId)}${a.signedOn ? `, signed ${a.signedOn}` : ''} – approved for every user.`,
    );
  for (const b of policy.blocked) lines.push(`BlockedVendors: ${name(b.productId)} – blocked for every user.`);
  for (const c of policy.customVendors)
    lines.push(
      `CustomVendors: ${c.name} (${c.id}) on ${c.sites.map((s) => s.host).join(', ')} – known to CallCheck on every user's browser; BAA offered: ${c.baa}.`,
    );
  if (policy.customVendors.length > 0) {
    lines.push(
      "CustomVendors: each user allows CallCheck to read these sites once (the popup and the options page ask, with one button); no Chrome, Edge or Firefox policy grants an extension's optional site access, so until then these vendors get no badge and no banner.",
    );
  }
  if (policy.bannerVerdicts)
    lines.push(
      `BannerVerdicts: the banner shows for ${policy.bannerVerdicts.join(', ') || 'no verdict'}; not for ${VERDICTS.filter((v) => !policy.bannerVerdicts!.includes(v)).join(', ') || 'none'}.`,
    );
  if (raw.AllowDismiss !== undefined)
    lines.push(
      `AllowDismiss: ${policy.allowDismiss} – ${policy.allowDismiss ? 'users may dismiss the banner for a page' : 'users cannot dismiss the banner'}.`,
    );
  if (raw.AllowSnooze !== undefined)
    lines.push(
      `AllowSnooze: ${policy.allowSnooze} – ${policy.allowSnooze ? 'users may snooze a vendor' : 'users cannot snooze a vendor'}.`,
    );
  if (raw.LockSettings !== undefined)
    lines.push(
      `LockSettings: ${policy.locked} – ${policy.locked ? "the options page is read-only; only the organization's decisions apply" : 'users keep their own decisions where the organization made none'}.`,
    );
  // Conflicts apply as written, with the precedence that decides them: said, not refused.
  for (const p of problems)
    if (p.severity === 'warning') lines.push(`warning: ${english(p.message.key, p.message.args)}`);
  lines.push('ok: no errors.');
  return { ok: true, lines };
}

export function policyFromExport(
  text: string,
): { ok: true; policy: Record<string, unknown> } | { ok: false; errors: string[] } {
  const parsed = parseSettingsFile(text, new Set(dataset.products.map((p) => p.id)));
  if (!parsed.ok) return { ok: false, errors: parsed.errors.map((e) => english(e.key, e.args)) };
  const { settings, preferences } = parsed.bundle;
  const note = (...parts: (string | undefined)[]) => parts.filter(Boolean).join(' – ') || undefined;
  const policy: Record<string, unknown> = {
    ...(settings.organization ? { OrganizationName: settings.organization } : {}),
    ApprovedVendors: settings.approvals.map((a) => ({
      Product: a.productId,
      ...(a.signedOn ? { SignedOn: a.signedOn } : {}),
      ...(note(a.plan, a.note) ? { Note: note(a.plan, a.note) } : {}),
    })),
    BlockedVendors: settings.blocks.map((b) => ({ Product: b.productId, ...(b.note ? { Note: b.note } : {}) })),
    CustomVendors: settings.customVendors,
    BannerVerdicts: preferences.bannerVerdicts,
  };
  return { ok: true, policy };
}

function main(argv: string[]): number {
  const [command, file] = argv;
  if (command === 'products') {
    for (const p of dataset.products) process.stdout.write(`${p.id.padEnd(28)} ${p.name}\n`);
    return 0;
  }
  if ((command !== 'check' && command !== 'from-export') || !file) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  let text: string;
  try {
    text = decodePolicyFile(readFileSync(file));
  } catch (error) {
    process.stderr.write(`policy: cannot read ${file}: ${(error as Error).message}\n`);
    return 2;
  }
  if (command === 'check') {
    const result = checkPolicy(text, file);
    process.stdout.write(`${result.lines.join('\n')}\n`);
    return result.ok ? 0 : 2;
  }
  const result = policyFromExport(text);
  if (!result.ok) {
    process.stderr.write(`policy: ${file} is not a usable settings file:\n  ${result.errors.join('\n  ')}\n`);
    return 2;
  }
  process.stdout.write(`${JSON.stringify(result.policy, null, 2)}\n`);
  return 0;
}

if (process.argv[1]?.endsWith('policy.ts')) process.exitCode = main(process.argv.slice(2));
