import { render } from 'preact';
import '../../components/page.css';
import { RecordBaa } from '../../components/RecordBaa';
import { t } from '../../extension/i18n';
import { loadStored, settingsItem } from '../../extension/storage';
import { dataset } from '../../utils/dataset';

/** Options: record the BAAs you have signed. `#record=<product id>` preselects one. */
async function main() {
  const { settings } = await loadStored();
  const preselect = new URLSearchParams(location.hash.slice(1)).get('record') ?? undefined;
  render(
    <RecordBaa
      products={dataset.products}
      initialSettings={settings}
      preselect={preselect}
      t={t}
      save={(next) => settingsItem.setValue(next)}
    />,
    document.getElementById('app')!,
  );
}

void main();
