import { HistoryEvent, standingCorrections, standingHistory } from './corrections';

function event(id: string, type: string, occurredOn: string, extra: Partial<HistoryEvent> = {}): HistoryEvent {
  return { id, type, occurredOn, parties: [], licenceRef: null, authorisationRef: null, counterpartState: null, correctsEventId: null, recordedAt: `${occurredOn}T12:00:00.000Z`, ...extra };
}

describe('corrections of a record history', () => {
  const made = event('a1', 'manufactured', '2010-04-01');
  const exported = event('a2', 'exported', '2012-05-01', { counterpartState: 'ITA', licenceRef: 'EXP-1' });

  it('leaves a history without corrections as it was, oldest first', () => {
    expect(standingHistory([exported, made])).toEqual([made, exported]);
    expect(standingCorrections([made, exported]).size).toBe(0);
  });

  it('replaces the facts of a corrected event with those of its correction, and drops the correction itself', () => {
    const fix = event('c1', 'corrected', '2012-05-03', {
      correctsEventId: 'a2', counterpartState: 'ESP', licenceRef: 'EXP-2', parties: [{ role: 'consignee', name: 'Armas SA' }], recordedAt: '2024-01-01T00:00:00.000Z',
    });
    const standing = standingHistory([made, exported, fix]);
    expect(standing).toEqual([made, { ...exported, occurredOn: '2012-05-03', counterpartState: 'ESP', licenceRef: 'EXP-2', parties: [{ role: 'consignee', name: 'Armas SA' }] }]);
    // The event keeps its own id and type: a correction restates facts, not what happened.
    expect(standing[1]).toMatchObject({ id: 'a2', type: 'exported' });
  });

  it('takes the correction recorded last when an event was corrected more than once, ties broken by id', () => {
    const first = event('c1', 'corrected', '2012-05-02', { correctsEventId: 'a2', counterpartState: 'ESP', recordedAt: '2024-01-01T00:00:00.000Z' });
    const second = event('c2', 'corrected', '2012-05-04', { correctsEventId: 'a2', counterpartState: 'PRT', recordedAt: '2025-01-01T00:00:00.000Z' });
    const tie = event('c3', 'corrected', '2012-05-05', { correctsEventId: 'a2', counterpartState: 'GRC', recordedAt: '2025-01-01T00:00:00.000Z' });
    expect(standingCorrections([made, exported, second, first]).get('a2')?.id).toBe('c2');
    expect(standingHistory([made, exported, second, first])[1]).toMatchObject({ occurredOn: '2012-05-04', counterpartState: 'PRT' });
    expect(standingCorrections([made, exported, tie, first, second]).get('a2')?.id).toBe('c3');
    // Dates as Date objects (entities) compare as their instants.
    expect(standingCorrections([{ ...first, recordedAt: new Date('2026-01-01') }, second]).get('a2')?.id).toBe('c1');
  });

  it('orders the history by the corrected dates', () => {
    const seized = event('a3', 'seized', '2020-01-01');
    const fix = event('c1', 'corrected', '2009-12-31', { correctsEventId: 'a3' });
    expect(standingHistory([made, seized, fix]).map((e) => [e.id, e.occurredOn])).toEqual([['a3', '2009-12-31'], ['a1', '2010-04-01']]);
  });
});
