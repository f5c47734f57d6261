import { EventType } from '../registry/registry.constants';
import { afterDestruction, datedBeforeEarlier, HistoryEvent, standingCorrections, standingHistory, standingStatus, statusBeforeDeactivation } from './corrections';

function event(id: string, type: string, occurredOn: string, extra: Partial<HistoryEvent> = {}): HistoryEvent {
  return { id, type, occurredOn, parties: [], licenceRef: null, authorisationRef: null, counterpartState: null, correctsEventId: null, restates: type === 'corrected', annuls: false, recordedAt: `${occurredOn}T12:00:00.000Z`, ...extra };
}

describe('events dated before one recorded earlier', () => {
  const typed = (id: string, type: EventType, occurredOn: string, recordedAt: string, extra: Partial<HistoryEvent> = {}) =>
    ({ ...event(id, type, occurredOn, { recordedAt, ...extra }), type });
  const made = typed('e1', 'manufactured', '2010-01-01', '2010-01-02T00:00:00Z');

  it('finds an event that moves the status dated before one written earlier, with the latest dated of those', () => {
    const stolen = typed('e2', 'stolen', '2024-05-01', '2024-05-02T00:00:00Z');
    const found = typed('e3', 'found', '2019-01-01', '2024-06-01T00:00:00Z');
    expect([...datedBeforeEarlier([made, stolen, found])]).toEqual([['e3', stolen]]);
    // The same day is in order.
    expect(datedBeforeEarlier([made, stolen, { ...found, occurredOn: '2024-05-01' }]).size).toBe(0);
    // Each names the latest dated of the events written before it, not the one written just before it.
    const lost = typed('e4', 'lost', '2020-01-01', '2024-07-01T00:00:00Z');
    expect([...datedBeforeEarlier([made, stolen, found, lost])]).toEqual([['e3', stolen], ['e4', stolen]]);
  });

  it('orders the events that move the status apart from a marking and from custody transfers, which are ordered among themselves', () => {
    const custody = typed('e2', 'custody_transferred', '2026-03-01', '2026-03-02T00:00:00Z');
    const sale = typed('e3', 'transferred', '2026-02-15', '2026-04-01T00:00:00Z');
    const marked = typed('e4', 'marked', '2020-01-01', '2026-05-01T00:00:00Z');
    expect(datedBeforeEarlier([made, custody, sale, marked]).size).toBe(0);
    const earlierCustody = typed('e5', 'custody_transferred', '2025-06-01', '2026-06-01T00:00:00Z');
    expect([...datedBeforeEarlier([made, custody, sale, marked, earlierCustody])]).toEqual([['e5', custody]]);
  });

  it('finds the markings dated after the destruction', () => {
    const destroyed = typed('e2', 'destroyed', '2025-01-01', '2025-01-02T00:00:00Z');
    const marked = typed('e3', 'marked', '2025-03-01', '2025-03-02T00:00:00Z');
    const sameDay = typed('e4', 'marked', '2025-01-01', '2025-03-03T00:00:00Z');
    const custody = typed('e5', 'custody_transferred', '2026-01-01', '2026-01-02T00:00:00Z');
    expect(afterDestruction([made, destroyed, marked, sameDay, custody])).toEqual([{ event: marked, destroyed }]);
  });

  it('reads the history as corrected: a correction that moves an event past a later one puts that one out of order', () => {
    const exported = typed('e2', 'exported', '2015-01-01', '2015-01-02T00:00:00Z');
    const seized = typed('e3', 'seized', '2021-01-10', '2021-01-11T00:00:00Z');
    const moved = typed('c1', 'corrected', '2023-05-01', '2024-01-01T00:00:00Z', { correctsEventId: 'e2' });
    expect([...datedBeforeEarlier([made, exported, seized, moved]).keys()]).toEqual(['e3']);
  });
});

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

  it('reads a correction that is a note only (recorded before corrections restated anything) as changing nothing', () => {
    const note = event('c1', 'corrected', '2024-01-01', { correctsEventId: 'a2', restates: false });
    expect(standingHistory([made, exported, note])).toEqual([made, exported]);
    expect(standingCorrections([made, exported, note]).size).toBe(0);
  });

  it('compares the times corrections were written to the millisecond, as they are read, then by id', () => {
    // Written 0.3 ms later but with the smaller id: within one millisecond the id decides, as in SQL's date_trunc.
    const later = event('c1', 'corrected', '2012-05-02', { correctsEventId: 'a2', recordedAt: '2024-01-01T00:00:00.0004Z' });
    const earlier = event('c2', 'corrected', '2012-05-04', { correctsEventId: 'a2', recordedAt: '2024-01-01T00:00:00.0001Z' });
    expect(standingCorrections([made, exported, later, earlier]).get('a2')?.id).toBe('c2');
  });

  it('orders the history by the corrected dates', () => {
    const seized = event('a3', 'seized', '2020-01-01');
    const fix = event('c1', 'corrected', '2009-12-31', { correctsEventId: 'a3' });
    expect(standingHistory([made, seized, fix]).map((e) => [e.id, e.occurredOn])).toEqual([['a3', '2009-12-31'], ['a1', '2010-04-01']]);
  });

  it('leaves out an event its last correction annuls, and takes it back when a later correction restates it', () => {
    const stolen = event('a3', 'stolen', '2013-01-01');
    const annul = event('c1', 'corrected', '2026-11-01', { correctsEventId: 'a3', annuls: true, recordedAt: '2026-11-01T00:00:00.000Z' });
    expect(standingHistory([made, stolen, annul]).map((e) => e.id)).toEqual(['a1']);
    const restated = event('c2', 'corrected', '2013-01-02', { correctsEventId: 'a3', recordedAt: '2026-11-02T00:00:00.000Z' });
    expect(standingHistory([made, stolen, annul, restated]).map((e) => [e.id, e.occurredOn])).toEqual([['a1', '2010-04-01'], ['a3', '2013-01-02']]);
  });
});

