// ESLint flat config. typescript-eslint's recommended rules for every source
// file, and no-unsanitized for the DOM sinks (innerHTML, insertAdjacentHTML,
// document.write…): the banner and link markers run inside hostile pages, and
// everything they show comes from the dataset, the URL or the clinic's own
// settings, so it must reach the DOM as text, never as markup.
import js from '@eslint/js';
import noUnsanitized from 'eslint-plugin-no-unsanitized';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['.output/', '.wxt/', 'node_modules/', 'stats.html'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  noUnsanitized.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      // Unused names are mistakes, except the deliberate `_`-prefixed ones.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
      // Strict equality everywhere but the deliberate `== null`.
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  {
    // Functions handed to a browser's evaluate() run in the extension's own
    // page, where `chrome` (and axe) are globals this Node-side file has no
    // types for; the tests assert on what comes back.
    files: ['e2e/**', 'bench/**', 'scripts/demo.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
