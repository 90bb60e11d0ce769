import { useRef, useState } from 'preact/hooks';
import { describeChanges, LIMITS, parseSettingsFile, type SettingsBundle } from '../../utils/settings/file';
import type { Message } from '../../utils/vocabulary/messages';
import { localDate } from '../../utils/dataset/dates';
import { Status } from './Status';
import { useOptions } from './context';

/**
 * A versioned file of approvals, blocks, custom vendors and banner choices.
 * An import is checked in full and previewed; it is applied whole, or not
 * at all, and a bad file leaves the settings exactly as they were.
 */
export function ImportExport() {
  const { t, bundle, dataset, nameOf, save, exportFile } = useOptions();
  const [pending, setPending] = useState<{ bundle: SettingsBundle; changes: Message[] } | null>(null);
  const [errors, setErrors] = useState<Message[]>([]);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const input = useRef<HTMLInputElement>(null);

  const download = () => {
    const blob = new Blob([exportFile()], { type: 'application/json' });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = `callcheck-settings-${localDate()}.json`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
    setStatus({ ok: true, text: t('export_done') });
  };

  const read = async (file: File | undefined) => {
    setPending(null);
    setErrors([]);
    setStatus(null);
    if (!file) return;
    // Refused before reading: a 10 MB file is not loaded into memory at all.
    if (file.size > LIMITS.fileBytes) {
      setErrors([{ key: 'import_too_large', args: [`${(file.size / 1_000_000).toFixed(1)} MB`] }]);
      return;
    }
    const result = parseSettingsFile(await file.text(), new Set(dataset.products.map((p) => p.id)), bundle);
    if (!result.ok) return setErrors(result.errors);
    setPending({ bundle: result.bundle, changes: describeChanges(bundle, result.bundle, nameOf) });
  };

  const apply = async () => {
    if (!pending) return;
    const error = await save(pending.bundle);
    setStatus(
      error
        ? { ok: false, text: t('options_error_storage', [error]) }
        : { ok: true, text: t('import_applied', [String(pending.changes.length)]) },
    );
    setPending(null);
    if (input.current) input.current.value = '';
  };

  return (
    <section id="import" aria-labelledby="import-heading">
      <h2 id="import-heading">{t('io_heading')}</h2>
      <p>{t('io_intro')}</p>
      <button type="button" onClick={download}>
        {t('export_button')}
      </button>
      <div class="cc-field">
        <label for="import-file">{t('import_label')}</label>
        <input
          id="import-file"
          ref={input}
          type="file"
          accept="application/json,.json"
          aria-describedby={errors.length > 0 ? 'import-errors' : undefined}
          onChange={(e) => void read((e.target as HTMLInputElement).files?.[0])}
        />
      </div>
      {errors.length > 0 && (
        <div id="import-errors" role="alert" class="cc-error">
          <p>{t('import_refused')}</p>
          <ul>
            {errors.map((error, i) => (
              <li key={i}>{t(error.key, error.args)}</li>
            ))}
          </ul>
        </div>
      )}
      {pending && (
        <div role="region" aria-labelledby="import-preview-heading" class="cc-confirm">
          <h3 id="import-preview-heading">{t('import_preview_heading')}</h3>
          {pending.changes.length === 0 ? (
            <p>{t('import_no_changes')}</p>
          ) : (
            <ul>
              {pending.changes.map((change, i) => (
                <li key={i}>{t(change.key, change.args)}</li>
              ))}
            </ul>
          )}
          <button type="button" onClick={() => void apply()} disabled={pending.changes.length === 0}>
            {t('import_apply')}
          </button>{' '}
          <button type="button" onClick={() => setPending(null)}>
            {t('import_cancel')}
          </button>
        </div>
      )}
      <Status status={status} />
    </section>
  );
}
