import type { Product } from '../dataset/schema';
import type { ProductList } from '../dataset/judged';
import type { Settings } from '../settings/schema';
import { assess } from '../verdict/assess';
import { summarizeMatch, type MatchSummary } from '../verdict/summary';
import type { Translate } from '../vocabulary/messages';
import type { FoundLink } from './extract';
import { unwrapUrl, type WrapperName } from './unwrap';

/** One line of `assess --extract`: a link found in a file, unwrapped and judged. */
export interface ExtractLine {
  file: string;
  /** The URL the link leads to (unwrapped); null when a wrapper hides it. */
  url: string | null;
  /** The link as it was in the file, when a wrapper rewrote it. */
  wrapped?: string;
  where: string;
  match: MatchSummary | null;
  /** Set when a wrapper keeps the target to itself (Mimecast): CallCheck can't tell where the link goes. */
  cantTell?: WrapperName;
}

/**
 * Call and app links only, unless `all`: those are the links a clinic's IT
 * asks about ("are the links in our invites on platforms with a BAA?"). A
 * link whose target a wrapper hides is always listed: it may be a call.
 */
export function judgeLinks(
  file: string,
  links: readonly FoundLink[],
  dataset: ProductList<Product>,
  settings: Settings,
  t: Translate,
  all = false,
): ExtractLine[] {
  const lines: ExtractLine[] = [];
  for (const { url: href, where } of links) {
    const unwrapped = unwrapUrl(href);
    const wrapped = unwrapped.wrappers.length > 0 ? { wrapped: href } : {};
    if (unwrapped.kind === 'hidden') {
      lines.push({ file, url: null, ...wrapped, where, match: null, cantTell: unwrapped.wrapper });
      continue;
    }
    const result = assess(unwrapped.url, dataset, settings);
    const match = result.ok && result.match ? summarizeMatch(result.match, t) : null;
    if (!all && (!match || match.page === 'site')) continue;
    lines.push({ file, url: unwrapped.url, ...wrapped, where, match });
  }
  return lines;
}
