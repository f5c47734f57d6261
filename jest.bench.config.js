/** `npm run bench`: the benchmarks in test/bench, one at a time, on the same real PostgreSQL set-up as the tests. */
const base = require('./jest.config.js');

module.exports = {
  ...base,
  roots: ['<rootDir>/test/bench'],
  testMatch: ['**/*.bench.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
  testTimeout: 60 * 60 * 1000,
};
