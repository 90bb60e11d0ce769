import { BAA_VALUES, DECIDED_BY, E2EE_VALUES } from '../vocabulary/values';
import type { Approval, Block, CustomVendor, Settings } from './schema';

/** No approvals, blocks or custom vendors: what a new install has. */
export const EMPTY_SETTINGS: Settings = Object.freeze({
  approvals: [],
  blocks: [],
  customVendors: [],
}) as Settings;

/**
 * Reads stored settings back defensively: every well-formed entry is kept,
 * every malformed one is dropped, nothing throws. Writing and importing go
 * through the strict schema (settings-schema.ts); reading repairs, so that
 * one damaged entry never hides the clinic's other approvals. It is small on
 * purpose: the content script uses it, and it must stay light.
 */
export function coerceSettings(raw: unknown): Settings {
  const object = isRecord(raw) ? raw : {};
  return {
    approvals: list(object.approvals).flatMap((a): Approval[] =>
      isRecord(a) && isId(a.productId)
        ? [
            {
              productId: a.productId,
              by: decidedBy(a.by),
              ...optionalDate('signedOn', a.signedOn),
              ...optionalText('plan', a.plan),
              ...optionalText('note', a.note),
            },
          ]
        : [],
    ),
    blocks: list(object.blocks).flatMap((b): Block[] =>
      isRecord(b) && isId(b.productId)
        ? [{ productId: b.productId, by: decidedBy(b.by), ...optionalText('note', b.note) }]
        : [],
    ),
    customVendors: list(object.customVendors).flatMap((c): CustomVendor[] => {
      if (!isRecord(c) || !isId(c.id) || typeof c.name !== 'string' || !c.name.trim()) return [];
      const sites = list(c.sites).flatMap((s) =>
        isRecord(s) && typeof s.host === 'string' && /^[a-z0-9.-]{1,253}$/.test(s.host)
          ? [
              {
                host: s.host,
                ...(Array.isArray(s.paths)
                  ? { paths: s.paths.filter((p): p is string => typeof p === 'string' && p.startsWith('/')) }
                  : {}),
              },
            ]
          : [],
      );
      if (sites.length === 0) return [];
      return [
        {
          id: c.id,
          name: c.name.trim().slice(0, 120),
          sites,
          baa: oneOf(BAA_VALUES, c.baa, 'unknown'),
          e2ee: oneOf(E2EE_VALUES, c.e2ee, 'unknown'),
          ...optionalText('notes', c.notes),
          sources: list(c.sources).filter((u): u is string => typeof u === 'string' && /^https?:\/\//.test(u)),
          ...(c.allowIp === true ? { allowIp: true } : {}),
        },
      ];
    }),
    ...(typeof object.organization === 'string' && object.organization.trim()
      ? { organization: object.organization.trim().slice(0, 120) }
      : {}),
  };
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const isId = (value: unknown): value is string =>
  typeof value === 'string' && value.length <= 80 && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value);
const decidedBy = (value: unknown) => oneOf(DECIDED_BY, value, 'user');
function oneOf<T extends string>(values: readonly T[], value: unknown, fallback: T): T {
  return values.includes(value as T) ? (value as T) : fallback;
}
function optionalText<K extends string>(key: K, value: unknown): { [P in K]?: string } {
  return typeof value === 'string' && value.trim()
    ? ({ [key]: value.trim().slice(0, 500) } as { [P in K]?: string })
    : {};
}
function optionalDate<K extends string>(key: K, value: unknown): { [P in K]?: string } {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)
    ? ({ [key]: value } as { [P in K]?: string })
    : {};
}

/**
 * Only managed storage speaks for the organization. Whatever a file or a
 * message claims, what a user imports or saves is the user's own decision.
 */
export function asOwnDecisions(settings: Settings): Settings {
  return {
    ...settings,
    approvals: settings.approvals.map((approval) => ({ ...approval, by: 'user' as const })),
    blocks: settings.blocks.map((block) => ({ ...block, by: 'user' as const })),
  };
}
