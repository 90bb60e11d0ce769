import { useState } from 'preact/hooks';
import { signedOnProblem, today } from '../../utils/settings/decision-rules';
import { isolate } from '../../utils/vocabulary/messages';
import type { Approval, Block } from '../../utils/settings/schema';
import { Status } from './Status';
import { useOptions } from './context';

/**
 * "We have a signed BAA with this vendor" and "block this platform": the
 * two decisions that override what the dataset says, everywhere.
 */
export function Decisions({ preselect }: { preselect?: string | undefined }) {
  const { t, bundle, effective, all, nameOf, save } = useOptions();
  const { settings } = bundle;
  const choices = all.map((m) => ({ id: m.entry.id, name: m.entry.name })).sort((a, b) => a.name.localeCompare(b.name));
  const [productId, setProductId] = useState(
    choices.some((c) => c.id === preselect) ? preselect! : (choices[0]?.id ?? ''),
  );
  const [signedOn, setSignedOn] = useState('');
  const [plan, setPlan] = useState('');
  const [note, setNote] = useState('');
  const [dateError, setDateError] = useState<string | null>(null);
  const [blockId, setBlockId] = useState(choices[0]?.id ?? '');
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);

  // A public broadcast tool or a retired product stays red with a BAA on
  // record (see assess): recording one would change nothing, so say why.
  const chosen = all.find((m) => m.entry.id === productId)?.entry;
  const product = chosen?.origin === 'dataset' ? chosen.product : undefined;
  const unchangeable = product?.publicFacing.value
    ? t('options_baa_no_effect_public', [product.name])
    : product?.status.value === 'discontinued'
      ? t('options_baa_no_effect_retired', [product.name])
      : null;

  const persist = async (next: typeof settings, success: string) => {
    const error = await save({ ...bundle, settings: next });
    setStatus(error ? { ok: false, text: t('options_error_storage', [error]) } : { ok: true, text: success });
  };

  const record = (event: Event) => {
    event.preventDefault();
    if (unchangeable) return;
    if (signedOn && signedOnProblem(signedOn, today())) {
      setDateError(t('options_error_date'));
      return;
    }
    setDateError(null);
    const approval: Approval = {
      productId,
      by: 'user',
      ...(signedOn ? { signedOn } : {}),
      ...(plan.trim() ? { plan: plan.trim().slice(0, 500) } : {}),
      ...(note.trim() ? { note: note.trim().slice(0, 500) } : {}),
    };
    void persist(
      { ...settings, approvals: [...settings.approvals.filter((a) => a.productId !== productId), approval] },
      t('options_saved', [nameOf(productId)]),
    );
  };

  const block = (event: Event) => {
    event.preventDefault();
    const entry: Block = { productId: blockId, by: 'user' };
    void persist(
      { ...settings, blocks: [...settings.blocks.filter((b) => b.productId !== blockId), entry] },
      t('options_saved_block', [nameOf(blockId)]),
    );
  };

  const productSelect = (id: string, value: string, onChange: (v: string) => void, describedBy?: string) => (
    <select
      id={id}
      value={value}
      aria-describedby={describedBy}
      onChange={(e) => onChange((e.target as HTMLSelectElement).value)}
    >
      {choices.map((c) => (
        <option key={c.id} value={c.id}>
          {isolate(c.name)}
        </option>
      ))}
    </select>
  );

  return (
    <section id="decisions" aria-labelledby="decisions-heading">
      <h2 id="decisions-heading">{t('options_decisions_heading')}</h2>
      <form onSubmit={record} class="cc-form">
        <h3>{t('options_record_heading')}</h3>
        <div class="cc-field">
          <label for="baa-product">{t('options_product')}</label>
          {productSelect('baa-product', productId, setProductId, unchangeable ? 'baa-no-effect' : undefined)}
          {unchangeable && (
            <p id="baa-no-effect" class="cc-note" role="status">
              {unchangeable}
            </p>
          )}
        </div>
        <div class="cc-field">
          <label for="baa-date">{t('options_signed_on')}</label>
          <input
            id="baa-date"
            type="date"
            value={signedOn}
            aria-invalid={dateError ? 'true' : undefined}
            aria-describedby={dateError ? 'baa-date-error' : undefined}
            onInput={(e) => setSignedOn((e.target as HTMLInputElement).value)}
          />
          {dateError && (
            <p id="baa-date-error" class="cc-error" role="alert">
              {dateError}
            </p>
          )}
        </div>
        <div class="cc-field">
          <label for="baa-plan">{t('options_plan')}</label>
          <input
            id="baa-plan"
            type="text"
            maxLength={500}
            value={plan}
            onInput={(e) => setPlan((e.target as HTMLInputElement).value)}
          />
        </div>
        <div class="cc-field">
          <label for="baa-note">{t('options_note')}</label>
          <textarea
            id="baa-note"
            maxLength={500}
            value={note}
            onInput={(e) => setNote((e.target as HTMLTextAreaElement).value)}
          />
        </div>
        <button type="submit" disabled={unchangeable !== null}>
          {t('options_save')}
        </button>
      </form>

      <form onSubmit={block} class="cc-form">
        <h3>{t('options_block_heading')}</h3>
        <div class="cc-field">
          <label for="block-product">{t('options_product')}</label>
          {productSelect('block-product', blockId, setBlockId)}
        </div>
        <button type="submit">{t('options_block')}</button>
      </form>
      <Status status={status} />

      <DecisionList
        heading={t('options_recorded_heading')}
        empty={t('options_none_recorded')}
        items={effective.settings.approvals.map((a) => ({
          id: a.productId,
          fixed: a.by === 'organization',
          text: `${isolate(nameOf(a.productId))}${a.signedOn ? ` (${a.signedOn})` : ''}${a.plan ? ` – ${isolate(a.plan)}` : ''}${a.by === 'organization' ? ` – ${t('options_by_organization')}` : ''}`,
        }))}
        action={t('options_remove')}
        actionLabel={(id) => t('options_remove_named', [nameOf(id)])}
        onAction={(id) =>
          void persist(
            { ...settings, approvals: settings.approvals.filter((x) => x.productId !== id) },
            t('options_removed', [nameOf(id)]),
          )
        }
      />
      <DecisionList
        heading={t('options_blocked_heading')}
        empty={t('options_none_blocked')}
        items={effective.settings.blocks.map((b) => ({
          id: b.productId,
          fixed: b.by === 'organization',
          text: `${isolate(nameOf(b.productId))}${b.by === 'organization' ? ` – ${t('options_by_organization')}` : ''}`,
        }))}
        action={t('options_unblock')}
        actionLabel={(id) => t('options_unblock_named', [nameOf(id)])}
        onAction={(id) =>
          void persist(
            { ...settings, blocks: settings.blocks.filter((x) => x.productId !== id) },
            t('options_removed', [nameOf(id)]),
          )
        }
      />
    </section>
  );
}

/** The recorded BAAs or blocks, each with the button that undoes it. */
function DecisionList(props: {
  heading: string;
  empty: string;
  /** `fixed` entries come from the organization's policy: shown, not removable. */
  items: { id: string; text: string; fixed?: boolean }[];
  action: string;
  actionLabel: (id: string) => string;
  onAction: (id: string) => void;
}) {
  return (
    <>
      <h3>{props.heading}</h3>
      {props.items.length === 0 ? (
        <p>{props.empty}</p>
      ) : (
        <ul class="cc-list">
          {props.items.map((item) => (
            <li key={item.id}>
              <span>{item.text}</span>{' '}
              {!item.fixed && (
                <button type="button" aria-label={props.actionLabel(item.id)} onClick={() => props.onAction(item.id)}>
                  {props.action}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