describe('the status of a history as it stands', () => {
  // Recorded a day apart, in this order.
  const history = (...steps: [EventType, string][]) =>
    steps.map(([type, statusAfter], n) => ({ ...event(`e${n}`, type, `2020-01-${String(n + 1).padStart(2, '0')}`), type, statusAfter }));
  const annul = (id: string, day = '2026-11-01') => ({ ...event(`x${id}${day}`, 'corrected', day, { correctsEventId: id, annuls: true, recordedAt: `${day}T00:00:00.000Z` }), type: 'corrected' as EventType, statusAfter: '' });

  it('replays the events that stand, in the order they were recorded', () => {
    const h = history(['manufactured', 'civilian_held'], ['stolen', 'stolen'], ['found', 'found'], ['destroyed', 'destroyed']);
    expect(standingStatus(h)).toEqual({ ok: true, status: 'destroyed' });
    expect(standingStatus([...h, annul('e3')])).toEqual({ ok: true, status: 'found' });
    // The order of recording, not of the dates: a date corrected to before the theft does not reorder the machine.
    const moved = { ...event('m', 'corrected', '2019-01-01', { correctsEventId: 'e2', recordedAt: '2026-10-01T00:00:00.000Z' }), type: 'corrected' as EventType, statusAfter: '' };
    expect(standingStatus([...h, moved, annul('e3')])).toEqual({ ok: true, status: 'found' });
  });

  it('replays an import for good after a temporary import as it was recorded, and refuses a sale it then needed', () => {
    const h = history(['imported_temporarily', 'civilian_held'], ['marked', 'civilian_held'], ['imported', 'civilian_held'], ['transferred', 'civilian_held']);
    expect(standingStatus([...h, annul('e1')])).toEqual({ ok: true, status: 'civilian_held' });
    // Without the import for good, the sale in the State could not have been recorded.
    expect(standingStatus([...h, annul('e2')])).toEqual({ ok: false, reason: expect.stringContaining('record its import for good (imported) first') });
  });

  it('replays in the order events were written, whatever their dates, ids or order in the list', () => {
    // Written: made, stolen (dated later), found (dated earlier), then an annulment of the theft and its finding.
    const h = [
      { ...event('z', 'manufactured', '2020-01-01', { recordedAt: '2020-01-01T00:00:00.000Z' }), type: 'manufactured' as EventType, statusAfter: 'civilian_held' },
      { ...event('b', 'stolen', '2021-06-01', { recordedAt: '2021-06-02T00:00:00.000Z' }), type: 'stolen' as EventType, statusAfter: 'stolen' },
      { ...event('a', 'found', '2021-05-01', { recordedAt: '2021-06-03T00:00:00.000Z' }), type: 'found' as EventType, statusAfter: 'found' },
    ];
    expect(standingStatus([h[2], annul('a'), h[0], h[1]])).toEqual({ ok: true, status: 'stolen' });
    expect(standingStatus([annul('a'), h[1], annul('b', '2026-11-02'), h[2], h[0]])).toEqual({ ok: true, status: 'civilian_held' });
  });

  it('refuses an annulment that a later return to civilian hands depended on (ITI 8(c))', () => {
    // From government stocks to a civilian, stolen, found and given back to that civilian: without the transfer
    // to civilian use, it would be a weapon of the State handed to a civilian by a plain transfer.
    const h = history(['manufactured', 'government_stock'], ['transferred_to_civilian', 'civilian_held'], ['stolen', 'stolen'], ['found', 'found'], ['transferred', 'civilian_held']);
    expect(standingStatus(h)).toEqual({ ok: true, status: 'civilian_held' });
    expect(standingStatus([...h, annul('e1')])).toEqual({ ok: false, reason: expect.stringMatching(/^the transferred event of 2020-01-05 \(e4\) could not have been recorded: a weapon found goes back by a transfer only to the hands it was in before \(government stock\)/) });
    // Given back to the State instead, it stands.
    const toStocks = history(['manufactured', 'government_stock'], ['transferred_to_civilian', 'civilian_held'], ['stolen', 'stolen'], ['found', 'found'], ['acquired_by_government', 'government_stock']);
    expect(standingStatus([...toStocks, annul('e1')])).toEqual({ ok: true, status: 'government_stock' });
  });

  it('keeps the status each event recorded up to the first event ever annulled, and replays only from there', () => {
    // The destruction of a lost weapon was recorded when the machine still allowed it; only what follows the annulled event is judged again.
    const h = history(['manufactured', 'civilian_held'], ['lost', 'lost'], ['destroyed', 'destroyed'], ['custody_transferred', 'destroyed']);
    expect(standingStatus([...h, annul('e3')])).toEqual({ ok: true, status: 'destroyed' });
    // Annulling the loss replays the destruction after it, which today's machine accepts from a weapon held.
    expect(standingStatus([...h, annul('e1')])).toEqual({ ok: true, status: 'destroyed' });
  });

  it('has no status without a history, and replays from the second event when the first was annulled once and restated since', () => {
    expect(standingStatus(history())).toEqual({ ok: false, reason: 'the record has no history' });
    // Only older records hold such a history: the API refuses to annul a first event.
    const restated = { ...event('r', 'corrected', '2026-11-02', { correctsEventId: 'e0', recordedAt: '2026-11-02T00:00:00.000Z' }), type: 'corrected' as EventType, statusAfter: '' };
    expect(standingStatus([...history(['manufactured', 'civilian_held'], ['stolen', 'stolen']), annul('e0'), restated])).toEqual({ ok: true, status: 'stolen' });
  });

  it('refuses to annul the first event, or one a later event depended on', () => {
    const h = history(['manufactured', 'civilian_held'], ['stolen', 'stolen'], ['found', 'found']);
    expect(standingStatus([...h, annul('e0')])).toEqual({ ok: false, reason: expect.stringContaining('first event') });
    const refused = standingStatus([...h, annul('e1')]);
    expect(refused).toEqual({ ok: false, reason: expect.stringContaining('found event of 2020-01-03 (e2) could not have been recorded: a weapon that is civilian held cannot be found') });
    // Annulling the finding too (recorded later) makes the history consistent again.
    expect(standingStatus([...h, annul('e2', '2026-11-01'), annul('e1', '2026-11-02')])).toEqual({ ok: true, status: 'civilian_held' });
  });
});

