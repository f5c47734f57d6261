import { EventType, IMPORT_EVENTS, MarkingKind, WeaponStatus } from './registry.constants';
import { normaliseSerial } from './serial';

export type RuleId = '8a' | '8b' | '8c' | '8d' | '9';
export type RulePolicy = 'refuse' | 'flag';

/** What the rules look at: the weapon as it would be after the change. */
export interface RuleSubject {
  /** The State keeping the record (the importing, transferring or holding State). */
  stateCode: string;
  status: WeaponStatus;
  craftOr3dPrinted: boolean;
  /** ITI 4: an antique (or a replica of one) is outside the instrument: no rule applies to it. */
  antique?: boolean;
  markings: { kind: MarkingKind; manufacturer?: string | null; country?: string | null; serial?: string | null; symbolCode?: string | null }[];
  /** Types of every event in the history, the new one included. */
  eventTypes: EventType[];
  /** For a deactivated weapon: its status just before the deactivation. */
  deactivatedFrom?: WeaponStatus | null;
  /** Its serial is obliterated: what can be read of its manufacture marking does not tell a weapon seized or found apart (ITI 9 asks the State's marking). */
  serialObliterated?: boolean;
}

export interface MarkingRule {
  id: RuleId;
  code: string;
  paragraph: string;
  message: string;
  applies(subject: RuleSubject): boolean;
  satisfied(subject: RuleSubject): boolean;
  /**
   * Whether a breach is the keeping State's own to answer for (by default, always). One it is not is
   * accepted and flagged whatever the State's policy.
   */
  answerable?(subject: RuleSubject): boolean;
  /** The records `answerable` excuses, in words (the national report says which breaches are only flagged). */
  excused?: string;
}

const HELD_BY_GOVERNMENT: WeaponStatus[] = ['in_service', 'government_stock'];
const ILLICIT_FOUND: WeaponStatus[] = ['seized', 'found'];
const ILLICIT_FOUND_EVENTS: EventType[] = ['seized', 'found'];
/** Where a weapon once seized or found stays out of 8(a): destroyed, deactivated, or in the State's hands (8(d) then asks for its marking). */
const ENDED_AFTER_SEIZURE: WeaponStatus[] = ['destroyed', 'deactivated', 'in_service', 'government_stock'];
/** Events by which a weapon came into the registry lawfully, its 8(a) marking judged then. */
const LAWFUL_ORIGINS: readonly EventType[] = ['manufactured', ...IMPORT_EVENTS];
const hasText = (value: string | null | undefined) => typeof value === 'string' && value.trim().length > 0;
const onceSeizedOrFound = (subject: RuleSubject) => subject.eventTypes.some((type) => ILLICIT_FOUND_EVENTS.includes(type));
/** A serial read whole: one with characters that could not be read (`?`, `*`, as it reads once normalised) tells no weapon apart. */
export const legibleSerial = (serial: string | null | undefined) => hasText(serial) && !/[?*]/.test(normaliseSerial(serial!));
/** The markings that tell apart a weapon whose serial is obliterated: all but what was read of its manufacture marking. */
const THE_STATES_MARKINGS: readonly MarkingKind[] = ['import', 'government', 'seizure'];
/** A marking that tells the weapon apart: a serial read whole in a marking of manufacture, of import, of the State's forces, or of a seizure (ITI 9). */
const uniqueMarking = (subject: RuleSubject, kinds: readonly MarkingKind[] = ['manufacture', 'import', 'government', 'seizure']) =>
  subject.markings.some((m) => kinds.includes(m.kind) && legibleSerial(m.serial));

