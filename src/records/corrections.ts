import { EventType, WeaponStatus } from '../registry/registry.constants';
import { deactivation, movesStatus, newEventStatus, TransitionResult } from './status-machine';

/** What a correction restates of the event it corrects. */
export const CORRECTED_FACTS = ['occurredOn', 'parties', 'licenceRef', 'authorisationRef', 'counterpartState'] as const;

export interface HistoryEvent {
  id: string;
  type: string;
  occurredOn: string;
  parties: { role: string; name: string; country?: string }[];
  licenceRef: string | null;
  authorisationRef: string | null;
  counterpartState: string | null;
  correctsEventId: string | null;
  /** For corrected: its facts replace those of the event it corrects. */
  restates: boolean;
  /** For corrected: the corrected event did not happen. */
  annuls: boolean;
  recordedAt: string | Date;
}

/**
 * The correction that stands for each corrected event: of those that restate or annul it, the one written
 * last (to the millisecond, ties by id). Such a correction names an event that is not itself a correction,
 * so there is no chain to follow; corrections that are notes only (recorded before corrections restated
 * anything) change nothing.
 */
export function standingCorrections<T extends HistoryEvent>(events: readonly T[]): Map<string, T> {
  const standing = new Map<string, T>();
  for (const event of events) {
    if (event.type !== 'corrected' || !event.correctsEventId || !(event.restates || event.annuls)) continue;
    const previous = standing.get(event.correctsEventId);
    if (!previous || later(event, previous)) standing.set(event.correctsEventId, event);
  }
  return standing;
}

/**
 * The history as it stands: every event that is not a correction and that its last correction does not
 * annul, with the facts of that correction (date, parties, licence and authorisation references,
 * counterpart State), oldest first. The history as recorded is kept whole; this is how it reads once corrected.
 */
export function standingHistory<T extends HistoryEvent>(events: readonly T[]): T[] {
  const corrections = standingCorrections(events);
  return events
    .filter((event) => event.type !== 'corrected' && !corrections.get(event.id)?.annuls)
    .map((event) => {
      const correction = corrections.get(event.id);
      if (!correction) return event;
      const facts = Object.fromEntries(CORRECTED_FACTS.map((fact) => [fact, correction[fact]]));
      return { ...event, ...facts };
    })
    .sort((a, b) => a.occurredOn.localeCompare(b.occurredOn));
}

/**
 * The events of the history as it stands that are dated before an event of their sequence written before
 * them, each with that earlier-written event (the latest dated). The status machine replays the events that
 * move the status in the order they were written, and the record's custodian is the last custody transfer
 * written, while the history reads them all by date: within each of these two sequences the orders must
 * agree. A marking keeps the status and is in neither: a sale found in a closed company's books is recorded
 * after the custody transfer that brought them to the State.
 */
export function datedBeforeEarlier<T extends HistoryEvent & { type: EventType }>(events: readonly T[]): Map<string, T> {
  const standing = standingHistory(events);
  const found = new Map<string, T>();
  const sequences = [standing.filter((e) => movesStatus(e.type)), standing.filter((e) => e.type === 'custody_transferred')];
  for (const sequence of sequences) {
    let latest: T | undefined;
    for (const event of sequence.sort((a, b) => (later(a, b) ? 1 : -1))) {
      if (latest && event.occurredOn < latest.occurredOn) found.set(event.id, latest);
      else latest = event;
    }
  }
  return found;
}

/**
 * The status a weapon had just before the deactivation that is its status now, read from the events that
 * moved its status, by date (ITI 9 goes on applying to one deactivated as seized or found); null when its
 * last such event, changes of hands that kept it deactivated aside, is not a deactivation. A deactivated weapon
 * lost, stolen, seized or found and given back deactivated is the weapon of that same deactivation.
 */
export function statusBeforeDeactivation<T extends HistoryEvent & { type: EventType; statusAfter: string }>(events: readonly T[]): WeaponStatus | null {
  const moved = standingHistory(events).filter((e) => movesStatus(e.type));
  return deactivation(moved.map((e) => e.statusAfter as WeaponStatus), moved.map((e) => e.type))?.from ?? null;
}

/** The markings dated after the weapon's destruction, when it could not be marked (its records can still pass to another custodian). */
export function afterDestruction<T extends HistoryEvent & { type: EventType }>(events: readonly T[]): { event: T; destroyed: T }[] {
  const standing = standingHistory(events);
  const destroyed = standing.find((e) => e.type === 'destroyed');
  if (!destroyed) return [];
  return standing.filter((e) => e.type === 'marked' && e.occurredOn > destroyed.occurredOn).map((event) => ({ event, destroyed }));
}

/** The record's first event, how it came to be: of the events that are not corrections, the first written. */
export function firstRecorded<T extends HistoryEvent>(events: readonly T[]): T | undefined {
  return events.filter((e) => e.type !== 'corrected').reduce<T | undefined>((first, e) => (!first || later(first, e) ? e : first), undefined);
}

/**
 * The weapon's status from its history as it stands. Up to the first event ever annulled, the status each
 * event recorded stands (nothing before it was taken out); from there, the events that stand are replayed
 * through the status machine in the order they were written (the order the machine accepted them in).
 * Refused when the first event of the record is annulled, or when an event could not have happened
 * without one annulled before it.
 */
export function standingStatus<T extends HistoryEvent & { type: EventType; statusAfter: string }>(events: readonly T[]): TransitionResult {
  const corrections = standingCorrections(events);
  const everAnnulled = new Set(events.filter((e) => e.type === 'corrected' && e.annuls && e.correctsEventId).map((e) => e.correctsEventId));
  const recorded = events.filter((event) => event.type !== 'corrected').sort((a, b) => (later(a, b) ? 1 : -1));
  const from = recorded.findIndex((event) => everAnnulled.has(event.id));
  if (from < 0) return recorded.length ? { ok: true, status: recorded[recorded.length - 1].statusAfter as WeaponStatus } : { ok: false, reason: 'the record has no history' };
  if (from === 0 && corrections.get(recorded[0].id)?.annuls) return { ok: false, reason: 'the first event of a record cannot be annulled: it is how the record came to be' };
  const start = recorded.slice(0, Math.max(from, 1));
  let status = start[start.length - 1].statusAfter as WeaponStatus;
  // The statuses the events moved the weapon to, as replayed: where a weapon found may go back to.
  const statuses = start.filter((e) => movesStatus(e.type)).map((e) => e.statusAfter as WeaponStatus);
  const types = start.map((e) => e.type);
  for (const event of recorded.slice(start.length).filter((e) => !corrections.get(e.id)?.annuls)) {
    const next = newEventStatus(status, event.type, event.statusAfter as WeaponStatus, statuses, types);
    if (!next.ok) return { ok: false, reason: `the ${event.type.replace(/_/g, ' ')} event of ${event.occurredOn} (${event.id}) could not have been recorded: ${next.reason}` };
    status = next.status;
    if (movesStatus(event.type)) statuses.push(status);
    types.push(event.type);
  }
  return { ok: true, status };
}

function later(a: HistoryEvent, b: HistoryEvent): boolean {
  // Milliseconds, as JavaScript reads PostgreSQL's microseconds; the SQL that picks the same correction truncates alike.
  const at = (e: HistoryEvent) => new Date(e.recordedAt).getTime();
  return at(a) !== at(b) ? at(a) > at(b) : a.id > b.id;
}
