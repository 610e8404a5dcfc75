// @ts-check
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

/**
 * Layering (code-style-anchors.md §2.2), enforced here and by
 * src/architecture.test.ts: model ← engine ← everything else.
 */
const FRAMEWORKS = ['react', 'react-dom', 'react-dom/*', 'xstate', '@xstate/*', 'zustand', 'zustand/*', 'cytoscape', 'cytoscape-*', 'elkjs', 'elkjs/*'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'e2e-artifacts/**', 'fixtures/**', 'public/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error', 'info'] }],
    },
  },
  {
    files: ['src/**/*.tsx', 'src/**/use*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    ignores: ['src/graph-view/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['cytoscape', 'cytoscape-*'], message: 'Only src/graph-view may import Cytoscape (one adapter).' }],
      }],
    },
  },
  {
    files: ['src/model/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: FRAMEWORKS, message: 'src/model is the pure SMF domain: no React, XState, Zustand, Cytoscape or ELK.' },
          { group: ['node:*', 'fs', 'path'], message: 'src/model runs in the browser: no Node built-ins.' },
          { group: ['**/engine/**', '**/store/**', '**/graph-view/**', '**/components/**', '**/app/**', '**/cli/**'], message: 'src/model imports nothing outside the model.' },
        ],
      }],
      'no-restricted-globals': ['error', 'window', 'document', 'setTimeout', 'setInterval', 'requestAnimationFrame', 'localStorage'],
      'no-restricted-properties': ['error', { object: 'Math', property: 'random' }, { object: 'Date', property: 'now' }],
    },
  },
  {
    files: ['src/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['react', 'react-dom', 'react-dom/*', '@xstate/react', 'zustand', 'zustand/*', 'cytoscape', 'cytoscape-*', 'elkjs', 'elkjs/*'], message: 'src/engine uses XState and the model only.' },
          { group: ['node:*', 'fs', 'path'], message: 'src/engine runs in the browser: no Node built-ins.' },
          { group: ['**/store/**', '**/graph-view/**', '**/components/**', '**/app/**', '**/cli/**'], message: 'src/engine imports only the model.' },
        ],
      }],
      'no-restricted-globals': ['error', 'window', 'document', 'setTimeout', 'setInterval', 'requestAnimationFrame', 'localStorage'],
      'no-restricted-properties': ['error', { object: 'Math', property: 'random' }, { object: 'Date', property: 'now' }, { object: 'performance', property: 'now' }],
    },
  },
);