/** The ITI's marking rules, each with its paragraph (A/60/88, annex). */
export const MARKING_RULES: MarkingRule[] = [
  {
    id: '8a',
    code: 'ITI_8A_MANUFACTURE_MARKING',
    paragraph: 'ITI 8(a)',
    message:
      'ITI 8(a): a manufacture marking needs the manufacturer, the country of manufacture and a serial number, ' +
      'or an alternative unique marking (simple symbols with an alphanumeric code) that identifies the country of manufacture',
    // Weapons found or seized, and craft or 3D-printed ones, are recorded whatever they bear (ITI 9), and
    // stay so once destroyed, deactivated or taken into the State's stocks (where 8(d) asks for its marking).
    // One that came into the registry lawfully (made or imported here) and left the State's hands again (a
    // stolen pistol returned to its owner) is judged again, as it was before; one that came in seized or
    // found never is: its manufacture marking is past anyone's making.
    applies: (s) =>
      !s.craftOr3dPrinted && !ILLICIT_FOUND.includes(s.status)
      && !(onceSeizedOrFound(s) && (ENDED_AFTER_SEIZURE.includes(s.status) || !s.eventTypes.some((type) => LAWFUL_ORIGINS.includes(type)))),
    satisfied: (s) =>
      s.markings.some(
        (m) => m.kind === 'manufacture' && hasText(m.serial) && hasText(m.country) && (hasText(m.manufacturer) || hasText(m.symbolCode)),
      ),
    // A weapon imported (for good or temporarily), and not made here, was marked at manufacture (or not) by
    // another State: the importing State answers for its marking at import (8(b), of which a temporary import
    // is exempt), not for that one. Nor is
    // giving back a weapon once seized or found refused for the marking it came with: the return is recorded,
    // its breach flagged.
    answerable: (s) => !(s.eventTypes.some((type) => IMPORT_EVENTS.includes(type)) && !s.eventTypes.includes('manufactured')) && !onceSeizedOrFound(s),
    excused: 'a weapon imported and not made in the State, or one that left the State\'s hands after a seizure or a finding',
  },
  {
    id: '8b',
    code: 'ITI_8B_IMPORT_MARKING',
    paragraph: 'ITI 8(b)',
    message:
      'ITI 8(b): an imported weapon needs an import marking that identifies the importing State (and, where possible, the year), ' +
      'and a unique marking if it bears none',
    // "The requirements of this subparagraph need not be applied to temporary imports of small arms and light
    // weapons for verifiable lawful purposes": a weapon imported temporarily is not judged, until an import for
    // good (it stays) makes the rule apply.
    applies: (s) => s.eventTypes.includes('imported'),
    satisfied: (s) => s.markings.some((m) => m.kind === 'import' && m.country === s.stateCode) && uniqueMarking(s),
  },
  {
    id: '8c',
    code: 'ITI_8C_TRANSFER_MARKING',
    paragraph: 'ITI 8(c)',
    message: 'ITI 8(c): a weapon transferred from government stocks to permanent civilian use needs a marking that identifies the transferring State',
    applies: (s) => s.eventTypes.includes('transferred_to_civilian'),
    satisfied: (s) => s.markings.some((m) => m.kind === 'state_to_civilian' && m.country === s.stateCode),
  },
  {
    id: '8d',
    code: 'ITI_8D_GOVERNMENT_MARKING',
    paragraph: 'ITI 8(d)',
    message: 'ITI 8(d): a weapon held by government armed and security forces must be duly marked',
    applies: (s) => HELD_BY_GOVERNMENT.includes(s.status),
    // One that came into the State's hands seized or found with its serial obliterated is marked by the State
    // (ITI 9, asked again here): what was read of its manufacture marking does not tell it apart.
    satisfied: (s) => uniqueMarking(s, s.serialObliterated && onceSeizedOrFound(s) ? THE_STATES_MARKINGS : undefined),
  },
  {
    id: '9',
    code: 'ITI_9_SEIZED_OR_FOUND_MARKING',
    paragraph: 'ITI 9',
    message: 'ITI 9: an illicit weapon found or seized is to be uniquely marked and recorded, or destroyed, as soon as possible',
    // Deactivating it is neither marking nor destroying it: the rule goes on applying to one deactivated as seized or found.
    applies: (s) => ILLICIT_FOUND.includes(s.status) || (s.status === 'deactivated' && ILLICIT_FOUND.includes(s.deactivatedFrom ?? 'deactivated')),
    // Its serial obliterated, what was read of its manufacture marking does not tell it apart: the State marks it.
    satisfied: (s) => uniqueMarking(s, s.serialObliterated ? THE_STATES_MARKINGS : undefined),
  },
];

/**
 * Default policy: refuse breaches of 8(a) and 8(b), accept the rest and flag the record incomplete. A breach
 * the State is not answerable for (8(a) of a weapon it imported and did not make) is flagged under either.
 */
export const DEFAULT_RULE_POLICIES: Record<RuleId, RulePolicy> = { '8a': 'refuse', '8b': 'refuse', '8c': 'flag', '8d': 'flag', '9': 'flag' };

export function breaches(subject: RuleSubject): MarkingRule[] {
  if (subject.antique) return [];
  return MARKING_RULES.filter((rule) => rule.applies(subject) && !rule.satisfied(subject));
}

export interface RuleOutcome {
  /** Breaches the change introduces under a `refuse` policy: the change is refused. */
  refused: MarkingRule[];
  /** Every breach of the weapon after the change that is accepted: the record is incomplete. */
  incomplete: MarkingRule[];
}

/**
 * Judges a change: `before` is null for a new record. Only breaches the change introduces, and that the
 * State is answerable for, can refuse it.
 */
export function judgeChange(before: RuleSubject | null, after: RuleSubject, policies: Record<RuleId, RulePolicy>): RuleOutcome {
  const previous = new Set(before ? breaches(before).map((r) => r.id) : []);
  const current = breaches(after);
  const refused = current.filter((rule) => policies[rule.id] === 'refuse' && !previous.has(rule.id) && (rule.answerable?.(after) ?? true));
  return { refused, incomplete: current.filter((rule) => !refused.includes(rule)) };
}
