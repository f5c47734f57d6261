// Used by Jest only, to load the ESM-only packages (NestJS 12, iso-3166, otplib...) as CommonJS.
// Our own TypeScript goes through ts-jest; see docs/decisions.md.
module.exports = {
  plugins: ['babel-plugin-transform-import-meta', '@babel/plugin-transform-modules-commonjs'],
};
