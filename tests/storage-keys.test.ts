import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STORAGE_KEYS } from '../extension/storage-keys';

/** Source files of the extension itself (tests may poke storage as a person's browser would). */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

const NAMES = Object.values(STORAGE_KEYS);
const FILES = ['entrypoints', 'extension', 'components', 'utils'].flatMap(sources);

describe('storage keys', () => {
  it('are named once, in extension/storage-keys.ts: no other file spells one as a string', () => {
    const spelled: string[] = [];
    // Where code reaches storage: an item's name, a get, a change listener's test.
    const key = `(?:${NAMES.join('|')})`;
    const literal = new RegExp(`['"\`]local:|['"\`]${key}['"\`]\\s+in\\b|\\.get\\(\\s*\\[?\\s*['"\`]${key}['"\`]`);
    for (const file of FILES) {
      if (file === join('extension', 'storage-keys.ts')) continue;
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (literal.test(line) && !/^\s*(\*|\/\/)/.test(line)) spelled.push(`${file}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(spelled).toEqual([]);
  });

  it('has one item definition per key', () => {
    const storage = readFileSync('extension/storage.ts', 'utf8');
    const defined = [...storage.matchAll(/defineItem<[^>]*(?:<[^>]*>)?[^>]*>\(localKey\(STORAGE_KEYS\.(\w+)\)/g)].map(
      (m) => m[1],
    );
    expect(defined.sort()).toEqual(Object.keys(STORAGE_KEYS).sort());
  });
});
