import { withCredentials, withDatabase } from './database-runtime';

describe('withCredentials and withDatabase', () => {
  it('set the role, its password (percent-encoded) and the database of a URL, keeping the rest', () => {
    expect(withCredentials(withDatabase('postgres://owner:secret@db.example:5432/iti?sslmode=require', 'other'), 'iti_app', 'p@ss/w#rd'))
      .toBe('postgres://iti_app:p%40ss%2Fw%23rd@db.example:5432/other?sslmode=require');
  });

  it('edit the URLs pg takes and WHATWG URL does not: an empty host, the socket directory given in ?host=', () => {
    expect(withCredentials('postgres://iti_owner:secret@/iti?host=/var/run/postgresql', 'iti_app', 'x')).toBe('postgres://iti_app:x@/iti?host=/var/run/postgresql');
    expect(withCredentials('postgres:///iti?host=/run/pg', 'iti_app', 'x')).toBe('postgres://iti_app:x@/iti?host=/run/pg');
    expect(withDatabase('postgresql://u:p@/iti?host=/run/pg', 'iti_test')).toBe('postgresql://u:p@/iti_test?host=/run/pg');
  });

  it('refuse a URL they cannot read with an error that does not repeat it (it holds the password)', () => {
    const url = 'postgres://owner:se#cret@db/iti';
    let caught: unknown;
    try {
      withCredentials(url, 'iti_app', 'x');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(Error);
    expect((caught as Error).message).toMatch(/percent-encode/);
    expect(JSON.stringify({ ...(caught as object), message: (caught as Error).message, stack: (caught as Error).stack })).not.toContain('se#cret');
  });
});