describe('the status before a deactivation', () => {
  const moved = (id: string, type: EventType, occurredOn: string, recordedAt: string, statusAfter: string, extra: Partial<HistoryEvent> = {}) =>
    ({ ...event(id, type, occurredOn, { recordedAt, ...extra }), type, statusAfter });
  const made = moved('e1', 'manufactured', '2018-01-01', '2018-01-02T00:00:00Z', 'civilian_held');
  const stolen = moved('e2', 'stolen', '2020-06-01', '2020-06-02T00:00:00Z', 'stolen');
  const found = moved('e3', 'found', '2020-03-01', '2020-07-01T00:00:00Z', 'found');
  const deactivated = moved('e4', 'deactivated', '2021-01-01', '2021-01-02T00:00:00Z', 'deactivated');

  it('is the status of the last event that moved the status before it, by date as corrected', () => {
    // By date, the theft (June) follows the finding (March).
    expect(statusBeforeDeactivation([made, stolen, found, deactivated])).toBe('stolen');
    // The theft corrected to January: the finding is then the last before the deactivation.
    const redated = moved('c1', 'corrected', '2020-01-01', '2026-01-01T00:00:00Z', '', { correctsEventId: 'e2' });
    expect(statusBeforeDeactivation([made, stolen, found, deactivated, redated])).toBe('found');
    // A marking after the finding does not move the status.
    expect(statusBeforeDeactivation([made, found, moved('m', 'marked', '2020-12-01', '2020-12-02T00:00:00Z', 'found'), deactivated])).toBe('found');
  });

  it('is null when the last event that moved the status is not a deactivation, or nothing came before it', () => {
    expect(statusBeforeDeactivation([made, deactivated, moved('e5', 'destroyed', '2022-01-01', '2022-01-02T00:00:00Z', 'destroyed')])).toBeNull();
    expect(statusBeforeDeactivation([made, found])).toBeNull();
    expect(statusBeforeDeactivation([deactivated])).toBeNull();
  });

  it('looks past the changes of hands of the deactivated weapon, and past a theft it was given back deactivated after', () => {
    const sold = moved('e5', 'transferred', '2022-01-01', '2022-01-02T00:00:00Z', 'deactivated');
    const soldAgain = moved('e6', 'transferred', '2023-01-01', '2023-01-02T00:00:00Z', 'deactivated');
    expect(statusBeforeDeactivation([made, found, deactivated, sold, soldAgain])).toBe('found');
    // Found, deactivated, stolen from the evidence store, found again and given back deactivated: still the weapon ITI 9 asks the State to mark.
    const stolenAgain = moved('e7', 'stolen', '2024-01-01', '2024-01-02T00:00:00Z', 'stolen');
    const foundAgain = moved('e8', 'found', '2024-02-01', '2024-02-02T00:00:00Z', 'found');
    const returned = moved('e9', 'transferred', '2024-03-01', '2024-03-02T00:00:00Z', 'deactivated');
    expect(statusBeforeDeactivation([made, found, deactivated, stolenAgain, foundAgain, returned])).toBe('found');
    expect(statusBeforeDeactivation([made, deactivated, sold, stolenAgain, foundAgain, returned])).toBe('civilian_held');
    // Still out of hands: not deactivated now.
    expect(statusBeforeDeactivation([made, found, deactivated, stolenAgain])).toBeNull();
  });
});
