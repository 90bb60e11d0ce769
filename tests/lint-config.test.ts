import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The lint step in .ci/run is only as good as its configuration: these
// samples show the rules that guard hostile pages are switched on for the
// folders that touch the DOM.
const eslint = new ESLint();

async function rulesBroken(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((message) => message.ruleId ?? message.message);
}

describe('eslint.config.js', () => {
  it('refuses markup written into the page from data (no-unsanitized)', async () => {
    const unsafe = `export function show(host: HTMLElement, name: string) {\n  host.innerHTML = name;\n  host.insertAdjacentHTML('beforeend', name);\n}\n`;
    expect(await rulesBroken(unsafe, 'components/Sample.ts')).toEqual([
      'no-unsanitized/property',
      'no-unsanitized/method',
    ]);
  });

  it('accepts the same data written as text', async () => {
    const safe = `export function show(host: HTMLElement, name: string) {\n  host.textContent = name;\n}\n`;
    expect(await rulesBroken(safe, 'components/Sample.ts')).toEqual([]);
  });

  it('refuses untyped values outside the browser-driving tests', async () => {
    expect(await rulesBroken(`export const value = JSON.parse('1') as any;\n`, 'utils/sample.ts')).toEqual([
      '@typescript-eslint/no-explicit-any',
    ]);
  });
});
