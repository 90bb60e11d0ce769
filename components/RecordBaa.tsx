import { useState } from 'preact/hooks';
import type { Product } from '../utils/dataset-schema';
import type { Translate } from '../utils/messages';
import { isRealDate } from '../utils/dataset-schema';
import type { Approval, Settings } from '../utils/settings-schema';

export interface RecordBaaProps {
  products: readonly Product[];
  initialSettings: Settings;
  preselect?: string | undefined;
  t: Translate;
  save: (settings: Settings) => Promise<void>;
}

/** "We have a signed BAA with this vendor": the approval every surface then shows as approved. */
export function RecordBaa({ products, initialSettings, preselect, t, save }: RecordBaaProps) {
  const [settings, setSettings] = useState(initialSettings);
  const choices = [
    ...products.map((p) => ({ id: p.id, name: p.name })),
    ...settings.customVendors.map((c) => ({ id: c.id, name: c.name })),
  ];
  const [productId, setProductId] = useState(choices.some((c) => c.id === preselect) ? preselect! : choices[0]?.id ?? '');
  const [signedOn, setSignedOn] = useState('');
  const [plan, setPlan] = useState('');
  const [note, setNote] = useState('');
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const nameOf = (id: string) => choices.find((c) => c.id === id)?.name ?? id;

  const persist = async (next: Settings, success: string) => {
    try {
      await save(next);
      setSettings(next);
      setStatus({ ok: true, text: success });
    } catch (error) {
      // Quota and other storage errors are shown, never swallowed.
      setStatus({ ok: false, text: t('options_error_storage', [String((error as Error)?.message ?? error)]) });
    }
  };

  const onSubmit = (event: Event) => {
    event.preventDefault();
    if (signedOn && !isRealDate(signedOn)) return;
    const approval: Approval = {
      productId,
      by: 'user',
      ...(signedOn ? { signedOn } : {}),
      ...(plan.trim() ? { plan: plan.trim().slice(0, 500) } : {}),
      ...(note.trim() ? { note: note.trim().slice(0, 500) } : {}),
    };
    const approvals = [...settings.approvals.filter((a) => a.productId !== productId), approval];
    void persist({ ...settings, approvals }, t('options_saved', [nameOf(productId)]));
  };

  return (
    <>
      <h1>{t('options_title')}</h1>
      <form onSubmit={onSubmit}>
        <h2>{t('options_record_heading')}</h2>
        <label class="cc-field">
          <span>{t('options_product')}</span>
          <select value={productId} onChange={(e) => setProductId((e.target as HTMLSelectElement).value)}>
            {choices.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label class="cc-field">
          <span>{t('options_signed_on')}</span>
          <input type="date" value={signedOn} onInput={(e) => setSignedOn((e.target as HTMLInputElement).value)} />
        </label>
        <label class="cc-field">
          <span>{t('options_plan')}</span>
          <input type="text" maxLength={500} value={plan} onInput={(e) => setPlan((e.target as HTMLInputElement).value)} />
        </label>
        <label class="cc-field">
          <span>{t('options_note')}</span>
          <textarea maxLength={500} value={note} onInput={(e) => setNote((e.target as HTMLTextAreaElement).value)} />
        </label>
        <button type="submit">{t('options_save')}</button>
      </form>
      <p role="status" class={status && !status.ok ? 'cc-error' : undefined}>
        {status?.text}
      </p>
      <h2>{t('options_recorded_heading')}</h2>
      {settings.approvals.length === 0 ? (
        <p>{t('options_none_recorded')}</p>
      ) : (
        <ul>
          {settings.approvals.map((a) => (
            <li key={a.productId}>
              {nameOf(a.productId)}
              {a.signedOn ? ` (${a.signedOn})` : ''}
              {a.plan ? ` – ${a.plan}` : ''}{' '}
              <button
                type="button"
                aria-label={`${t('options_remove')}: ${nameOf(a.productId)}`}
                onClick={() =>
                  void persist(
                    { ...settings, approvals: settings.approvals.filter((x) => x.productId !== a.productId) },
                    '',
                  )
                }
              >
                {t('options_remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
