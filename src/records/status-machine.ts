import { EventType, IMPORT_EVENTS, WeaponStatus, WEAPON_STATUSES } from '../registry/registry.constants';

const HELD: WeaponStatus[] = ['in_service', 'government_stock', 'civilian_held'];

interface Transition {
  /** Statuses the weapon may have when the event is recorded. */
  from: readonly WeaponStatus[];
  /** Its status afterwards; `undefined` keeps it, `'given'` takes the status named in the event. */
  to?: WeaponStatus | 'given';
}

/**
 * The weapon's status follows from its events. Record-keeping events (marked, custody transferred,
 * corrected) are allowed on any record, even a destroyed one: the history must stay complete.
 */
export const TRANSITIONS: Record<EventType, Transition> = {
  manufactured: { from: [], to: 'given' },
  // An import brings back a weapon that left the State; one imported temporarily that stays is imported for good (newEventStatus).
  imported: { from: ['exported'], to: 'given' },
  imported_temporarily: { from: ['exported'], to: 'given' },
  exported: { from: HELD, to: 'exported' },
  // A weapon seized or found goes back with a transfer to a status it had before; a deactivated one changes
  // hands deactivated, between collectors say (newEventStatus).
  transferred: { from: [...HELD, 'seized', 'found', 'deactivated'], to: 'given' },
  transferred_to_civilian: { from: ['in_service', 'government_stock'], to: 'civilian_held' },
  // A deactivated weapon the State acquires stays deactivated, in the State's hands (newEventStatus).
  acquired_by_government: { from: ['civilian_held', 'seized', 'found', 'deactivated'], to: 'government_stock' },
  // A weapon seized or found is held by the State meanwhile: it can go missing from its evidence store too.
  // A deactivated one can be lost or stolen, and seized (reactivated, it is trafficked like any other).
  lost: { from: [...HELD, 'seized', 'found', 'deactivated'], to: 'lost' },
  stolen: { from: [...HELD, 'seized', 'found', 'deactivated'], to: 'stolen' },
  // An exported weapon back in the State without a lawful import: seized, or found.
  seized: { from: [...HELD, 'deactivated', 'lost', 'stolen', 'exported'], to: 'seized' },
  found: { from: ['lost', 'stolen', 'exported'], to: 'found' },
  marked: { from: WEAPON_STATUSES },
  // Only a weapon the State holds can be deactivated or destroyed: not one exported, lost or stolen.
  deactivated: { from: [...HELD, 'seized', 'found'], to: 'deactivated' },
  destroyed: { from: [...HELD, 'seized', 'found', 'deactivated'], to: 'destroyed' },
  custody_transferred: { from: WEAPON_STATUSES },
  corrected: { from: WEAPON_STATUSES },
};

/** Whether an event moves the weapon's status (a marking, a custody transfer or a correction keeps it). */
export function movesStatus(event: EventType): boolean {
  return TRANSITIONS[event].to !== undefined;
}

/** Statuses a weapon may have after a `given` transition, per event. */
export const GIVEN_STATUSES: Partial<Record<EventType, readonly WeaponStatus[]>> = {
  manufactured: HELD,
  imported: HELD,
  imported_temporarily: HELD,
  transferred: [...HELD, 'deactivated'],
};

/** Statuses a weapon is out of its holder's hands in, until it is given back. */
export const OUT_OF_HANDS: readonly WeaponStatus[] = ['lost', 'stolen', 'seized', 'found'];

/**
 * The status a weapon was held in just before it was last lost, stolen, seized or found (deactivated, for a
 * deactivated one); null if it was in none (exported, say).
 */
export function heldBeforeLoss(history: readonly WeaponStatus[]): WeaponStatus | null {
  for (let i = history.length - 1; i >= 0; i--) {
    if (OUT_OF_HANDS.includes(history[i])) continue;
    return HELD.includes(history[i]) || history[i] === 'deactivated' ? history[i] : null;
  }
  return null;
}

/**
 * What a deactivated weapon was deactivated from, read from the statuses its events moved it to and their types
 * (aligned, oldest first): the changes of hands that kept it deactivated (a sale, an acquisition by the State,
 * its return after a theft) and the loss or theft such a return ended are passed over. `at`: the deactivation's
 * place in the lists. Null when the weapon is not deactivated.
 */
export function deactivation(statuses: readonly WeaponStatus[], types: readonly EventType[]): { from: WeaponStatus | null; at: number } | null {
  if (statuses.length !== types.length) throw new Error(`deactivation: ${statuses.length} statuses for ${types.length} event types`);
  let last = statuses.length - 1;
  while (last >= 0 && statuses[last] === 'deactivated' && types[last] !== 'deactivated') {
    last--;
    while (last >= 0 && OUT_OF_HANDS.includes(statuses[last])) last--;
  }
  return types[last] === 'deactivated' ? { from: statuses[last - 1] ?? null, at: last } : null;
}

/** Events by which a weapon held in the State changes hands in it. */
const CHANGES_OF_HANDS: readonly EventType[] = ['transferred', 'transferred_to_civilian', 'acquired_by_government'];

/** The last time the weapon crossed the State's border (an import of either kind, or an export), if ever. */
function lastCrossing(types: readonly EventType[]): EventType | undefined {
  return [...types].reverse().find((type) => type === 'exported' || IMPORT_EVENTS.includes(type));
}

export type TransitionResult = { ok: true; status: WeaponStatus } | { ok: false; reason: string };

