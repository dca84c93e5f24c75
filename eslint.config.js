// Lint runs before the tests (`npm test`): type-aware typescript-eslint, the React hooks rules,
// and the import boundaries the developers' guide sets (server/ never imports client/, shared/
// imports neither, client/ never imports server/).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { importX, createNodeResolver } from 'eslint-plugin-import-x';
import { noFolderCycle } from './eslint/folder-cycles.js';

/** `no-restricted-imports` patterns that forbid reaching into the named top-level folders. */
function forbidFolders(folders, why) {
  return {
    'no-restricted-imports': [
      'error',
      {
        patterns: folders.map((folder) => ({
          regex: `^(\\.\\./)+${folder}(/|$)`,
          message: why,
        })),
      },
    ],
  };
}

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'client/public/**'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['eslint.config.js', 'eslint/*.js'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // Numbers in messages and keys are the normal case (`${count} phones`); other types stay refused.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // `onClick={() => setOpen(false)}` and express's `return next()` in a void handler are not confusing.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true, ignoreVoidReturningFunctions: true }],
      // A leading underscore marks a value left out on purpose (`const { run: _run, ...view } = s`).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // Off: the code guards on purpose where the declared types are more optimistic than the
      // runtime — DOM APIs absent in jsdom and on old LED-wall browsers (`scrollIntoView?.()`,
      // `document.fonts?.`), `localStorage` missing in private mode, copies read back from storage
      // that an earlier page version wrote — and the rule's fix is to delete those guards.
      '@typescript-eslint/no-unnecessary-condition': 'off',
      // React ignores what an event handler returns; our async handlers (`onClick={async () => …}`)
      // settle their own errors into the reply they show. Promises passed elsewhere stay checked.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
    },
  },
  {
    // Tests and benchmarks index into results they have just checked (`rows[0]!` after
    // `expect(rows).toHaveLength(1)`); a wrong guess fails the test, which is what a test wants.
    files: ['test/**/*.{ts,tsx}', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Tests read raw JSON and socket replies from a real server (typed `any` by fetch and
      // socket.io) and check them with `expect`; typing every read would only restate the assertion.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // Fakes implement async browser interfaces (Cache API, fetch) with `async` methods that await nothing.
      '@typescript-eslint/require-await': 'off',
      // Tests narrow DOM queries the way testing-library's own examples do
      // (`getByLabelText(…) as HTMLInputElement`) and build literal fixtures `as RunState`.
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
    },
  },
  {
    files: ['client/**/*.{ts,tsx}', 'test/client/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  // Import boundaries.
  { files: ['server/**/*.ts'], rules: forbidFolders(['client'], 'server/ never imports client/: move pure code to shared/.') },
  {
    files: ['shared/**/*.ts'],
    rules: forbidFolders(['client', 'server'], 'shared/ imports neither server/ nor client/: it is the pure engine both use.'),
  },
  { files: ['client/**/*.{ts,tsx}'], rules: forbidFolders(['server'], 'client/ never imports server/: share through shared/.') },
  // Import cycles inside server/: between files (import-x) and between feature folders (ours).
  {
    files: ['server/**/*.ts'],
    plugins: { 'import-x': importX, local: { rules: { 'no-folder-cycle': noFolderCycle } } },
    settings: { 'import-x/resolver-next': [createNodeResolver()] },
    rules: { 'import-x/no-cycle': 'error', 'local/no-folder-cycle': 'error' },
  },
  { files: ['eslint.config.js', 'eslint/*.js'], ...tseslint.configs.disableTypeChecked },
);
