import { describe, expect, it } from 'vitest';
import { dataset } from '../utils/dataset/bundled';
import { alternativeRows, baaAlternatives } from '../utils/verdict/alternatives';
import { assessAll } from '../utils/verdict/assess';
import { english } from '../utils/vocabulary/english';
import { EMPTY_SETTINGS } from '../utils/settings/repair';
import type { Settings } from '../utils/settings/schema';

const judged = (settings: Settings = EMPTY_SETTINGS) => assessAll(dataset, settings);
const of = (id: string, all = judged()) => all.find((m) => m.entry.id === id)!;

describe('platforms that sign a BAA, after a red verdict', () => {
  it('lists every active, non-public platform whose vendor signs a BAA, by name, after "No BAA"', () => {
    const all = judged();
    const list = baaAlternatives(of('microsoft-teams-free', all), all);
    const expected = dataset.products
      .filter((p) => p.baa.value === 'offered' && p.status.value === 'active' && !p.publicFacing.value)
      .map((p) => p.name)
      .sort((a, b) => a.localeCompare(b, 'en'));
    expect(list.map((m) => m.entry.name)).toEqual(expected);
    expect(list.some((m) => m.entry.id === 'microsoft-teams-free')).toBe(false);
  });

  it("puts the clinic's approved platforms first, and leaves blocked ones out", () => {
    const settings: Settings = {
      ...EMPTY_SETTINGS,
      approvals: [{ productId: 'zoom', by: 'organization' }],
      blocks: [{ productId: 'webex', by: 'user' }],
    };
    const all = judged(settings);
    const list = baaAlternatives(of('facetime', all), all);
    expect(list[0]?.entry.id).toBe('zoom');
    expect(list.some((m) => m.entry.id === 'webex')).toBe(false);
    // The blocked platform itself gets the list too: blocked is red.
    expect(baaAlternatives(of('webex', all), all).length).toBeGreaterThan(0);
  });

  it('offers nothing after an amber or green verdict', () => {
    const all = judged();
    expect(baaAlternatives(of('zoom', all), all)).toEqual([]);
  });

  it('offers the list after public and retired platforms too', () => {
    const all = judged();
    expect(baaAlternatives(of('twitch', all), all).length).toBeGreaterThan(0);
    expect(baaAlternatives(of('skype', all), all).length).toBeGreaterThan(0);
  });

  it('words each with its plans, how to get the BAA and whether the free plan has one', () => {
    const all = judged();
    const [first] = alternativeRows(baaAlternatives(of('microsoft-teams-free', all), all), english);
    expect(first?.tag).toBe('Vendor signs a BAA');
    expect(first?.lines.map((line) => line.split(':')[0])).toEqual([
      'Which plans',
      'How to get it',
      'Free or cheapest plan has a BAA',
    ]);
  });
});