export function nextStatus(current: WeaponStatus, event: EventType, given?: WeaponStatus): TransitionResult {
  const transition = TRANSITIONS[event];
  if (!transition.from.includes(current)) {
    return { ok: false, reason: `a weapon that is ${current.replace(/_/g, ' ')} cannot be ${event.replace(/_/g, ' ')}` };
  }
  if (transition.to === 'given') {
    const allowed = GIVEN_STATUSES[event] ?? [];
    if (!given || !allowed.includes(given)) {
      return { ok: false, reason: `${event.replace(/_/g, ' ')} needs the status afterwards: one of ${allowed.join(', ')}` };
    }
    return { ok: true, status: given };
  }
  return { ok: true, status: transition.to ?? current };
}

/**
 * The status after an event recorded now: nextStatus, save that a weapon leaves government stocks for
 * civilian use only with its own event, which ITI 8(c) asks the transferring State's marking of. A weapon
 * seized or found goes back by a transfer only to the hands it was in before it was lost, stolen, seized or
 * found (`history`: the statuses of its events, in order): a stolen pistol returned to its owner, or to the
 * unit it was issued to. Any other (one exported before, or with no holder known) goes to the State first
 * (acquired_by_government), where ITI 8(c) and 8(d) apply. A history replayed after an annulment goes
 * through the same rules, on the statuses as replayed: an event the annulled one made possible is refused.
 * A weapon imported temporarily (`types`: the types of its events, in the same order) that stays in the State
 * is imported for good, in the hands it is in, and ITI 8(b) applies to it from then on; until then it changes
 * hands in the State by no transfer, sale or acquisition: a weapon sold here is no temporary import. A seizure,
 * a loss, a return to its holder after one, its destruction, its export are recorded as for any weapon.
 */
export function newEventStatus(
  current: WeaponStatus, event: EventType, given?: WeaponStatus, history: readonly WeaponStatus[] = [], types: readonly EventType[] = [],
): TransitionResult {
  const visiting = HELD.includes(current) && lastCrossing(types) === 'imported_temporarily';
  if (visiting && event === 'imported') {
    if (given !== current) {
      return { ok: false, reason: `a weapon imported temporarily is imported for good in the hands it is in (statusAfter ${current}); a change of hands is recorded after` };
    }
    return { ok: true, status: current };
  }
  // Held or not: one seized or found deactivated as it is would change hands afterwards past the rule above.
  if (event === 'deactivated' && lastCrossing(types) === 'imported_temporarily') {
    return {
      ok: false,
      reason: visiting
        ? 'a weapon imported temporarily is deactivated only once imported for good (imported), where ITI 8(b) asks for its import marking'
        : `a weapon imported temporarily, now ${current.replace(/_/g, ' ')}, is deactivated only once imported for good: the State acquires it first (acquired_by_government), then records its import (imported), where ITI 8(b) asks for its import marking`,
    };
  }
  // A deactivated weapon the State acquires stays deactivated: one in its holder's hands, or one found after it was lost or
  // stolen as deactivated. One seized is another matter (a seizure of a deactivated weapon says it was made to fire again).
  if (event === 'acquired_by_government' && (current === 'deactivated' || (current === 'found' && heldBeforeLoss(history) === 'deactivated'))) {
    return { ok: true, status: 'deactivated' };
  }
  if (current === 'deactivated' && event === 'transferred') {
    // The statuses and types of the events that moved the status, aligned: whether the State took it over, or
    // it changed hands from deactivated (a sale recorded before the State had to acquire it first), since.
    const moved = types.filter(movesStatus);
    const found = deactivation(history, moved);
    const handedOn = found !== null && moved.slice(found.at + 1).some((type, k) => type === 'acquired_by_government' || (type === 'transferred' && history[found.at + k] === 'deactivated'));
    const seized = found !== null && (found.from === 'seized' || found.from === 'found') && !handedOn;
    if (seized) {
      return { ok: false, reason: `a weapon deactivated while ${found!.from} is not its former holder's to sell: the State acquires it first (acquired_by_government), then it changes hands deactivated` };
    }
  }
  if (visiting && CHANGES_OF_HANDS.includes(event)) {
    return { ok: false, reason: `a weapon imported temporarily cannot be ${event.replace(/_/g, ' ')} in the State: record its import for good (imported) first, where ITI 8(b) asks for its import marking` };
  }
  if (event === 'transferred' && current === 'deactivated' && given !== 'deactivated') {
    return { ok: false, reason: 'a deactivated weapon stays deactivated when it changes hands (statusAfter deactivated)' };
  }
  if (event === 'transferred' && given === 'deactivated' && HELD.includes(current)) {
    return { ok: false, reason: 'a weapon changes hands as deactivated only once deactivated: record its deactivation (deactivated) first' };
  }
  if (event === 'transferred' && given === 'civilian_held' && (current === 'in_service' || current === 'government_stock')) {
    return { ok: false, reason: 'a weapon leaves government stocks for civilian use with a transferred_to_civilian event (ITI 8(c)), not a transfer' };
  }
  const heldBefore = heldBeforeLoss(history);
  if (event === 'transferred' && (current === 'seized' || current === 'found') && (!given || given !== heldBefore)) {
    return {
      ok: false,
      reason: `a weapon ${current} goes back by a transfer only to the hands it was in before (${heldBefore ? heldBefore.replace(/_/g, ' ') : 'none known'}); otherwise the State acquires it first (acquired_by_government), then transferred_to_civilian (ITI 8(c))`,
    };
  }
  return nextStatus(current, event, given);
}
