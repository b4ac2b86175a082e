// Prettier for web/: the same widths as .editorconfig (2-space indent, 120 columns, LF), single quotes as written.
/** @type {import('prettier').Config} */
export default {
  printWidth: 120,
  tabWidth: 2,
  useTabs: false,
  endOfLine: 'lf',
  singleQuote: true,
  trailingComma: 'all',
};
