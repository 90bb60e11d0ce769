import { Component } from 'preact';
import type { JudgedProduct, Match } from '../utils/verdict/assess';
import type { BannerMode } from '../utils/settings/banner-state';
import type { FactRow } from '../utils/dataset/fact-rows';
import type { Translate } from '../utils/vocabulary/messages';
import { FactsTable } from './FactsTable';
import { AlternativesList } from './AlternativesList';
import type { AlternativeRow } from '../utils/verdict/alternatives';

/** What the banner's details show: the key facts and, after a red verdict, the platforms that sign a BAA. */
export interface BannerDetails {
  facts: FactRow[] | null;
  alternatives?: AlternativeRow[] | undefined;
}
import { familyOf, verdictKey } from '../utils/verdict/verdict-text';

export interface VerdictBannerProps {
  match: Match<JudgedProduct>;
  initialMode: Exclude<BannerMode, 'hidden'>;
  t: Translate;
  loadFacts: () => Promise<BannerDetails | null>;
  /** Opens a platform's full facts (from the list of platforms that sign a BAA). */
  onOpenFacts: (productId: string) => void;
  onDismiss: () => void;
  onSnooze: (days: 1 | 7) => void;
  onRecordBaa: () => void;
  /** Called once when the full banner has been on screen. */
  onSeen: () => void;
  /**
   * Drawn from the dataset alone, before the user's settings have been read:
   * visible, so it can be on screen by the page's first paint, but silent to
   * screen readers and not yet interactive, until the settings confirm it.
   */
  provisional?: boolean;
  /** What the organization allows, and who to ask. */
  controls?: { allowDismiss: boolean; allowSnooze: boolean; supportContact?: string | undefined };
}

/** After this long without the user's attention the banner folds into the pill. */
export const COLLAPSE_AFTER_MS = 15_000;

interface VerdictBannerState {
  mode: Exclude<BannerMode, 'hidden'>;
  /** undefined: details closed; 'loading'; then the details (or null if unknown). */
  facts: BannerDetails | null | 'loading' | undefined;
}

/**
 * The banner on a call page. Red verdicts speak as an alert, amber ones as a
 * status, so a screen reader announces them once without moving focus. The
 * full banner folds into a small pill after a while, or when asked, so it
 * never keeps covering the call's own controls.
 *
 * A class component rather than hooks: preact/hooks would cost the content
 * script 1.4 KB of its budget (scripts/budgets.ts).
 */
export class VerdictBanner extends Component<VerdictBannerProps, VerdictBannerState> {
  override state: VerdictBannerState = { mode: this.props.initialMode, facts: undefined };
  private attention = false;
  /** Set when the person folded or opened the banner: focus follows to what replaced the control they used. */
  private focusAfterMode = false;
  private pillButton: HTMLButtonElement | null = null;
  private section: HTMLElement | null = null;
  private timer: ReturnType<typeof setInterval> | undefined;

  override componentDidMount() {
    this.onMode();
  }

  override componentDidUpdate(previousProps: VerdictBannerProps, previous: VerdictBannerState) {
    if (previousProps.provisional && !this.props.provisional) {
      // Confirmed by the settings: start from the mode they call for.
      if (this.state.mode !== this.props.initialMode) return this.setState({ mode: this.props.initialMode });
      return this.onMode();
    }
    if (previous.mode !== this.state.mode) {
      this.onMode();
      if (this.focusAfterMode) {
        this.focusAfterMode = false;
        (this.state.mode === 'pill' ? this.pillButton : this.section)?.focus();
      }
    }
  }

  private setModeByPerson(mode: 'full' | 'pill') {
    this.focusAfterMode = true;
    this.setState({ mode });
  }

  override componentWillUnmount() {
    clearInterval(this.timer);
  }

  private onMode() {
    clearInterval(this.timer);
    if (this.state.mode !== 'full' || this.props.provisional) return;
    this.props.onSeen();
    this.timer = setInterval(() => {
      if (!this.attention && this.state.facts === undefined) this.setState({ mode: 'pill' });
    }, COLLAPSE_AFTER_MS);
  }

