import { percent } from '../documents/pdf-layout';
import { share } from './reports.service';

describe('shares and percentages in reports', () => {
  it('never rounds a share to all or to none when it is neither', () => {
    expect(share(999_999, 1_000_000)).toBe(0.9999);
    expect(share(1, 1_000_000)).toBe(0.0001);
    expect(share(5, 6)).toBe(0.8333);
    expect([share(0, 4), share(4, 4), share(1, 0)]).toEqual([0, 1, null]);
  });

  it('prints 100.0 % only for all and 0.0 % only for none', () => {
    expect(percent(0.9996)).toBe('99.9 %');
    expect(percent(0.0004)).toBe('0.1 %');
    expect(percent(0.8333)).toBe('83.3 %');
    expect([percent(1), percent(0), percent(null)]).toEqual(['100.0 %', '0.0 %', 'n/a']);
  });
});
