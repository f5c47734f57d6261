import { clusterLocaleFlags } from './embedded-postgres';

describe('clusterLocaleFlags', () => {
  it('keeps a UTF-8 locale of the environment, the most specific variable first', () => {
    expect(clusterLocaleFlags({ LANG: 'C.UTF-8' }, 'linux')).toEqual([]);
    expect(clusterLocaleFlags({ LANG: 'fr_FR.utf8' }, 'linux')).toEqual([]);
    expect(clusterLocaleFlags({ LC_ALL: 'de_DE.UTF-8', LANG: 'C' }, 'linux')).toEqual([]);
  });

  it('makes the cluster C.UTF-8 when the environment has no UTF-8 locale (lower() would fold ASCII only)', () => {
    expect(clusterLocaleFlags({}, 'linux')).toEqual(['--locale=C.UTF-8']);
    expect(clusterLocaleFlags({ LANG: 'C' }, 'linux')).toEqual(['--locale=C.UTF-8']);
    expect(clusterLocaleFlags({ LANG: 'POSIX' }, 'linux')).toEqual(['--locale=C.UTF-8']);
    expect(clusterLocaleFlags({ LC_ALL: 'en_US.ISO-8859-1', LANG: 'en_US.UTF-8' }, 'linux')).toEqual(['--locale=C.UTF-8']);
    expect(clusterLocaleFlags({ LC_CTYPE: 'C', LANG: 'en_US.UTF-8' }, 'linux')).toEqual(['--locale=C.UTF-8']);
  });

  it('leaves the locale of other systems alone (their C.UTF-8 may be missing)', () => {
    expect(clusterLocaleFlags({}, 'darwin')).toEqual([]);
    expect(clusterLocaleFlags({}, 'win32')).toEqual([]);
  });
});
