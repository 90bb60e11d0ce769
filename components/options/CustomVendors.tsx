import * as v from 'valibot';
import { MARKUP, SourceUrl } from '../../utils/settings/schema';
import { useEffect, useState } from 'preact/hooks';
import { originsFor } from '../../extension/custom-scripts';
import { BAA_VALUES, E2EE_VALUES } from '../../utils/vocabulary/values';
import { parseDomainInput, parsePathPrefix } from '../../utils/settings/domain-input';
import type { MessageKey } from '../../utils/vocabulary/messages';
import type { CustomVendor } from '../../utils/settings/schema';
import { Status } from './Status';
import { useOptions } from './context';
import { useShownFirst } from './ShownFirst';

type FieldErrors = Partial<Record<'name' | 'domains' | 'paths' | 'sources', string>>;

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

function kebab(text: string): string {
  return (
    text
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'vendor'
  );
}

/**
 * Vendors CallCheck does not know: a clinic's own video server, a regional
 * telehealth service, an organization's Zoom address. CallCheck asks the
 * browser for each one's domains when it is added, and only then runs there.
 */
export function CustomVendors() {
  const { t, bundle, dataset, save, requestOrigins, hasOrigins } = useOptions();
  const { settings } = bundle;
  const [name, setName] = useState('');
  const [domains, setDomains] = useState('');
  const [paths, setPaths] = useState('');
  const [baa, setBaa] = useState<CustomVendor['baa']>('unknown');
  const [signed, setSigned] = useState(false);
  const [e2ee, setE2ee] = useState<CustomVendor['e2ee']>('unknown');
  const [notes, setNotes] = useState('');
  const [sources, setSources] = useState('');
  const [allowIp, setAllowIp] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [granted, setGranted] = useState<Record<string, boolean>>({});
  const vendorList = useShownFirst(settings.customVendors);

  useEffect(() => {
    let live = true;
    void Promise.all(
      settings.customVendors.map(
        async (v) => [v.id, await hasOrigins(originsFor(v.sites.map((s) => s.host)))] as const,
      ),
    ).then((pairs) => live && setGranted(Object.fromEntries(pairs)));
    return () => {
      live = false;
    };
  }, [settings.customVendors]);

  const validate = (): { vendor: CustomVendor } | { errors: FieldErrors } => {
    const found: FieldErrors = {};
    const trimmed = name.trim();
    if (!trimmed) found.name = t('custom_error_name');
    else if (trimmed.length > 120) found.name = t('custom_error_name_long');
    else if (MARKUP.test(trimmed)) found.name = t('import_html', [t('custom_name')]);
    const hosts: string[] = [];
    const domainLines = lines(domains);
    if (domainLines.length === 0) found.domains = t('domain_empty');
    domainLines.forEach((line, i) => {
      if (found.domains) return;
      const result = parseDomainInput(line, { allowIp });
      if (!result.ok) found.domains = t('custom_error_line', [String(i + 1), t(result.error.key, result.error.args)]);
      else if (hosts.includes(result.host)) found.domains = t('custom_error_duplicate_domain', [result.host]);
      else {
        const owner = settings.customVendors.find((v) => v.sites.some((s) => s.host === result.host));
        if (owner) found.domains = t('custom_error_taken', [result.host, owner.name]);
        hosts.push(result.host);
      }
    });
    const pathList: string[] = [];
    lines(paths).forEach((line, i) => {
      if (found.paths) return;
      const result = parsePathPrefix(line);
      if (!result.ok) found.paths = t('custom_error_line', [String(i + 1), t(result.error.key, result.error.args)]);
      else pathList.push(result.path);
    });
    const sourceList = lines(sources);
    sourceList.forEach((line, i) => {
      if (found.sources) return;
      if (!v.is(SourceUrl, line)) found.sources = t('custom_error_source', [String(i + 1)]);
    });
    if (Object.keys(found).length > 0) return { errors: found };
    const taken = new Set([...dataset.products.map((p) => p.id), ...settings.customVendors.map((v) => v.id)]);
    let id = `custom-${kebab(trimmed)}`;
    for (let n = 2; taken.has(id); n++) id = `custom-${kebab(trimmed)}-${n}`;
    return {
      vendor: {
        id,
        name: trimmed,
        sites: hosts.map((host) => (pathList.length > 0 ? { host, paths: pathList } : { host })),
        baa,
        e2ee,
        ...(notes.trim() ? { notes: notes.trim().slice(0, 500) } : {}),
        sources: sourceList.slice(0, 20),
        ...(allowIp ? { allowIp: true } : {}),
      },
    };
  };

  const add = async (event: Event) => {
    event.preventDefault();
    const result = validate();
    if ('errors' in result) {
      setErrors(result.errors);
      setStatus({ ok: false, text: t('custom_error_summary') });
      return;
    }
    setErrors({});
    const { vendor } = result;
    // Asked first, while the click still counts as the user's gesture.
    const allowed = await requestOrigins(originsFor(vendor.sites.map((s) => s.host))).catch(() => false);
    const error = await save({
      ...bundle,
      settings: {
        ...settings,
        customVendors: [...settings.customVendors, vendor],
        approvals: signed ? [...settings.approvals, { productId: vendor.id, by: 'user' }] : settings.approvals,
      },
    });
    if (error) return setStatus({ ok: false, text: t('options_error_storage', [error]) });
    setStatus({ ok: true, text: t(allowed ? 'custom_saved_granted' : 'custom_saved_not_granted', [vendor.name]) });
    setName('');
    setDomains('');
    setPaths('');
    setNotes('');
    setSources('');
    setSigned(false);
  };

  const grant = async (vendor: CustomVendor) => {
    const allowed = await requestOrigins(originsFor(vendor.sites.map((s) => s.host))).catch(() => false);
    setGranted((g) => ({ ...g, [vendor.id]: allowed }));
    setStatus({ ok: allowed, text: t(allowed ? 'custom_granted' : 'custom_not_granted', [vendor.name]) });
  };

  const remove = async (vendor: CustomVendor) => {
    const error = await save({
      ...bundle,
      settings: {
        ...settings,
        customVendors: settings.customVendors.filter((v) => v.id !== vendor.id),
        approvals: settings.approvals.filter((a) => a.productId !== vendor.id),
        blocks: settings.blocks.filter((b) => b.productId !== vendor.id),
      },
    });
    setStatus(
      error
        ? { ok: false, text: t('options_error_storage', [error]) }
        : { ok: true, text: t('options_removed', [vendor.name]) },
    );
  };

  /** A labelled text field with its hint and, after a failed add, its error, both tied to it for screen readers. */
  const textField = (
    id: keyof FieldErrors,
    label: MessageKey,
    value: string,
    set: (value: string) => void,
    { multiline = true, hint }: { multiline?: boolean; hint?: MessageKey } = {},
  ) => {
    const props = {
      id: `custom-${id}`,
      value,
      'aria-invalid': errors[id] ? ('true' as const) : undefined,
      'aria-describedby':
        [hint ? `custom-${id}-hint` : '', errors[id] ? `custom-${id}-error` : ''].filter(Boolean).join(' ') ||
        undefined,
      onInput: (e: Event) => set((e.target as HTMLInputElement | HTMLTextAreaElement).value),
    };
    return (
      <div class="cc-field">
        <label for={props.id}>{t(label)}</label>
        {hint && (
          <p id={`custom-${id}-hint`} class="cc-hint">
            {t(hint)}
          </p>
        )}
        {multiline ? <textarea rows={2} {...props} /> : <input type="text" maxLength={120} {...props} />}
        {errors[id] && (
          <p id={`custom-${id}-error`} class="cc-error">
            {errors[id]}
          </p>
        )}
      </div>
    );
  };

  return (
    <section id="vendors" aria-labelledby="vendors-heading">
      <h2 id="vendors-heading">{t('custom_heading')}</h2>
      <p>{t('custom_intro')}</p>
      <form class="cc-form" onSubmit={(e) => void add(e)} noValidate>
        {textField('name', 'custom_name', name, setName, { multiline: false })}
        {textField('domains', 'custom_domains', domains, setDomains, { hint: 'custom_domains_hint' })}
        <div class="cc-field cc-check">
          <input
            id="custom-allow-ip"
            type="checkbox"
            checked={allowIp}
            onChange={(e) => setAllowIp((e.target as HTMLInputElement).checked)}
          />
          <label for="custom-allow-ip">{t('custom_allow_ip')}</label>
        </div>
        {textField('paths', 'custom_paths', paths, setPaths, { hint: 'custom_paths_hint' })}
        <div class="cc-field">
          <label for="custom-baa">{t('custom_baa')}</label>
          <select
            id="custom-baa"
            value={baa}
            onChange={(e) => setBaa((e.target as HTMLSelectElement).value as CustomVendor['baa'])}
          >
            {BAA_VALUES.map((value) => (
              <option key={value} value={value}>
                {t(`value_${value.replace(/-/g, '_')}` as MessageKey)}
              </option>
            ))}
          </select>
        </div>
        <div class="cc-field cc-check">
          <input
            id="custom-signed"
            type="checkbox"
            checked={signed}
            onChange={(e) => setSigned((e.target as HTMLInputElement).checked)}
          />
          <label for="custom-signed">{t('custom_signed')}</label>
        </div>
        <div class="cc-field">
          <label for="custom-e2ee">{t('custom_e2ee')}</label>
          <select
            id="custom-e2ee"
            value={e2ee}
            onChange={(e) => setE2ee((e.target as HTMLSelectElement).value as CustomVendor['e2ee'])}
          >
            {E2EE_VALUES.map((value) => (
              <option key={value} value={value}>
                {t(`value_${value}` as MessageKey)}
              </option>
            ))}
          </select>
        </div>
        <div class="cc-field">
          <label for="custom-notes">{t('custom_notes')}</label>
          <textarea
            id="custom-notes"
            maxLength={500}
            value={notes}
            onInput={(e) => setNotes((e.target as HTMLTextAreaElement).value)}
          />
        </div>
        {textField('sources', 'custom_sources', sources, setSources)}
        <button type="submit">{t('custom_add')}</button>
      </form>
      <Status status={status} id="custom-status" />

      {settings.customVendors.length === 0 ? (
        <p>{t('custom_none')}</p>
      ) : (
        <ul class="cc-list">
          {vendorList.shown.map((vendor, index) => (
            <li key={vendor.id} {...vendorList.focusTarget(index)}>
              <span>
                <strong>
                  <bdi>{vendor.name}</bdi>
                </strong>{' '}
                – {vendor.sites.map((s) => s.host + (s.paths ? ` (${s.paths.join(', ')})` : '')).join(', ')}{' '}
                <span class="cc-muted">{granted[vendor.id] ? t('custom_runs_here') : t('custom_does_not_run')}</span>
              </span>{' '}
              {!granted[vendor.id] && (
                <button type="button" onClick={() => void grant(vendor)}>
                  {t('custom_grant', [vendor.name])}
                </button>
              )}{' '}
              <button
                type="button"
                aria-label={t('options_remove_named', [vendor.name])}
                onClick={() => void remove(vendor)}
              >
                {t('options_remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {vendorList.showAll(t)}
    </section>
  );
}
