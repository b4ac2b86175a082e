// ESLint for web/ (flat config): the recommended JavaScript and typescript-eslint rules for the UI's TypeScript,
// React's rules of hooks, and Node.js globals for the browser tests and the configs. Formatting is Prettier's job.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'target/', 'node_modules/', 'browser-tests/output/'] },
  js.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    extends: [tseslint.configs.recommended, reactHooks.configs.flat.recommended],
    languageOptions: { globals: globals.browser },
    rules: {
      // useLoad(load, deps) takes a dependency list like useEffect: check its callers' lists the same way.
      'react-hooks/exhaustive-deps': ['error', { additionalHooks: '^useLoad$' }],
    },
  },
  {
    files: ['**/*.{js,mjs}', 'vite.config.ts'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['browser-tests/**/*.mjs'],
    // page.evaluate() callbacks run in the browser
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
