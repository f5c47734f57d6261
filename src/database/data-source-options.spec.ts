import { sessionOptions } from './data-source-options';

describe('sessionOptions', () => {
  it('adds the time zone to a URL without options of its own, leaving the URL as it is', () => {
    expect(sessionOptions('postgres://app:secret@db.example:5432/iti')).toEqual({ url: 'postgres://app:secret@db.example:5432/iti', options: '-c TimeZone=UTC' });
    expect(sessionOptions('postgres://app:secret@db.example/iti?sslmode=require')).toEqual({ url: 'postgres://app:secret@db.example/iti?sslmode=require', options: '-c TimeZone=UTC' });
  });

  it('takes the URL\'s options out of it and puts the time zone after them, keeping the other parameters', () => {
    expect(sessionOptions('postgres://app:secret@db.example/iti?sslmode=require&options=-c%20statement_timeout%3D5000&application_name=x')).toEqual({
      url: 'postgres://app:secret@db.example/iti?sslmode=require&application_name=x',
      options: '-c statement_timeout=5000 -c TimeZone=UTC',
    });
    expect(sessionOptions('postgres://app@db/iti?options=-c+search_path%3Dpublic')).toEqual({ url: 'postgres://app@db/iti', options: '-c search_path=public -c TimeZone=UTC' });
  });

  it('reads URLs that pg takes and WHATWG URL does not, such as a socket directory for host', () => {
    expect(sessionOptions('postgres://app:secret@/iti?host=/var/run/postgresql')).toEqual({ url: 'postgres://app:secret@/iti?host=/var/run/postgresql', options: '-c TimeZone=UTC' });
    expect(sessionOptions('postgres://app:secret@/iti?host=/var/run/postgresql&options=-c%20lock_timeout%3D1000')).toEqual({
      url: 'postgres://app:secret@/iti?host=%2Fvar%2Frun%2Fpostgresql',
      options: '-c lock_timeout=1000 -c TimeZone=UTC',
    });
  });
});
