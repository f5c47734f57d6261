import { breaches, DEFAULT_RULE_POLICIES, judgeChange, MARKING_RULES, RuleId, RuleSubject } from './marking-rules';

const base: RuleSubject = { stateCode: 'FRA', status: 'civilian_held', craftOr3dPrinted: false, markings: [], eventTypes: ['manufactured'] };
const manufacture = { kind: 'manufacture' as const, manufacturer: 'FN Herstal', country: 'BEL', serial: 'AB1234' };
const rule = (id: RuleId) => MARKING_RULES.find((r) => r.id === id)!;

type Case = [string, Partial<RuleSubject>, boolean];

const cases: Record<RuleId, { applies: Case[]; satisfied: Case[] }> = {
  '8a': {
    applies: [
      ['a civilian weapon', {}, true],
      ['a seized weapon (ITI 9 instead)', { status: 'seized' }, false],
      ['a found weapon destroyed (ITI 9: marked and recorded, or destroyed)', { status: 'destroyed', eventTypes: ['found', 'destroyed'] }, false],
      ['a seized weapon taken into government stocks (8(d) instead)', { status: 'government_stock', eventTypes: ['seized', 'acquired_by_government'] }, false],
      ['a found weapon deactivated', { status: 'deactivated', eventTypes: ['found', 'deactivated'] }, false],
      ['a stolen weapon found and given back to its owner', { status: 'civilian_held', eventTypes: ['manufactured', 'stolen', 'found', 'transferred'] }, true],
      ['a weapon seized and given back to its holder', { status: 'civilian_held', eventTypes: ['manufactured', 'seized', 'transferred'] }, true],
      ['an imported weapon stolen from the evidence store after its seizure', { status: 'stolen', eventTypes: ['imported', 'seized', 'stolen'] }, true],
      ['a weapon found, then sold by the State (its manufacture marking is past anyone\'s making)', { status: 'civilian_held', eventTypes: ['found', 'acquired_by_government', 'transferred_to_civilian'] }, false],
      ['a craft weapon', { craftOr3dPrinted: true }, false],
    ],
    satisfied: [
      ['manufacturer + country + serial', { markings: [manufacture] }, true],
      ['symbols + code + country', { markings: [{ kind: 'manufacture', symbolCode: '☆7', country: 'CHN', serial: '56-1234' }] }, true],
      ['no serial', { markings: [{ ...manufacture, serial: '' }] }, false],
      ['no country', { markings: [{ ...manufacture, country: null }] }, false],
      ['neither manufacturer nor symbols', { markings: [{ ...manufacture, manufacturer: ' ' }] }, false],
      ['only an import marking', { markings: [{ kind: 'import', country: 'FRA', serial: 'X1' }] }, false],
    ],
  },
  '8b': {
    applies: [
      ['after an import', { eventTypes: ['manufactured', 'imported'] }, true],
      ['never imported', {}, false],
    ],
    satisfied: [
      ['import marking of the importing State + unique marking', { markings: [manufacture, { kind: 'import', country: 'FRA' }] }, true],
      ['import marking of another State', { markings: [manufacture, { kind: 'import', country: 'BEL' }] }, false],
      ['no unique marking, import marking without serial', { markings: [{ kind: 'import', country: 'FRA' }] }, false],
      ['import marking carries the unique serial', { markings: [{ kind: 'import', country: 'FRA', serial: 'FR-2026-1' }] }, true],
    ],
  },
  '8c': {
    applies: [
      ['after a transfer to civilian use', { eventTypes: ['manufactured', 'transferred_to_civilian'] }, true],
      ['no such transfer', {}, false],
    ],
    satisfied: [
      ['marking of the transferring State', { markings: [manufacture, { kind: 'state_to_civilian', country: 'FRA' }] }, true],
      ['marking of another State', { markings: [manufacture, { kind: 'state_to_civilian', country: 'BEL' }] }, false],
    ],
  },
  '8d': {
    applies: [
      ['in service', { status: 'in_service' }, true],
      ['in government stock', { status: 'government_stock' }, true],
      ['civilian', {}, false],
    ],
    satisfied: [
      ['a manufacture serial', { markings: [manufacture] }, true],
      ['a government marking with its serial', { markings: [{ kind: 'government', country: 'FRA', serial: 'FR-ARMY-0042' }] }, true],
      ['a government marking without a serial', { markings: [{ kind: 'government', country: 'FRA' }] }, false],
      ['the State\'s ITI 9 marking of a weapon seized, with its number', { markings: [{ kind: 'seizure', country: 'FRA', serial: 'FRA24-0001' }] }, true],
      ['only a proof mark', { markings: [{ kind: 'proof' }] }, false],
      ['what was read of the manufacture marking of a weapon seized with its serial obliterated', { serialObliterated: true, eventTypes: ['seized', 'acquired_by_government'], markings: [manufacture] }, false],
      ['the manufacture marking of a weapon of its own whose serial was recorded obliterated later', { serialObliterated: true, eventTypes: ['manufactured'], markings: [manufacture] }, true],
    ],
  },
  '9': {
    applies: [
      ['seized', { status: 'seized' }, true],
      ['found', { status: 'found' }, true],
      ['destroyed', { status: 'destroyed' }, false],
      ['deactivated as found', { status: 'deactivated', eventTypes: ['found', 'deactivated'], deactivatedFrom: 'found' }, true],
      ['deactivated as seized', { status: 'deactivated', eventTypes: ['seized', 'deactivated'], deactivatedFrom: 'seized' }, true],
      ['deactivated, its status before unknown', { status: 'deactivated', eventTypes: ['deactivated'], deactivatedFrom: null }, false],
      ['deactivated after it went back to its owner', { status: 'deactivated', eventTypes: ['manufactured', 'seized', 'transferred', 'deactivated'], deactivatedFrom: 'civilian_held' }, false],
    ],
    satisfied: [
      ['a seizure marking with a number', { markings: [{ kind: 'seizure', serial: 'SZ-1' }] }, true],
      ['a seizure marking without a number', { markings: [{ kind: 'seizure', serial: ' ' }] }, false],
      ['a government marking with its serial', { markings: [{ kind: 'government', country: 'FRA', serial: 'FR-ARMY-0042' }] }, true],
      ['its manufacture serial', { markings: [manufacture] }, true],
      ['nothing', {}, false],
      ['a serial partly read (? for a character that could not be read)', { markings: [{ ...manufacture, serial: 'AB?234' }] }, false],
      ['a serial of which a run could not be read (*)', { markings: [{ kind: 'seizure', serial: 'SZ-*' }] }, false],
      ['what was read of the manufacture marking of a weapon whose serial is obliterated', { serialObliterated: true, markings: [manufacture] }, false],
      ['the State\'s seizure marking of a weapon whose serial is obliterated', { serialObliterated: true, markings: [manufacture, { kind: 'seizure', serial: 'SZ-2' }] }, true],
      ['an import marking with its serial, the manufacture serial obliterated', { serialObliterated: true, markings: [{ kind: 'import', country: 'FRA', serial: 'X1' }] }, true],
      ['a serial typed with a full-width question mark (NFKC: ?)', { markings: [{ ...manufacture, serial: 'AB\uFF1F234' }] }, false],
    ],
  },
};

