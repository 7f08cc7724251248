// Lint enforces the architecture (docs/conventions.md, 7): app → features → widgets → (api,
// components, lib, config); features never import each other; components/ know nothing of the
// API; only src/api speaks HTTP; one HTML sink (none yet); no import cycles; kebab-case names.
// Formatting is Prettier's (npm run lint runs both).
import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import tanstackQuery from '@tanstack/eslint-plugin-query';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import checkFile from 'eslint-plugin-check-file';
import { importX } from 'eslint-plugin-import-x';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const layer = (from, forbidden, message) => ({
  files: [`src/${from}/**/*.{ts,tsx}`],
  rules: {
    'no-restricted-imports': ['error', { patterns: forbidden.map((group) => ({ group: [group], message })) }],
  },
});

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', '.cache', '.runlens-demo', '.scratch'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks, '@tanstack/query': tanstackQuery, 'jsx-a11y': jsxA11y },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...tanstackQuery.configs.recommended.rules,
      ...jsxA11y.flatConfigs.recommended.rules,
      // Only src/api speaks HTTP.
      'no-restricted-globals': ['error', { name: 'fetch', message: 'HTTP goes through src/api (client.ts).' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Render server data as text; HTML goes through one sanitizing wrapper.',
        },
        { selector: 'MemberExpression[property.name=/^(innerHTML|outerHTML)$/]', message: 'No HTML sinks.' },
        { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: 'No HTML sinks.' },
      ],
    },
  },
  { files: ['src/api/**/*.ts'], rules: { 'no-restricted-globals': 'off' } },
  ...readdirSync('src/features').map((feature) =>
    layer(`features/${feature}`, ['@/app/*', '@/features/*', `!@/features/${feature}/*`], 'Features never import each other or app/.'),
  ),
  layer('widgets', ['@/app/*', '@/features/*'], 'widgets/ is shared by features and imports none of them.'),
  layer('api', ['@/app/*', '@/features/*', '@/widgets/*', '@/components/*'], 'src/api sits below the UI.'),
  layer(
    'components',
    ['@/app/*', '@/features/*', '@/widgets/*', '@/api/*'],
    'Shared components are domain-free: UI that needs the API lives in widgets/.',
  ),
  layer(
    'lib',
    ['@/app/*', '@/features/*', '@/widgets/*', '@/components/*', '@/api/*', 'react', 'react-dom', 'react-router'],
    'lib/ holds pure, framework-free functions.',
  ),
  layer('config', ['@/app/*', '@/features/*', '@/widgets/*', '@/components/*'], 'config/ sits below the UI.'),
  {
    files: ['src/**/*.{ts,tsx}', 'server/**/*.ts', 'contract/**/*.ts', 'scripts/**/*.ts', 'e2e/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver-next': [
        createTypeScriptImportResolver({ project: ['tsconfig.json', 'tsconfig.tools.json'], noWarnOnMultipleProjects: true }),
      ],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    files: ['src/**/*', 'server/**/*', 'contract/**/*', 'scripts/**/*', 'e2e/**/*'],
    ignores: ['**/*.py', 'e2e/data/**/*'],
    plugins: { 'check-file': checkFile },
    rules: {
      'check-file/filename-naming-convention': ['error', { '**/*.{ts,tsx,js,mjs,css}': 'KEBAB_CASE' }, { ignoreMiddleExtensions: true }],
      'check-file/folder-naming-convention': ['error', { '{src,server,contract,scripts,e2e}/**/': 'KEBAB_CASE' }],
    },
  },
  {
    files: ['server/**/*.ts', 'scripts/**/*.{ts,mjs}', 'e2e/**/*.ts', '*.config.{ts,js}', 'bin/**/*.js'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['../src/*', '@/*'], message: 'server/ shares only contract/ with the browser code.' }] },
      ],
    },
  },
  {
    files: ['**/*.test.{ts,tsx}', 'e2e/**/*.ts'],
    // Playwright fixtures must destructure their (possibly empty) dependencies.
    rules: { '@typescript-eslint/no-non-null-assertion': 'off', 'no-empty-pattern': 'off' },
  },
);
