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
  recordedAt: string | Date;
}

/**
 * The correction that stands for each corrected event: the one recorded last (ties by id). A correction
 * always names an event that is not itself a correction, so there is no chain to follow.
 */
export function standingCorrections<T extends HistoryEvent>(events: readonly T[]): Map<string, T> {
  const standing = new Map<string, T>();
  for (const event of events) {
    if (event.type !== 'corrected' || !event.correctsEventId) continue;
    const previous = standing.get(event.correctsEventId);
    if (!previous || later(event, previous)) standing.set(event.correctsEventId, event);
  }
  return standing;
}

/**
 * The history as it stands: every event that is not a correction, with the facts of the correction that
 * stands for it (date, parties, licence and authorisation references, counterpart State), oldest first.
 * The history as recorded is kept whole; this is how it reads once corrected.
 */
export function standingHistory<T extends HistoryEvent>(events: readonly T[]): T[] {
  const corrections = standingCorrections(events);
  return events
    .filter((event) => event.type !== 'corrected')
    .map((event) => {
      const correction = corrections.get(event.id);
      if (!correction) return event;
      const facts = Object.fromEntries(CORRECTED_FACTS.map((fact) => [fact, correction[fact]]));
      return { ...event, ...facts };
    })
    .sort((a, b) => a.occurredOn.localeCompare(b.occurredOn));
}

function later(a: HistoryEvent, b: HistoryEvent): boolean {
  const at = (e: HistoryEvent) => new Date(e.recordedAt).getTime();
  return at(a) !== at(b) ? at(a) > at(b) : a.id > b.id;
}