  private toggleDetails = async () => {
    if (this.state.facts !== undefined) return this.setState({ facts: undefined });
    this.setState({ facts: 'loading' });
    const facts = await this.props.loadFacts();
    this.setState({ facts });
  };

  override render() {
    const { match, t, onDismiss, onSnooze, onRecordBaa, provisional } = this.props;
    const { allowDismiss = true, allowSnooze = true, supportContact } = this.props.controls ?? {};
    const { mode, facts } = this.state;
    const family = familyOf(match.verdict);
    const headline = t(verdictKey('verdict', match.verdict));

    if (mode === 'pill') {
      return (
        <div class={`cc-root cc-${family}`}>
          <button
            type="button"
            class="cc-pill"
            aria-expanded="false"
            ref={(el) => {
              this.pillButton = el;
            }}
            onClick={() => this.setModeByPerson('full')}
          >
            <span class="cc-dot" aria-hidden="true" />
            {t('banner_pill', [headline])}
          </button>
        </div>
      );
    }

    return (
      <section
        class={`cc-root cc-banner cc-${family}`}
        ref={(el) => {
          this.section = el;
        }}
        tabIndex={-1}
        aria-label={t('banner_label')}
        aria-hidden={provisional ? 'true' : undefined}
        inert={provisional}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && allowDismiss) {
            event.stopPropagation();
            onDismiss();
          }
        }}
        onPointerEnter={() => (this.attention = true)}
        onPointerLeave={() => (this.attention = false)}
        onFocusIn={() => (this.attention = true)}
        onFocusOut={() => (this.attention = false)}
      >
        {/* A new element once confirmed, so screen readers announce it then, once. */}
        <div
          key={provisional ? 'provisional' : 'live'}
          class="cc-message"
          role={provisional ? undefined : family === 'red' ? 'alert' : 'status'}
        >
          <p class="cc-headline">
            <span class="cc-dot" aria-hidden="true" />
            <span class="cc-brand">CallCheck</span> {headline}
          </p>
          <p class="cc-reason">{t(match.reason.key, match.reason.args)}</p>
          {supportContact && <p class="cc-support">{t('support_contact', [supportContact])}</p>}
        </div>
        <div class="cc-actions">
          <button type="button" aria-expanded={facts !== undefined} onClick={this.toggleDetails}>
            {facts !== undefined ? t('banner_hide_details') : t('banner_details')}
          </button>
          {/* Only where a BAA would change the verdict: not on a public, retired, blocked or approved platform. */}
          {(match.verdict === 'no-baa' || match.verdict === 'check-plan' || match.verdict === 'unverified') && (
            <button type="button" onClick={onRecordBaa}>
              {t('banner_have_baa')}
            </button>
          )}
          {allowSnooze && (
            <>
              <button
                type="button"
                aria-label={t('banner_snooze_label_day', [match.entry.name])}
                onClick={() => onSnooze(1)}
              >
                {t('banner_snooze_day')}
              </button>
              <button
                type="button"
                aria-label={t('banner_snooze_label_week', [match.entry.name])}
                onClick={() => onSnooze(7)}
              >
                {t('banner_snooze_week')}
              </button>
            </>
          )}
          {allowDismiss && (
            <button type="button" onClick={onDismiss}>
              {t('banner_dismiss')}
            </button>
          )}
          <button
            type="button"
            class="cc-minimize"
            aria-label={t('banner_minimize')}
            title={t('banner_minimize')}
            onClick={() => this.setModeByPerson('pill')}
          >
            <span aria-hidden="true">–</span>
          </button>
        </div>
        {facts !== undefined && (
          <div class="cc-details">
            {facts === 'loading' ? (
              <p>{t('banner_loading_facts')}</p>
            ) : facts ? (
              <>
                {facts.facts && <FactsTable rows={facts.facts} />}
                <AlternativesList rows={facts.alternatives ?? []} t={t} onOpen={this.props.onOpenFacts} level={3} />
              </>
            ) : null}
            <p class="cc-muted">{t('banner_more_in_popup')}</p>
          </div>
        )}
      </section>
    );
  }
}
