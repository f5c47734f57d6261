import fc from 'fast-check';
import { EVENT_TYPES, EventType, WEAPON_STATUSES, WeaponStatus } from '../registry/registry.constants';
import { deactivation, newEventStatus, nextStatus } from './status-machine';

describe('weapon status machine', () => {
  it.each([
    ['civilian_held', 'exported', undefined, 'exported'],
    ['government_stock', 'transferred_to_civilian', undefined, 'civilian_held'],
    ['civilian_held', 'stolen', undefined, 'stolen'],
    ['stolen', 'found', undefined, 'found'],
    ['found', 'acquired_by_government', undefined, 'government_stock'],
    ['seized', 'destroyed', undefined, 'destroyed'],
    ['exported', 'imported', 'civilian_held', 'civilian_held'],
    ['destroyed', 'corrected', undefined, 'destroyed'],
    ['destroyed', 'custody_transferred', undefined, 'destroyed'],
    ['seized', 'stolen', undefined, 'stolen'],
    ['found', 'lost', undefined, 'lost'],
    ['exported', 'found', undefined, 'found'],
    ['deactivated', 'stolen', undefined, 'stolen'],
    ['deactivated', 'lost', undefined, 'lost'],
    ['deactivated', 'seized', undefined, 'seized'],
    ['deactivated', 'transferred', 'deactivated', 'deactivated'],
  ] as const)('%s --%s--> %s', (from, event, given, to) => {
    expect(nextStatus(from, event, given)).toEqual({ ok: true, status: to });
  });

  it.each([
    ['destroyed', 'exported'],
    ['destroyed', 'destroyed'],
    ['exported', 'lost'],
    ['civilian_held', 'found'],
    ['civilian_held', 'transferred_to_civilian'],
    ['deactivated', 'deactivated'],
    ['lost', 'destroyed'],
    ['stolen', 'deactivated'],
  ] as const)('refuses %s --%s-->', (from, event) => {
    const result = nextStatus(from, event);
    expect(result.ok).toBe(false);
  });

  it('refuses an event whose status afterwards must be given when it is missing or not one it may be, and refuses manufacturing an existing weapon', () => {
    expect(nextStatus('exported', 'imported')).toEqual({ ok: false, reason: 'imported needs the status afterwards: one of in_service, government_stock, civilian_held' });
    expect(nextStatus('exported', 'imported', 'seized')).toEqual({ ok: false, reason: expect.stringContaining('imported needs the status afterwards') });
    expect(nextStatus('exported', 'imported', 'government_stock')).toEqual({ ok: true, status: 'government_stock' });
    expect(nextStatus('civilian_held', 'manufactured', 'civilian_held').ok).toBe(false);
  });

  it('sends a weapon from government stocks to civilian use only through transferred_to_civilian (ITI 8(c)), from now on', () => {
    expect(newEventStatus('government_stock', 'transferred', 'civilian_held')).toEqual({
      ok: false, reason: 'a weapon leaves government stocks for civilian use with a transferred_to_civilian event (ITI 8(c)), not a transfer',
    });
    expect(newEventStatus('in_service', 'transferred', 'civilian_held').ok).toBe(false);
    expect(newEventStatus('civilian_held', 'transferred', 'civilian_held')).toEqual({ ok: true, status: 'civilian_held' });
    expect(newEventStatus('in_service', 'transferred', 'government_stock')).toEqual({ ok: true, status: 'government_stock' });
    expect(newEventStatus('destroyed', 'transferred', 'civilian_held')).toEqual(nextStatus('destroyed', 'transferred', 'civilian_held'));
  });

  it('keeps a deactivated weapon deactivated when it changes hands, and returns one stolen from its holder deactivated', () => {
    expect(newEventStatus('deactivated', 'transferred', 'civilian_held')).toEqual({ ok: false, reason: 'a deactivated weapon stays deactivated when it changes hands (statusAfter deactivated)' });
    expect(newEventStatus('deactivated', 'transferred', 'deactivated', ['civilian_held', 'deactivated'], ['manufactured', 'deactivated'])).toEqual({ ok: true, status: 'deactivated' });
    expect(newEventStatus('civilian_held', 'transferred', 'deactivated')).toEqual({
      ok: false, reason: 'a weapon changes hands as deactivated only once deactivated: record its deactivation (deactivated) first',
    });
    expect(newEventStatus('found', 'transferred', 'deactivated', ['civilian_held', 'deactivated', 'stolen', 'found'])).toEqual({ ok: true, status: 'deactivated' });
    expect(newEventStatus('found', 'transferred', 'civilian_held', ['civilian_held', 'deactivated', 'stolen', 'found']).ok).toBe(false);
    expect(newEventStatus('seized', 'transferred', 'deactivated', ['civilian_held', 'seized']).ok).toBe(false);
    expect(nextStatus('deactivated', 'exported').ok).toBe(false);
  });

  it('has the State acquire a weapon deactivated while seized or found before it changes hands, and keeps it deactivated', () => {
    const seized: WeaponStatus[] = ['civilian_held', 'seized', 'deactivated'];
    const seizedTypes: EventType[] = ['manufactured', 'seized', 'deactivated'];
    expect(newEventStatus('deactivated', 'transferred', 'deactivated', seized, seizedTypes)).toEqual({
      ok: false, reason: 'a weapon deactivated while seized is not its former holder\'s to sell: the State acquires it first (acquired_by_government), then it changes hands deactivated',
    });
    expect(newEventStatus('deactivated', 'acquired_by_government', undefined, seized, seizedTypes)).toEqual({ ok: true, status: 'deactivated' });
    // Acquired, it is the State's to sell; the markings and custody events between do not count.
    const acquired: EventType[] = [...seizedTypes, 'marked', 'acquired_by_government'];
    expect(newEventStatus('deactivated', 'transferred', 'deactivated', [...seized, 'deactivated'], acquired)).toEqual({ ok: true, status: 'deactivated' });
    // Deactivated while held, stolen, found and given back: its holder's to sell.
    const held: WeaponStatus[] = ['civilian_held', 'deactivated', 'stolen', 'found', 'deactivated'];
    expect(newEventStatus('deactivated', 'transferred', 'deactivated', held, ['manufactured', 'deactivated', 'stolen', 'found', 'transferred'])).toEqual({ ok: true, status: 'deactivated' });
    expect(deactivation(held, ['manufactured', 'deactivated', 'stolen', 'found', 'transferred'])).toEqual({ from: 'civilian_held', at: 1 });
    expect(() => deactivation(seized, seizedTypes.slice(1))).toThrow('deactivation: 3 statuses for 2 event types');
    // A sale from deactivated recorded before the State had to acquire such a weapon first: the record goes on from it.
    const soldBefore: WeaponStatus[] = [...seized, 'deactivated'];
    expect(newEventStatus('deactivated', 'transferred', 'deactivated', soldBefore, [...seizedTypes, 'transferred'])).toEqual({ ok: true, status: 'deactivated' });
    // Stolen and found as deactivated, then acquired by the State: deactivated still, and the State's to sell.
    const recovered: WeaponStatus[] = [...seized, 'stolen', 'found'];
    const recoveredTypes: EventType[] = [...seizedTypes, 'stolen', 'found'];
    expect(newEventStatus('found', 'acquired_by_government', undefined, recovered, recoveredTypes)).toEqual({ ok: true, status: 'deactivated' });
    expect(newEventStatus('deactivated', 'transferred', 'deactivated', [...recovered, 'deactivated'], [...recoveredTypes, 'acquired_by_government'])).toEqual({ ok: true, status: 'deactivated' });
    // Returned to the State's evidence after the theft, it is not yet the State's to sell.
    expect(newEventStatus('deactivated', 'transferred', 'deactivated', [...recovered, 'deactivated'], [...recoveredTypes, 'transferred']).ok).toBe(false);
    // Seized, or not recovered, it is not the deactivated weapon the State takes over.
    expect(newEventStatus('seized', 'acquired_by_government', undefined, [...seized, 'seized'], [...seizedTypes, 'seized'])).toEqual({ ok: true, status: 'government_stock' });
    expect(newEventStatus('stolen', 'acquired_by_government', undefined, [...seized, 'stolen'], [...seizedTypes, 'stolen']).ok).toBe(false);
    // One lost or found that was not deactivated is acquired into the stocks, as before.
    expect(newEventStatus('found', 'acquired_by_government', undefined, ['civilian_held', 'stolen', 'found'], ['manufactured', 'stolen', 'found'])).toEqual({ ok: true, status: 'government_stock' });
  });

  it('deactivates a weapon imported temporarily only once it is imported for good', () => {
    const types: EventType[] = ['imported_temporarily'];
    expect(newEventStatus('civilian_held', 'deactivated', undefined, ['civilian_held'], types)).toEqual({
      ok: false, reason: 'a weapon imported temporarily is deactivated only once imported for good (imported), where ITI 8(b) asks for its import marking',
    });
    expect(newEventStatus('civilian_held', 'deactivated', undefined, ['civilian_held', 'civilian_held'], [...types, 'imported'])).toEqual({ ok: true, status: 'deactivated' });
    // Seized or found first, it is not deactivated either: deactivated, it would change hands in the State without its import.
    for (const current of ['seized', 'found'] as const) {
      expect(newEventStatus(current, 'deactivated', undefined, ['civilian_held', current], [...types, current])).toEqual({
        ok: false,
        reason: `a weapon imported temporarily, now ${current}, is deactivated only once imported for good: the State acquires it first (acquired_by_government), then records its import (imported), where ITI 8(b) asks for its import marking`,
      });
    }
    // The State's way: acquired, imported for good, then deactivated.
    const confiscated: EventType[] = [...types, 'seized', 'acquired_by_government', 'imported'];
    expect(newEventStatus('government_stock', 'deactivated', undefined, ['civilian_held', 'seized', 'government_stock', 'government_stock'], confiscated)).toEqual({ ok: true, status: 'deactivated' });
  });

  it('returns a seized or found weapon by a transfer only to the hands it was in before', () => {
    for (const current of ['seized', 'found'] as const) {
      expect(newEventStatus(current, 'transferred', 'civilian_held', ['civilian_held', 'stolen', current])).toEqual({ ok: true, status: 'civilian_held' });
      expect(newEventStatus(current, 'transferred', 'in_service', ['in_service', 'stolen', current])).toEqual({ ok: true, status: 'in_service' });
      // Registered when seized or found: the State acquires it first, so that 8(c) asks for its marking.
      expect(newEventStatus(current, 'transferred', 'civilian_held', [current]).ok).toBe(false);
      expect(newEventStatus(current, 'transferred', 'in_service', ['civilian_held', current]).ok).toBe(false);
      expect(newEventStatus(current, 'transferred', 'civilian_held').ok).toBe(false);
      // Held once, but not when it was lost: exported, or bought back into stocks, before.
      expect(newEventStatus(current, 'transferred', 'in_service', ['in_service', 'exported', current]).ok).toBe(false);
      expect(newEventStatus(current, 'transferred', 'civilian_held', ['civilian_held', 'government_stock', 'stolen', current]).ok).toBe(false);
      expect(newEventStatus(current, 'transferred', 'in_service', ['in_service', 'civilian_held', 'stolen', current]).ok).toBe(false);
    }
    // Such a transfer recorded before stands when a history is replayed.
    expect(nextStatus('government_stock', 'transferred', 'civilian_held')).toEqual({ ok: true, status: 'civilian_held' });
  });

  it('imports for good a weapon imported temporarily that stays, and no other weapon already in the State', () => {
    expect(nextStatus('exported', 'imported_temporarily', 'civilian_held')).toEqual({ ok: true, status: 'civilian_held' });
    expect(nextStatus('civilian_held', 'imported_temporarily', 'civilian_held').ok).toBe(false);
    const stays = ['imported_temporarily', 'marked'] as const;
    expect(newEventStatus('civilian_held', 'imported', 'civilian_held', ['civilian_held'], stays)).toEqual({ ok: true, status: 'civilian_held' });
    expect(newEventStatus('government_stock', 'imported', 'government_stock', ['government_stock'], stays)).toEqual({ ok: true, status: 'government_stock' });
    // In the hands it is in: a change of hands (out of government stocks above all, ITI 8(c)) is an event of its own.
    for (const given of [undefined, 'in_service', 'civilian_held'] as const) {
      expect(newEventStatus('government_stock', 'imported', given, ['government_stock'], stays)).toEqual({ ok: false, reason: expect.stringContaining('imported for good in the hands it is in (statusAfter government_stock)') });
    }
    // Until then it changes hands in the State by no transfer, sale or acquisition.
    for (const [current, event, given] of [['civilian_held', 'transferred', 'civilian_held'], ['government_stock', 'transferred_to_civilian', undefined], ['civilian_held', 'acquired_by_government', undefined]] as const) {
      expect(newEventStatus(current, event, given, [current], stays)).toEqual({ ok: false, reason: expect.stringContaining('record its import for good (imported) first') });
      expect(newEventStatus(current, event, given, [current], [...stays, 'imported']).ok).toBe(true);
    }
    // Seized, it goes back to its holder, or to the State, as any weapon does; lost, stolen, destroyed or exported likewise.
    expect(newEventStatus('seized', 'transferred', 'civilian_held', ['civilian_held', 'seized'], ['imported_temporarily', 'seized'])).toEqual({ ok: true, status: 'civilian_held' });
    expect(newEventStatus('seized', 'acquired_by_government', undefined, ['civilian_held', 'seized'], ['imported_temporarily', 'seized'])).toEqual({ ok: true, status: 'government_stock' });
    for (const event of ['stolen', 'destroyed', 'seized'] as const) expect(newEventStatus('civilian_held', event, undefined, ['civilian_held'], stays).ok).toBe(true);
    // Made here, imported for good, or gone and back since: an import needs the weapon abroad.
    for (const types of [['manufactured'], ['imported'], ['imported_temporarily', 'exported', 'imported'], ['imported_temporarily', 'imported']] as const) {
      expect(newEventStatus('civilian_held', 'imported', 'civilian_held', [], types)).toEqual({ ok: false, reason: 'a weapon that is civilian held cannot be imported' });
    }
    // Back abroad after its stay, it comes in as any other weapon.
    expect(newEventStatus('exported', 'imported', 'civilian_held', [], ['imported_temporarily', 'exported'])).toEqual({ ok: true, status: 'civilian_held' });
  });

  it('explains a refusal in words', () => {
    expect(nextStatus('destroyed', 'exported')).toEqual({ ok: false, reason: 'a weapon that is destroyed cannot be exported' });
  });

  it('never leaves the destroyed state, whatever the events', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...EVENT_TYPES), { maxLength: 20 }), fc.constantFrom(...WEAPON_STATUSES), (events, given) => {
        let status: (typeof WEAPON_STATUSES)[number] = 'destroyed';
        for (const event of events) {
          const result = nextStatus(status, event, given);
          if (result.ok) status = result.status;
        }
        return status === 'destroyed';
      }),
    );
  });
});
