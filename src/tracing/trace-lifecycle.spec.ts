import { checkTransition, TraceAction, TRACE_RULES } from './trace-lifecycle';
import { TRACE_STATUSES, TraceDirection, TraceStatus } from './tracing.constants';

const officer = { id: 'officer-1', roles: ['officer' as const] };
const otherOfficer = { id: 'officer-2', roles: ['officer' as const] };
const npc = { id: 'npc-1', roles: ['npc' as const] };

const copy = (direction: TraceDirection, status: TraceStatus, answerOutcome: string | null = null) => ({ direction, status, createdBy: 'officer-1', answerOutcome });

describe('trace lifecycle', () => {
  it.each<[TraceAction, TraceDirection, TraceStatus, typeof npc | typeof officer]>([
    ['edit', 'outgoing', 'draft', officer],
    ['edit', 'outgoing', 'returned', officer],
    ['submit', 'outgoing', 'draft', officer],
    ['submit', 'outgoing', 'returned', officer],
    ['return', 'outgoing', 'submitted', npc],
    ['send', 'outgoing', 'submitted', npc],
    ['acknowledge', 'incoming', 'sent', npc],
    ['request_information', 'incoming', 'acknowledged', npc],
    ['provide_information', 'outgoing', 'information_requested', npc],
    ['provide_information', 'outgoing', 'information_requested', officer],
    ['answer', 'incoming', 'acknowledged', npc],
    ['answer', 'incoming', 'information_requested', npc],
    ['close', 'outgoing', 'answered', npc],
    ['close', 'outgoing', 'sent', npc],
    ['withdraw', 'outgoing', 'draft', officer],
    ['withdraw', 'outgoing', 'submitted', npc],
    ['withdraw', 'outgoing', 'returned', officer],
    ['follow_up', 'outgoing', 'answered', npc],
    ['follow_up', 'outgoing', 'closed', npc],
    ['record_acknowledgement', 'outgoing', 'sent', npc],
    ['record_answer', 'outgoing', 'sent', npc],
    ['record_answer', 'outgoing', 'acknowledged', npc],
  ])('allows %s on the %s copy when %s', (action, direction, status, actor) => {
    expect(checkTransition(action, copy(direction, status), actor)).toEqual({ ok: true });
  });

  it('allows every action from exactly the states of its rule, on its side only', () => {
    for (const [action, rule] of Object.entries(TRACE_RULES) as [TraceAction, (typeof TRACE_RULES)[TraceAction]][]) {
      const actor = rule.by.includes('creator') ? officer : npc;
      for (const status of TRACE_STATUSES) {
        for (const direction of ['outgoing', 'incoming'] as const) {
          const outcome = checkTransition(action, copy(direction, status, 'delayed'), actor);
          expect({ action, status, direction, ok: outcome.ok }).toEqual({ action, status, direction, ok: direction === rule.direction && rule.from.includes(status) });
        }
      }
    }
  });

  it('refuses the wrong person with a reason (forbidden), the wrong state as a conflict', () => {
    expect(checkTransition('send', copy('outgoing', 'submitted'), officer)).toEqual({ ok: false, forbidden: true, message: 'Only an npc can send a trace' });
    expect(checkTransition('submit', copy('outgoing', 'draft'), otherOfficer)).toMatchObject({ ok: false, forbidden: true });
    expect(checkTransition('send', copy('incoming', 'sent'), npc)).toMatchObject({ ok: false, forbidden: false, message: expect.stringContaining('requesting State') });
    expect(checkTransition('acknowledge', copy('incoming', 'acknowledged'), npc)).toEqual({ ok: false, forbidden: false, message: 'A trace that is acknowledged cannot be acknowledged' });
  });

  it('answers a delayed, partial or refused answer again (a supplement), never a full one', () => {
    for (const outcome of ['delayed', 'partial', 'refused']) {
      expect(checkTransition('answer', copy('incoming', 'answered', outcome), npc)).toEqual({ ok: true });
      expect(checkTransition('record_answer', copy('outgoing', 'answered', outcome), npc)).toEqual({ ok: true });
      // Closed before the answer or its supplement came: recorded all the same.
      expect(checkTransition('record_answer', copy('outgoing', 'closed', outcome), npc)).toEqual({ ok: true });
      // The requester closed it, and told the requested State: its copy takes no more answers.
      expect(checkTransition('answer', copy('incoming', 'closed', outcome), npc)).toEqual({ ok: false, forbidden: false, message: 'A trace that is closed cannot be answered' });
    }
    expect(checkTransition('answer', copy('incoming', 'answered', 'full'), npc)).toEqual({ ok: false, forbidden: false, message: 'A trace answered in full cannot be answered again' });
    expect(checkTransition('record_answer', copy('outgoing', 'answered', 'full'), npc)).toEqual({ ok: false, forbidden: false, message: 'A trace answered in full cannot be recorded as answered again' });
    expect(checkTransition('record_answer', copy('outgoing', 'closed'), npc)).toEqual({ ok: true });
    expect(checkTransition('record_answer', copy('outgoing', 'closed', 'full'), npc)).toMatchObject({ ok: false, forbidden: false });
  });

  it('names a recorded answer or acknowledgement in words when refusing it', () => {
    expect(checkTransition('record_answer', copy('outgoing', 'sent'), officer)).toEqual({ ok: false, forbidden: true, message: 'Only an npc can record the answer to a trace' });
    expect(checkTransition('record_acknowledgement', copy('incoming', 'sent'), npc)).toEqual({
      ok: false, forbidden: false, message: 'Only the requesting State can record the acknowledgement of a trace; this is the incoming copy',
    });
  });
});
