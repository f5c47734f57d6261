import { demoRefusal } from './demo.service';

describe('where the demo may be seeded (accounts with a public password and no MFA)', () => {
  it('only on the embedded database, outside production', () => {
    expect(demoRefusal({ embedded: true }, { NODE_ENV: 'development' })).toBeNull();
    expect(demoRefusal({ embedded: true }, { NODE_ENV: 'test' })).toBeNull();
    expect(demoRefusal({ embedded: true }, { NODE_ENV: 'production' })).toMatch(/never seeded with NODE_ENV=production/);
    expect(demoRefusal({ embedded: false }, { NODE_ENV: 'development' })).toMatch(/only on the embedded database \(DATABASE_URL unset\)/);
  });
});
