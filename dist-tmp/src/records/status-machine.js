"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.GIVEN_STATUSES = exports.TRANSITIONS = void 0;
exports.movesStatus = movesStatus;
exports.heldBeforeLoss = heldBeforeLoss;
exports.nextStatus = nextStatus;
exports.newEventStatus = newEventStatus;
const registry_constants_1 = require("../registry/registry.constants");
const HELD = ['in_service', 'government_stock', 'civilian_held'];
/**
 * The weapon's status follows from its events. Record-keeping events (marked, custody transferred,
 * corrected) are allowed on any record, even a destroyed one: the history must stay complete.
 */
exports.TRANSITIONS = {
    manufactured: { from: [], to: 'given' },
    imported: { from: ['exported'], to: 'given' },
    exported: { from: HELD, to: 'exported' },
    // A weapon seized or found goes back with a transfer to a status it had before (newEventStatus).
    transferred: { from: [...HELD, 'seized', 'found'], to: 'given' },
    transferred_to_civilian: { from: ['in_service', 'government_stock'], to: 'civilian_held' },
    acquired_by_government: { from: ['civilian_held', 'seized', 'found'], to: 'government_stock' },
    lost: { from: HELD, to: 'lost' },
    stolen: { from: HELD, to: 'stolen' },
    seized: { from: [...HELD, 'lost', 'stolen', 'exported'], to: 'seized' },
    found: { from: ['lost', 'stolen'], to: 'found' },
    marked: { from: registry_constants_1.WEAPON_STATUSES },
    // Only a weapon the State holds can be deactivated or destroyed: not one exported, lost or stolen.
    deactivated: { from: [...HELD, 'seized', 'found'], to: 'deactivated' },
    destroyed: { from: [...HELD, 'seized', 'found', 'deactivated'], to: 'destroyed' },
    custody_transferred: { from: registry_constants_1.WEAPON_STATUSES },
    corrected: { from: registry_constants_1.WEAPON_STATUSES },
};
/** Whether an event moves the weapon's status (a marking, a custody transfer or a correction keeps it). */
function movesStatus(event) {
    return exports.TRANSITIONS[event].to !== undefined;
}
/** Statuses a weapon may have after a `given` transition, per event. */
exports.GIVEN_STATUSES = {
    manufactured: HELD,
    imported: HELD,
    transferred: HELD,
};
const OUT_OF_HANDS = ['lost', 'stolen', 'seized', 'found'];
/** The status a weapon was held in just before it was last lost, stolen, seized or found; null if it was in none (exported, say). */
function heldBeforeLoss(history) {
    for (let i = history.length - 1; i >= 0; i--) {
        if (OUT_OF_HANDS.includes(history[i]))
            continue;
        return HELD.includes(history[i]) ? history[i] : null;
    }
    return null;
}
function nextStatus(current, event, given) {
    const transition = exports.TRANSITIONS[event];
    if (!transition.from.includes(current)) {
        return { ok: false, reason: `a weapon that is ${current.replace(/_/g, ' ')} cannot be ${event.replace(/_/g, ' ')}` };
    }
    if (transition.to === 'given') {
        const allowed = exports.GIVEN_STATUSES[event] ?? [];
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
 */
function newEventStatus(current, event, given, history = []) {
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
//# sourceMappingURL=status-machine.js.map