/**
 * Used by Jest only, to load the ESM-only packages (NestJS 12, iso-3166, otplib...) as CommonJS.
 * Our own TypeScript goes through ts-jest; see docs/decisions.md ("Jest and ESM-only NestJS 12").
 */

// ESM modules may declare `const require = createRequire(import.meta.url)`; in CommonJS output
// that name collides with the module's own `require`, so it is renamed first.
function renameDeclaredRequire() {
  return {
    visitor: {
      Program(path) {
        if (path.scope.getBinding('require')) path.scope.rename('require', '__esmRequire');
      },
    },
  };
}

module.exports = {
  plugins: [renameDeclaredRequire, 'babel-plugin-transform-import-meta', '@babel/plugin-transform-dynamic-import', '@babel/plugin-transform-modules-commonjs'],
};
