// @ts-check
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

/**
 * Layering (code-style-anchors.md §2.2; issue 16), enforced here and by
 * src/architecture.test.ts: model ← engine ← session and the views ← app.
 * ESLint's no-restricted-imports is one setting per file, so every block
 * below repeats the rules that hold everywhere (BASE).
 */
const FRAMEWORKS = ['react', 'react-dom', 'react-dom/*', 'xstate', '@xstate/*', 'zustand', 'zustand/*', 'cytoscape', 'cytoscape-*', 'elkjs', 'elkjs/*'];

/** Everywhere in src: name a file, never a folder ('../engine'), and only src/graph-view touches Cytoscape. */
const BARE = { regex: '^\\.{1,2}(/\\.\\.)*(/[^./]+)*/?$', message: 'Import a file with its extension (e.g. ../engine/simulate.ts), never a bare folder.' };
const CYTOSCAPE = { group: ['cytoscape', 'cytoscape-*'], message: 'Only src/graph-view may import Cytoscape (one adapter).' };
/** A folder, whether imported bare ('../engine') or through a file in it ('../engine/x.ts'). */
const folder = (/** @type {string} */ name) => [`**/${name}`, `**/${name}/**`];
const restrict = (/** @type {object[]} */ ...patterns) => ['error', { patterns: [BARE, ...patterns] }];

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
    rules: { 'no-restricted-imports': restrict(CYTOSCAPE) },
  },
  {
    files: ['src/graph-view/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': restrict({ group: [...folder('store'), ...folder('session'), ...folder('components'), ...folder('app')], message: 'src/graph-view is the Cytoscape adapter: props in, events out; it knows nothing of the stores, the session, the components or the app.' }),
    },
  },
  {
    files: ['src/components/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': restrict(CYTOSCAPE, { group: folder('app'), message: 'Components never import src/app (the composition root imports them).' }),
    },
  },
  {
    files: ['src/components/**/*.{ts,tsx}'],
    ignores: ['**/*.test.tsx', '**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [{
          regex: '/session/(?!react/|document\\.ts$|keymap\\.ts$|scenario-file\\.ts$)',
          allowTypeImports: true,
          message: 'Components reach the session through its hooks (src/session/react/*); types may be imported from anywhere in it.',
        }],
      }],
    },
  },
  {
    files: ['src/session/**/*.ts'],
    ignores: ['src/session/react/**'],
    rules: {
      'no-restricted-imports': restrict(CYTOSCAPE,
        { regex: '^(react|react-dom|zustand)$|^react-dom/', message: 'src/session is framework-free (zustand/vanilla is fine); React reaches it through src/session/react.' },
        { group: [...folder('components'), ...folder('app'), '**/session/react/**', '../react/**', './react/**'], message: 'src/session sits below the views: it never imports components, the app or its own React hooks.' }),
    },
  },
  {
    files: ['src/store/**/*.ts', 'src/selectors/**/*.ts', 'src/share/**/*.ts', 'src/teaching/**/*.ts', 'src/scenarios/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': restrict(CYTOSCAPE, { group: [...folder('session'), ...folder('components'), ...folder('app')], message: 'Stores, selectors, the link codec, tours and presets do not reach up into the session, the components or the app.' }),
    },
  },
  {
    files: ['src/model/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        { group: FRAMEWORKS, message: 'src/model is the pure SMF domain: no React, XState, Zustand, Cytoscape or ELK.' },
        { group: ['node:*', 'fs', 'path'], message: 'src/model runs in the browser: no Node built-ins.' },
        { group: ['engine', 'store', 'graph-view', 'components', 'app', 'cli', 'session', 'selectors', 'scenarios', 'share', 'teaching', 'testing'].flatMap(folder), message: 'src/model imports nothing outside the model (and src/lib).' },
      ),
      'no-restricted-globals': ['error', 'window', 'document', 'setTimeout', 'setInterval', 'requestAnimationFrame', 'localStorage'],
      'no-restricted-properties': ['error', { object: 'Math', property: 'random' }, { object: 'Date', property: 'now' }],
    },
  },
  {
    files: ['src/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        { group: ['react', 'react-dom', 'react-dom/*', '@xstate/react', 'zustand', 'zustand/*', 'cytoscape', 'cytoscape-*', 'elkjs', 'elkjs/*'], message: 'src/engine uses XState and the model only.' },
        { group: ['node:*', 'fs', 'path'], message: 'src/engine runs in the browser: no Node built-ins.' },
        { group: ['store', 'graph-view', 'components', 'app', 'cli', 'session', 'selectors', 'scenarios', 'share', 'teaching'].flatMap(folder), message: 'src/engine imports only the model (and src/lib).' },
      ),
      'no-restricted-globals': ['error', 'window', 'document', 'setTimeout', 'setInterval', 'requestAnimationFrame', 'localStorage'],
      'no-restricted-properties': ['error', { object: 'Math', property: 'random' }, { object: 'Date', property: 'now' }, { object: 'performance', property: 'now' }],
    },
  },
  {
    // The engine's tests may drive it with the presets and the tours' data; the UI layers stay out.
    files: ['src/engine/**/*.test.ts'],
    rules: {
      'no-restricted-imports': restrict(
        { group: ['react', 'react-dom', 'react-dom/*', '@xstate/react', 'zustand', 'zustand/*', 'cytoscape', 'cytoscape-*', 'elkjs', 'elkjs/*'], message: 'src/engine uses XState and the model only.' },
        { group: ['store', 'graph-view', 'components', 'app', 'cli', 'session'].flatMap(folder), message: 'The engine’s tests do not reach into the UI layers.' },
      ),
    },
  },
);
