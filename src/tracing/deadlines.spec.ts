import { TraceNote } from './entities/trace.entity';
import { pausedDue } from './tracing.service';

describe('the answer deadline once information asked for is given (ITI 17)', () => {
  const note = (kind: TraceNote['kind'], at: string): TraceNote => ({ kind, text: '', at, byState: 'BEL' });
  const due = new Date('2026-03-10T00:00:00Z');

  it('moves on by the time from the last question to the reply', () => {
    const copy = { answerDueAt: due, notes: [note('information_requested', '2026-03-01T00:00:00Z'), note('information_requested', '2026-03-02T00:00:00Z')] };
    expect(pausedDue(copy, note('information_provided', '2026-03-05T00:00:00Z'))).toEqual(new Date('2026-03-13T00:00:00Z'));
    expect(pausedDue({ answerDueAt: due, notes: [] }, note('information_provided', '2026-03-05T00:00:00Z'))).toEqual(due);
  });

  it('moves it by nothing when the question\'s time does not read, rather than giving an invalid date', () => {
    const copy = { answerDueAt: due, notes: [note('information_requested', '2026-02-30T25:61:00Z')] };
    expect(pausedDue(copy, note('information_provided', '2026-03-05T00:00:00Z'))).toEqual(due);
  });
});