describe.each(Object.keys(cases) as RuleId[])('rule %s', (id) => {
  it('names its ITI paragraph in its code and message', () => {
    expect(rule(id).message).toContain(rule(id).paragraph);
    expect(rule(id).code).toMatch(new RegExp(`^ITI_${id.toUpperCase()}_`));
  });
  it.each(cases[id].applies)('applies to %s: %s', (_label, subject, expected) => {
    expect(rule(id).applies({ ...base, ...subject })).toBe(expected);
  });
  it.each(cases[id].satisfied)('is satisfied by %s: %s', (_label, subject, expected) => {
    expect(rule(id).satisfied({ ...base, ...subject })).toBe(expected);
  });
});

describe('judgeChange', () => {
  it('refuses a new record that breaches 8(a) and flags one that breaches 8(d), by default', () => {
    expect(judgeChange(null, base, DEFAULT_RULE_POLICIES).refused.map((r) => r.id)).toEqual(['8a']);
    const outcome = judgeChange(null, { ...base, status: 'in_service', markings: [{ kind: 'proof' }], craftOr3dPrinted: true }, DEFAULT_RULE_POLICIES);
    expect(outcome).toMatchObject({ refused: [], incomplete: [{ id: '8d' }] });
  });

  it('follows the State\'s policy', () => {
    const outcome = judgeChange(null, base, { ...DEFAULT_RULE_POLICIES, '8a': 'flag' });
    expect(outcome.refused).toEqual([]);
    expect(outcome.incomplete.map((r) => r.id)).toEqual(['8a']);
  });

  describe('ITI 8(a) of a weapon imported without its manufacture marking (the importing State answers for 8(b) only)', () => {
    const importMarking = { kind: 'import' as const, country: 'FRA', serial: 'FR-2026-1' };
    const imported: RuleSubject = { ...base, eventTypes: ['imported'], markings: [importMarking] };
    it.each<[string, Partial<RuleSubject>, RuleId[], RuleId[]]>([
      ['marked at import with its unique serial: flagged, not refused', {}, [], ['8a']],
      ['marked at import, its manufacture marking without a country: flagged', { markings: [{ ...manufacture, country: null }, { kind: 'import', country: 'FRA' }] }, [], ['8a']],
      ['not marked at import: refused under 8(b), flagged under 8(a)', { markings: [] }, ['8b'], ['8a']],
      ['marked at import by another State: refused under 8(b), flagged under 8(a)', { markings: [{ ...importMarking, country: 'BEL' }] }, ['8b'], ['8a']],
      ['made here, exported and imported again: refused (the State made it)', { eventTypes: ['manufactured', 'exported', 'imported'] }, ['8a'], []],
    ])('%s', (_label, subject, refused, incomplete) => {
      const outcome = judgeChange(null, { ...imported, ...subject }, DEFAULT_RULE_POLICIES);
      expect(outcome.refused.map((r) => r.id)).toEqual(refused);
      expect(outcome.incomplete.map((r) => r.id)).toEqual(incomplete);
    });
    it('is flagged under a flag policy too, and whatever 8(b)\'s policy', () => {
      expect(judgeChange(null, imported, { ...DEFAULT_RULE_POLICIES, '8a': 'flag' })).toMatchObject({ refused: [], incomplete: [{ id: '8a' }] });
      const unmarked = judgeChange(null, { ...imported, markings: [] }, { ...DEFAULT_RULE_POLICIES, '8b': 'flag' });
      expect(unmarked).toMatchObject({ refused: [], incomplete: [{ id: '8a' }, { id: '8b' }] });
    });
  });

  it('asks nothing of an antique (ITI 4: outside the instrument), whatever it bears and wherever it is', () => {
    const subjects: RuleSubject[] = [
      { ...base, eventTypes: ['imported'] },
      { ...base, status: 'government_stock', eventTypes: ['acquired_by_government'] },
      { ...base, status: 'found', eventTypes: ['found'] },
      { ...base, eventTypes: ['manufactured', 'transferred_to_civilian'] },
    ];
    for (const subject of subjects) {
      expect(breaches(subject).length).toBeGreaterThan(0);
      expect(breaches({ ...subject, antique: true })).toEqual([]);
      expect(judgeChange(null, { ...subject, antique: true }, DEFAULT_RULE_POLICIES)).toEqual({ refused: [], incomplete: [] });
    }
  });

  describe('ITI 8(b) of a temporary import for a verifiable lawful purpose (exempt)', () => {
    const visiting: RuleSubject = { ...base, eventTypes: ['imported_temporarily'], markings: [manufacture] };
    it.each<[string, Partial<RuleSubject>, RuleId[], RuleId[]]>([
      ['with its manufacture marking and no import marking: accepted', {}, [], []],
      ['without any marking: 8(a) flagged (another State made it), 8(b) not asked', { markings: [] }, [], ['8a']],
      ['imported for good afterwards without an import marking: refused under 8(b)', { eventTypes: ['imported_temporarily', 'imported'] }, ['8b'], []],
      ['imported for good with its import marking: accepted', { eventTypes: ['imported_temporarily', 'imported'], markings: [manufacture, { kind: 'import', country: 'FRA' }] }, [], []],
    ])('%s', (_label, subject, refused, incomplete) => {
      const outcome = judgeChange(null, { ...visiting, ...subject }, DEFAULT_RULE_POLICIES);
      expect(outcome.refused.map((r) => r.id)).toEqual(refused);
      expect(outcome.incomplete.map((r) => r.id)).toEqual(incomplete);
    });
  });

  it('records a weapon made here given back after a seizure whatever it bears: 8(a) judged again, flagged, never refused', () => {
    const seized: RuleSubject = { ...base, status: 'seized', eventTypes: ['manufactured', 'seized'] };
    const returned: RuleSubject = { ...seized, status: 'civilian_held', eventTypes: ['manufactured', 'seized', 'transferred'] };
    expect(judgeChange(seized, returned, DEFAULT_RULE_POLICIES)).toMatchObject({ refused: [], incomplete: [{ id: '8a' }] });
    expect(judgeChange(seized, { ...returned, markings: [manufacture] }, DEFAULT_RULE_POLICIES)).toEqual({ refused: [], incomplete: [] });
  });

  it('does not refuse a change for a breach the record already had, only for one it introduces', () => {
    const seized = { ...base, status: 'seized' as const, eventTypes: ['seized' as const] };
    const refuse9 = { ...DEFAULT_RULE_POLICIES, '9': 'refuse' as const };
    expect(judgeChange(null, seized, refuse9).refused.map((r) => r.id)).toEqual(['9']);
    expect(judgeChange(seized, seized, refuse9)).toMatchObject({ refused: [], incomplete: [{ id: '9' }] });
    expect(judgeChange(seized, { ...seized, markings: [{ kind: 'seizure', serial: 'SZ-9' }] }, refuse9)).toEqual({ refused: [], incomplete: [] });
    // A record flagged under one rule is still refused a change that breaches another.
    const stocked = { ...base, status: 'government_stock' as const, craftOr3dPrinted: true };
    expect(judgeChange(stocked, { ...stocked, eventTypes: ['manufactured', 'imported'] }, { ...DEFAULT_RULE_POLICIES, '8d': 'refuse' }))
      .toMatchObject({ refused: [{ id: '8b' }], incomplete: [{ id: '8d' }] });
    const flagged = { ...base, status: 'government_stock' as const, craftOr3dPrinted: true };
    expect(judgeChange(flagged, flagged, { ...DEFAULT_RULE_POLICIES, '8d': 'refuse' }).refused).toEqual([]);
  });
});
