import { Clock } from './clock';

class At extends Clock {
  constructor(private readonly at: string) {
    super();
  }

  override now(): Date {
    return new Date(this.at);
  }
}

describe('Clock', () => {
  it.each([
    ['2026-11-23T09:59:59Z', '2026-11-23', '2026-11-23'],
    // From 10:00 UTC, it is already tomorrow at UTC+14 (Kiribati): a date the UTC date has not reached is not in the future.
    ['2026-11-23T10:00:00Z', '2026-11-23', '2026-11-24'],
    ['2026-12-31T23:30:00Z', '2026-12-31', '2027-01-01'],
  ])('at %s, today is %s in UTC and %s where the day is furthest ahead', (at, today, latest) => {
    const clock = new At(at);
    expect(clock.today()).toBe(today);
    expect(clock.latestToday()).toBe(latest);
  });
});
