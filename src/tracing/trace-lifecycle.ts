import type { Role } from '../common/auth/auth-user';
import type { TraceDirection, TraceStatus } from './tracing.constants';

export type TraceAction =
  | 'edit' | 'submit' | 'return' | 'send' | 'acknowledge' | 'request_information' | 'provide_information' | 'answer' | 'close' | 'withdraw' | 'follow_up'
  | 'record_acknowledgement' | 'record_information_request' | 'record_answer';

interface Rule {
  /** Which copy the action is taken on: the requester's (outgoing) or the requested State's (incoming). */
  direction: TraceDirection;
  from: TraceStatus[];
  /** Who may take it. `creator`: the officer who opened the trace. */
  by: (Role | 'creator')[];
  to: TraceStatus | null;
}

/**
 * DESIGN.md §3: draft → submitted → sent (or returned) → acknowledged → (information_requested ⇄ acknowledged) → answered → closed;
 * the requested State may also answer from information_requested (without the information, never delayed).
 */
export const TRACE_RULES: Record<TraceAction, Rule> = {
  edit: { direction: 'outgoing', from: ['draft', 'returned'], by: ['creator'], to: null },
  submit: { direction: 'outgoing', from: ['draft', 'returned'], by: ['creator'], to: 'submitted' },
  return: { direction: 'outgoing', from: ['submitted'], by: ['npc'], to: 'returned' },
  send: { direction: 'outgoing', from: ['submitted'], by: ['npc'], to: 'sent' },
  acknowledge: { direction: 'incoming', from: ['sent'], by: ['npc'], to: 'acknowledged' },
  request_information: { direction: 'incoming', from: ['acknowledged'], by: ['npc'], to: 'information_requested' },
  provide_information: { direction: 'outgoing', from: ['information_requested'], by: ['npc', 'creator'], to: 'acknowledged' },
  // A delayed answer is followed by the real one; a partial or refused one may be followed by a supplement (the
  // investigation that held information back is over): only a full answer is final. A State waiting for
  // information it asked for may answer without it (in full, in part or refused, with its reasons; never
  // delayed): the requester may never reply.
  answer: { direction: 'incoming', from: ['acknowledged', 'information_requested', 'answered'], by: ['npc'], to: 'answered' },
  close: { direction: 'outgoing', from: ['sent', 'acknowledged', 'information_requested', 'answered'], by: ['npc'], to: 'closed' },
  // A request never sent (a draft given up, a follow-up to the wrong State) is closed as withdrawn: nothing goes to the other State.
  withdraw: { direction: 'outgoing', from: ['draft', 'submitted', 'returned'], by: ['creator', 'npc'], to: 'closed' },
  follow_up: { direction: 'outgoing', from: ['answered', 'closed'], by: ['npc'], to: null },
  // A requested State not hosted on this node acknowledges and answers outside the system (through INTERPOL, a
  // diplomatic note, a letter): the requester's NPC records what it received on its own copy.
  record_acknowledgement: { direction: 'outgoing', from: ['sent'], by: ['npc'], to: 'acknowledged' },
  // Its question too (a request received is acknowledged then, if no acknowledgement was recorded before): the
  // requester then owes the information, and the answer's deadline stops until it is given.
  record_information_request: { direction: 'outgoing', from: ['sent', 'acknowledged'], by: ['npc'], to: 'information_requested' },
  // An answer that comes after the requester closed the trace is kept all the same (as one delivered then is).
  record_answer: { direction: 'outgoing', from: ['sent', 'acknowledged', 'information_requested', 'answered', 'closed'], by: ['npc'], to: 'answered' },
};

export type TransitionCheck = { ok: true } | { ok: false; forbidden: boolean; message: string };

/** Whether `actor` may take `action` on a copy in `status`; the reason when not. */
export function checkTransition(
  action: TraceAction,
  copy: { direction: TraceDirection; status: TraceStatus; createdBy: string | null; answerOutcome?: string | null },
  actor: { id: string; roles: Role[] },
): TransitionCheck {
  const rule = TRACE_RULES[action];
  const label = VERBS[action] ?? action.replace('_', ' ');
  const allowed = rule.by.some((who) => (who === 'creator' ? copy.createdBy === actor.id : actor.roles.includes(who)));
  if (!allowed) {
    const who = rule.by.map((w) => (w === 'creator' ? 'the officer who opened the trace' : `an ${w}`)).join(' or ');
    return { ok: false, forbidden: true, message: `Only ${who} can ${label} a trace` };
  }
  if (copy.direction !== rule.direction) {
    const side = rule.direction === 'outgoing' ? 'requesting' : 'requested';
    return { ok: false, forbidden: false, message: `Only the ${side} State can ${label} a trace; this is the ${copy.direction} copy` };
  }
  const answering = action === 'answer' || action === 'record_answer';
  const answeredAlready = copy.status === 'answered' || (action === 'record_answer' && copy.status === 'closed' && copy.answerOutcome);
  if (answering && answeredAlready && copy.answerOutcome === 'full') {
    return { ok: false, forbidden: false, message: `A trace answered in full cannot be ${pastTense(action)} again` };
  }
  if (!rule.from.includes(copy.status)) {
    return { ok: false, forbidden: false, message: `A trace that is ${copy.status.replace('_', ' ')} cannot be ${pastTense(action)}` };
  }
  return { ok: true };
}

/** How a refusal names an action, where its name alone does not read as a verb. */
const VERBS: Partial<Record<TraceAction, string>> = {
  record_acknowledgement: 'record the acknowledgement of', record_information_request: 'record a request for information about', record_answer: 'record the answer to',
};

function pastTense(action: TraceAction): string {
  const words: Record<TraceAction, string> = {
    edit: 'edited', submit: 'submitted', return: 'returned', send: 'sent', acknowledge: 'acknowledged', request_information: 'asked for information',
    provide_information: 'given information', answer: 'answered', close: 'closed', withdraw: 'withdrawn', follow_up: 'followed up',
    record_acknowledgement: 'recorded as acknowledged', record_information_request: 'recorded as asking for information', record_answer: 'recorded as answered',
  };
  return words[action];
}
