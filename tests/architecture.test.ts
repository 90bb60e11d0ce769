import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The folder list is the architecture: these tests keep it true. The pure
 * core's rooms depend on each other in one order only, no file imports
 * itself back through others, the core never touches a browser API, and the
 * browser helpers in extension/ never reach into the UI components.
 */

const ROOT = resolve(import.meta.dirname, '..');
/** Each room may import only from rooms before it in this list. */
const ROOMS = ['vocabulary', 'matching', 'dataset', 'settings', 'verdict', 'policy', 'links'] as const;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesUnder(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

function localImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const match of text.matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"?]+)/g)) {
    const target = resolve(dirname(file), match[1]!);
    found.push(/\.(tsx?|json|css)$/.test(target) ? target : `${target}.ts`);
  }
  return found;
}

/** Comments may name browser APIs (to say why the code doesn't use them). */
const withoutComments = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
const rel = (path: string) => relative(ROOT, path);
const roomOf = (path: string) => rel(path).split('/')[1];

describe('the pure core in rooms', () => {
  const utilsFiles = filesUnder(join(ROOT, 'utils'));

  it('holds every file in a room, none loose in utils/', () => {
    const loose = utilsFiles.filter((file) => !ROOMS.includes(roomOf(file) as (typeof ROOMS)[number]));
    expect(loose.map(rel)).toEqual([]);
  });

  it('imports run one way between rooms', () => {
    const wrongWay: string[] = [];
    for (const file of utilsFiles) {
      const from = ROOMS.indexOf(roomOf(file) as (typeof ROOMS)[number]);
      for (const target of localImports(file)) {
        if (!rel(target).startsWith('utils/')) {
          if (!/^(assets|public)\//.test(rel(target))) wrongWay.push(`${rel(file)} → ${rel(target)}`);
          continue;
        }
        const to = ROOMS.indexOf(roomOf(target) as (typeof ROOMS)[number]);
        if (to > from) wrongWay.push(`${rel(file)} → ${rel(target)}`);
      }
    }
    expect(wrongWay).toEqual([]);
  });

  it('has no import circle', () => {
    const graph = new Map(utilsFiles.map((file) => [file, localImports(file).filter((t) => t.includes('/utils/'))]));
    const circles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (file: string, trail: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        circles.push([...trail.slice(trail.indexOf(file)), file].map(rel).join(' → '));
        return;
      }
      state.set(file, 'open');
      for (const next of graph.get(file) ?? []) visit(next, [...trail, file]);
      state.set(file, 'done');
    };
    for (const file of graph.keys()) visit(file, []);
    expect(circles).toEqual([]);
  });

  it('never touches a browser API', () => {
    const bound = utilsFiles.filter((file) =>
      /\b(?:browser|chrome)\.(?:runtime|storage|tabs|action|scripting|permissions|i18n)\b|from 'wxt\//.test(
        withoutComments(readFileSync(file, 'utf8')),
      ),
    );
    expect(bound.map(rel)).toEqual([]);
  });

  it('keeps extension/ (browser helpers) free of UI components', () => {
    const upward = filesUnder(join(ROOT, 'extension')).flatMap((file) =>
      localImports(file)
        .filter((target) => rel(target).startsWith('components/') || rel(target).startsWith('entrypoints/'))
        .map((target) => `${rel(file)} → ${rel(target)}`),
    );
    expect(upward).toEqual([]);
  });
});
