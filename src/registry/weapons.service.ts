import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuthUser, Role } from '../common/auth/auth-user';
import { AuditTrail } from '../audit/audit-trail';
import { Clock } from '../common/clock';
import { ConflictError, fieldError, ForbiddenError, NotFoundError, ValidationFailedError } from '../common/errors/app-error';
import { mapPage, Page, PageQueryDto } from '../common/http/pagination';
import { DescriptionChanges, EventParty, RecordEventEntity } from '../records/entities/record-event.entity';
import { RecordEventsRepository } from '../records/record-events.repository';
import { roleOf } from '../records/legal-holder';
import { RetentionPolicy } from '../records/retention';
import { afterDestruction, datedBeforeEarlier, firstRecorded, standingCorrections, standingHistory, standingStatus, statusBeforeDeactivation } from '../records/corrections';
import { GIVEN_STATUSES, movesStatus, newEventStatus, TRANSITIONS } from '../records/status-machine';
import { ReferenceMatcher, ReferenceService } from '../reference/reference.service';
import { StatesService } from '../states/states.service';
import { ClosedCustodianDto } from './dto/markings.dto';
import {
  CorrectedReference, CustodyTransferDto, DESCRIPTION_FIELDS, DescriptionField, DescriptionInput, ListWeaponsQueryDto, MarkingInputDto, RecordEventDto, RegisterWeaponDto,
} from './dto/weapon.dto';
import { RegistrySettingsDto, SearchResultDto, SearchWeaponsDto, UpdateRegistrySettingsDto } from './dto/search.dto';
import { WeaponDto, WeaponSummaryDto } from './dto/weapon.response.dto';
import { MarkingEntity } from './entities/marking.entity';
import { WeaponEntity } from './entities/weapon.entity';
import { DEFAULT_RULE_POLICIES, judgeChange, RuleId, RulePolicy, RuleSubject } from './marking-rules';
import { EARLIEST_YEAR, EventType, IMPORT_EVENTS, LAST_ANTIQUE_YEAR, WeaponStatus } from './registry.constants';
import { CustodianClosedError, EventNotAllowedError, MarkingRuleBreachError, RetentionActiveError, WeaponNotFoundError } from './registry.errors';
import { holdsSerialCharacter, narrowsSearch, normaliseSerial, parseSerialQuery } from './serial';
import { WeaponFilters, WeaponsRepository } from './weapons.repository';

/** Officers record what they seize or find, and mark it (ITI 9); registrars keep everything else. */
const OFFICER_EVENTS: EventType[] = ['seized', 'found', 'marked'];
const OFFICER_STATUSES: WeaponStatus[] = ['seized', 'found'];
const SEARCH_CANDIDATES = 500;
/** The first events whose status follows from them, whatever is given (imports.repository.ts reads them the same way). */
const ORIGIN_STATUS: Partial<Record<string, WeaponStatus>> = { acquired_by_government: 'government_stock', seized: 'seized', found: 'found' };

/** Events that name both another State and a licence, and why. */
const EVENT_PAPERS: Partial<Record<EventType, string>> = {
  exported: 'an export names the destination State and the export licence',
  imported_temporarily: 'a temporary import names the State of origin and the licence or permit of its lawful purpose',
};

@Injectable()
export class WeaponsService {
  constructor(
    private readonly weapons: WeaponsRepository,
    private readonly events: RecordEventsRepository,
    private readonly retention: RetentionPolicy,
    private readonly reference: ReferenceService,
    private readonly states: StatesService,
    private readonly clock: Clock,
    private readonly trail: AuditTrail,
  ) {}

  /** Registers a weapon with its markings and its first event, judged against the ITI marking rules. */
  async register(actor: AuthUser, input: RegisterWeaponDto): Promise<WeaponDto> {
    this.assertMayRecord(actor, input.origin);
    // Which weapons are antiques is national law's to say, and the registrar's to apply: an officer's seizure is judged by the rules.
    if (input.antique && !actor.roles.includes('registrar')) {
      throw new ForbiddenError('ROLE_REQUIRED', 'Recording a weapon as an antique (ITI 4: outside the instrument, as national law defines antiques) needs the registrar role');
    }
    assertSerialsFit(input.serial, input.markings ?? []);
    if (input.yearOfManufacture !== undefined && input.yearOfManufacture !== null && input.yearOfManufacture > Number(input.occurredOn.slice(0, 4))) {
      throw fieldError('yearOfManufacture', `yearOfManufacture ${input.yearOfManufacture} is after the first event (${input.origin.replace(/_/g, ' ')} on ${input.occurredOn})`);
    }
    await this.assertKnownStates({ countryOfManufacture: input.countryOfManufacture, counterpartState: input.counterpartState }, input.markings ?? [], input.parties ?? []);
    this.assertEventDetails(actor.stateCode, input.origin, input);
    await this.assertCustodianOpen(actor.stateCode, input.custodian);
    const { columns, manufacturerCountry } = describeGiven(await this.reference.matcher(actor.stateCode), input, []);
    // What is not given is not recorded; the country of manufacture defaults to the manufacturer's.
    const described = Object.assign({
      manufacturerCode: null, manufacturerText: null, model: null, calibreCode: null, calibreText: null, serialAsMarked: null, serialNormalised: null,
      countryOfManufacture: manufacturerCountry, yearOfManufacture: null, craftOr3dPrinted: false, antique: false, modular: false, serialObliterated: false,
    }, columns) as Described;
    assertAntique(described.antique, described.yearOfManufacture, 'antique');
    const status = this.originStatus(input);
    const markings = input.markings ?? [];
    const subject: RuleSubject = {
      stateCode: actor.stateCode,
      status,
      craftOr3dPrinted: input.craftOr3dPrinted ?? false,
      antique: described.antique,
      markings,
      eventTypes: [input.origin],
      serialObliterated: described.serialObliterated,
    };
    const outcome = judgeChange(null, subject, await this.policies(actor.stateCode));
    if (outcome.refused.length > 0) throw new MarkingRuleBreachError(outcome.refused);

    const weapon = await this.weapons.insert({
      stateCode: actor.stateCode,
      ...described,
      status,
      holder: input.holder || null, // blank is no holder, as the import reads an empty column
      custodian: input.custodian ?? null,
      incomplete: outcome.incomplete.map((r) => r.code),
      createdBy: actor.id,
    });
    await this.weapons.insertMarkings(markings.map((m) => this.toMarking(actor.stateCode, weapon.id, m)));
    await this.events.insert(this.toEvent(actor, weapon.id, input.origin, input, status));
    return this.get(actor, weapon.id);
  }

  async get(actor: AuthUser, id: string): Promise<WeaponDto> {
    const [weapon] = await this.getMany(actor, [id]);
    if (!weapon) throw new WeaponNotFoundError();
    return weapon;
  }

  /** Several weapons of the actor's registry with their markings and histories, in three queries; unknown ids are left out. */
  async getMany(actor: AuthUser, ids: string[]): Promise<WeaponDto[]> {
    const weapons = await this.weapons.findByIds(actor.stateCode, ids);
    const markings = await this.weapons.markingsOfMany(actor.stateCode, ids);
    const events = await this.events.historiesOf(actor.stateCode, ids);
    const byId = new Map(weapons.map((w) => [w.id, w]));
    return ids.flatMap((id) => {
      const weapon = byId.get(id);
      if (!weapon) return [];
      return [WeaponDto.full(weapon, markings.filter((m) => m.weaponId === id), events.filter((e) => e.weaponId === id), readsHoldReasons(actor))];
    });
  }

  async list(actor: AuthUser, query: ListWeaponsQueryDto): Promise<Page<WeaponSummaryDto>> {
    const matcher = query.manufacturer || query.calibre ? await this.reference.matcher(actor.stateCode) : null;
    const { filters } = this.filtersOf({ ...query, status: query.status ? [query.status] : undefined }, matcher);
    return mapPage(await this.weapons.list(actor.stateCode, filters, query), (w) => WeaponSummaryDto.from(w, readsHoldReasons(actor)));
  }

  async addMarkings(actor: AuthUser, id: string, markings: MarkingInputDto[]): Promise<WeaponDto> {
    assertSerialsFit(undefined, markings);
    await this.assertKnownStates({}, markings);
    return this.change(actor, id, { markings });
  }

  /** Appends an event to the history; the status follows through the state machine. */
  async recordEvent(actor: AuthUser, id: string, input: RecordEventDto): Promise<WeaponDto> {
    this.assertMayRecord(actor, input.type);
    assertSerialsFit(undefined, input.markings ?? []);
    assertSerialsFit(input.description?.serial, [], 'description.serial');
    if (input.type !== 'corrected' && input.correctsEventId) throw fieldError('correctsEventId', 'only a corrected event names an event it corrects');
    if (input.type !== 'corrected' && input.annuls !== undefined) throw fieldError('annuls', 'only a corrected event annuls an event');
    if (input.type !== 'corrected' && input.description) throw fieldError('description', 'only a corrected event corrects the description');
    if (input.type !== 'corrected' && input.withdrawsMarkings) throw fieldError('withdrawsMarkings', 'only a corrected event withdraws markings');
    const given = GIVEN_STATUSES[input.type];
    if (given && TRANSITIONS[input.type].from.length > 0 && (!input.statusAfter || !given.includes(input.statusAfter))) {
      throw fieldError('statusAfter', `${input.type.replace(/_/g, ' ')} needs the status afterwards: one of ${given.join(', ')}`);
    }
    if (!given && input.statusAfter !== undefined) {
      const to = TRANSITIONS[input.type].to;
      throw fieldError('statusAfter', `${input.type.replace(/_/g, ' ')} sets the status itself (${to && to !== 'given' ? to.replace(/_/g, ' ') : 'it keeps the one the record has'}): leave statusAfter out`);
    }
    if (input.type === 'custody_transferred' && !input.custodian) throw fieldError('custodian', 'a custody transfer names the new custodian of the records');
    // The record's custodian and the history's say the same: a trace's chain reads the party named custodian.
    for (const party of input.type === 'custody_transferred' ? (input.parties ?? []).filter((p) => roleOf(p) === 'custodian') : []) {
      if (!(await this.weapons.sameCustodian(party.name, input.custodian!))) {
        throw fieldError('parties', `the party named custodian is the new custodian given (${input.custodian}), not ${party.name}: leave it out, or name it so`);
      }
    }
    if (input.type !== 'custody_transferred' && input.type !== 'corrected' && input.custodian !== undefined) {
      throw fieldError('custodian', 'only a custody transfer names a custodian');
    }
    if (input.description && input.annuls) throw fieldError('description', 'a correction that annuls an event does not restate it: correct the description with another correction');
    if (input.description && DESCRIPTION_FIELDS.every((field) => input.description![field] === undefined)) {
      throw fieldError('description', `description names at least one field to correct: ${DESCRIPTION_FIELDS.join(', ')}`);
    }
    // A correction may move the day a record came into a company's custody: not while the company closes (transferCustody).
    if (input.type === 'corrected') await this.weapons.lockCustody(actor.stateCode, 'shared');
    const corrected = input.type === 'corrected' ? await this.correctedEvent(actor, id, input) : null;
    if (corrected && input.custodian !== undefined) throw fieldError('custodian', 'the custodian changes with a custody transfer, not with a correction');
    if (corrected?.type === 'custody_transferred' && input.annuls) {
      throw fieldError('annuls', 'a custody transfer is not annulled: the records pass back with another custody transfer');
    }
    // Markings are read off the weapon and stay on the record: annulling the event that added them would not take them away.
    if (corrected?.type === 'marked' && input.annuls) throw fieldError('annuls', 'a marked event is not annulled: its markings were read off the weapon and stay on the record');
    if (input.clears?.length) {
      if (input.type !== 'corrected' || input.annuls) throw fieldError('clears', 'only a correction that restates an event clears some of its facts');
      const both = input.clears.filter((fact) => input[fact] !== undefined);
      if (both.length) throw fieldError('clears', `${both.join(', ')} cannot be both given and cleared`);
    }
    // A correction is checked once it carries the facts it does not give (under the weapon's lock, in change()).
    if (!corrected) this.assertEventDetails(actor.stateCode, input.type, input);
    if (input.type === 'custody_transferred') await this.assertCustodianOpen(actor.stateCode, input.custodian);
    await this.assertKnownStates({ counterpartState: input.counterpartState, 'description.countryOfManufacture': input.description?.countryOfManufacture }, input.markings ?? [], input.parties ?? []);
    return this.change(actor, id, { event: input, markings: input.markings ?? [], corrects: corrected ?? undefined });
  }

  /** The event a correction restates: one of this weapon's, and not itself a correction (the last correction of an event stands). */
  private async correctedEvent(actor: AuthUser, weaponId: string, input: RecordEventDto): Promise<RecordEventEntity> {
    if (!input.correctsEventId) throw fieldError('correctsEventId', 'a correction names the event it corrects (correctsEventId)');
    const corrected = await this.events.find(actor.stateCode, weaponId, input.correctsEventId);
    if (!corrected) throw new NotFoundError('Corrected event', 'EVENT_NOT_FOUND');
    if (corrected.type === 'corrected') {
      throw fieldError('correctsEventId', `event ${corrected.id} is itself a correction: correct event ${corrected.correctsEventId} again (its last correction stands)`);
    }
    return corrected;
  }

  /** Deletes a record whose retention has passed, when purging is enabled on this node (ITI 12). */
  async purge(actor: AuthUser, id: string): Promise<void> {
    const weapon = await this.weapons.findByIdForUpdate(actor.stateCode, id);
    if (!weapon) throw new WeaponNotFoundError();
    if (weapon.legalHolds.length > 0) {
      const reasons = weapon.legalHolds.map((hold) => hold.reason);
      throw new ConflictError('LEGAL_HOLD', `The record is under ${reasons.length === 1 ? 'a legal hold' : `${reasons.length} legal holds`}: ${reasons.join('; ')}`, { legalHolds: weapon.legalHolds });
    }
    // A record that a trace sent to another State and not closed was made from is evidence in that exchange
    // (a trace being made from it locks it meanwhile).
    const traceId = await this.weapons.openTraceOf(actor.stateCode, id);
    if (traceId) throw new ConflictError('TRACE_OPEN', `Trace ${traceId}, made from this record and sent, is not closed`, { traceId });
    const retainUntil = await this.events.retainUntil(actor.stateCode, id);
    if (retainUntil !== null && retainUntil > this.today()) throw new RetentionActiveError(retainUntil, this.retention.purgeEnabled);
    if (!this.retention.purgeEnabled) throw new ConflictError('PURGE_DISABLED', 'Purging expired records is disabled on this node (RETENTION_PURGE_ENABLED)');
    if (!(await this.events.deleteHistory(actor.stateCode, id))) throw new RetentionActiveError(retainUntil ?? this.today(), this.retention.purgeEnabled);
    await this.weapons.delete(actor.stateCode, id);
    // The trail keeps what was destroyed, once the record itself is gone.
    this.trail.record(actor, {
      action: 'weapon.purged', targetType: 'weapons', targetId: id,
      details: { serial: weapon.serialAsMarked, type: weapon.typeCode, manufacturer: weapon.manufacturerCode ?? weapon.manufacturerText, model: weapon.model, retainUntil },
    });
  }

  /** A weapon a trace is made from, locked against its purge until the trace's transaction ends. */
  async getForTrace(actor: AuthUser, id: string): Promise<WeaponDto> {
    if (!(await this.weapons.lockAgainstPurge(actor.stateCode, id))) throw new WeaponNotFoundError();
    return this.get(actor, id);
  }

  /** Whether the weapon is still in the registry, locked against its purge until the transaction ends. */
  stillHeld(actor: AuthUser, id: string): Promise<boolean> {
    return this.weapons.lockAgainstPurge(actor.stateCode, id);
  }

  /** Places one more legal hold on the record; each is released on its own. */
  async placeLegalHold(actor: AuthUser, id: string, reason: string): Promise<WeaponDto> {
    const weapon = await this.weapons.findByIdForUpdate(actor.stateCode, id);
    if (!weapon) throw new WeaponNotFoundError();
    const hold = { id: randomUUID(), reason, placedAt: this.clock.now().toISOString(), placedBy: actor.id };
    await this.weapons.update(actor.stateCode, id, { legalHolds: [...weapon.legalHolds, hold] });
    // The hold's id, not its reason (which may name an investigation).
    this.trail.record(actor, { action: 'weapon.legal_hold_placed', targetType: 'weapons', targetId: id, details: { holdId: hold.id } });
    return this.get(actor, id);
  }

  /** Releases one legal hold; the others stand. */
  async releaseLegalHold(actor: AuthUser, id: string, holdId: string): Promise<WeaponDto> {
    const weapon = await this.weapons.findByIdForUpdate(actor.stateCode, id);
    if (!weapon) throw new WeaponNotFoundError();
    if (!weapon.legalHolds.some((hold) => hold.id === holdId)) throw new NotFoundError('Legal hold', 'LEGAL_HOLD_NOT_FOUND');
    await this.weapons.update(actor.stateCode, id, { legalHolds: weapon.legalHolds.filter((hold) => hold.id !== holdId) });
    this.trail.record(actor, { action: 'weapon.legal_hold_released', targetType: 'weapons', targetId: id, details: { holdId } });
    return this.get(actor, id);
  }

  /** ITI 13: the records of a closed manufacturer or dealer pass to the State, all at once. */
  async transferCustody(actor: AuthUser, input: CustodyTransferDto): Promise<{ transferred: number; custodian: string }> {
    this.assertEventDate(input.occurredOn);
    const state = await this.states.get(actor.stateCode);
    const custodian = `${state.name} (national registry)`;
    // Compared as every custodian is (custodian_key, in the database): "TÜRKİYE" is "Türkiye" there, not in JavaScript.
    if (await this.weapons.sameCustodian(input.fromCustodian, custodian)) throw fieldError('fromCustodian', `the records of ${custodian} are already the State's`);
    // Alone: no record naming the company is written meanwhile; once it is closed, none can be.
    if (!(await this.weapons.lockCustody(actor.stateCode, 'exclusive', CUSTODY_WAIT_MS))) {
      throw new ConflictError('CUSTODY_BUSY', 'Records naming a custodian are being written (an import, most likely): try the transfer again when it has finished');
    }
    const later = await this.weapons.custodyBeginningAfter(actor.stateCode, input.fromCustodian, input.occurredOn);
    if (later.records > 0) {
      throw fieldError(
        'occurredOn',
        `${later.records} records of ${input.fromCustodian} came into its custody after ${input.occurredOn} (the latest on ${later.latest}, by their first event or their last custody transfer): the transfer cannot come before`,
      );
    }
    const transferred = await this.weapons.transferCustody(actor.stateCode, input.fromCustodian, custodian, {
      occurredOn: input.occurredOn,
      parties: custodyParties(input.fromCustodian, custodian),
      retainUntil: this.retention.retainUntil('custody_transferred', input.occurredOn),
      notes: input.notes ?? null,
      recordedBy: actor.id,
    });
    if (transferred === 0) throw new NotFoundError(`Records of custodian "${input.fromCustodian}"`, 'CUSTODIAN_NOT_FOUND');
    await this.weapons.closeCustodian({ stateCode: actor.stateCode, name: input.fromCustodian, closedOn: input.occurredOn, recordsCustodian: custodian, createdBy: actor.id });
    this.trail.record(actor, { action: 'registry.custody_transferred', targetType: 'registry', details: { fromCustodian: input.fromCustodian, custodian, transferred } });
    return { transferred, custodian };
  }

  /** Reopens a company closed in error: records may name it again (and a transfer pass them back to it). */
  async reopenCustodian(actor: AuthUser, name: string): Promise<void> {
    if (!(await this.weapons.reopenCustodian(actor.stateCode, name))) throw new NotFoundError(`Closed custodian "${name}"`, 'CUSTODIAN_NOT_CLOSED');
    this.trail.record(actor, { action: 'registry.custodian_reopened', targetType: 'registry', details: { custodian: name } });
  }

  async closedCustodians(actor: AuthUser, page: PageQueryDto): Promise<Page<ClosedCustodianDto>> {
    return mapPage(await this.weapons.closedCustodians(actor.stateCode, page), ClosedCustodianDto.from);
  }

  async settings(actor: AuthUser): Promise<RegistrySettingsDto> {
    return { rulePolicies: await this.policies(actor.stateCode) };
  }

  async updateSettings(actor: AuthUser, input: UpdateRegistrySettingsDto): Promise<RegistrySettingsDto> {
    const errors = Object.entries(input.rulePolicies)
      .filter(([rule, policy]) => !Object.hasOwn(DEFAULT_RULE_POLICIES, rule) || !['refuse', 'flag'].includes(policy))
      .map(([rule]) => ({ field: `rulePolicies.${rule}`, messages: [`rulePolicies keys are ${Object.keys(DEFAULT_RULE_POLICIES).join(', ')}; values refuse or flag`] }));
    if (errors.length > 0) throw new ValidationFailedError(errors);
    const stored = await this.weapons.mergeRulePolicies(actor.stateCode, input.rulePolicies as Partial<Record<RuleId, RulePolicy>>);
    return { rulePolicies: { ...DEFAULT_RULE_POLICIES, ...stored } };
  }

  /** Ranked search: serial (exact, look-alike, partial) through the index, then the filters. */
  async search(actor: AuthUser, input: SearchWeaponsDto): Promise<SearchResultDto> {
    const limit = input.limit ?? 20;
    if (!input.serial && SEARCH_FILTERS.every((field) => input[field] === undefined || (Array.isArray(input[field]) && input[field].length === 0))) {
      throw fieldError('serial', `give a serial, or at least one of ${SEARCH_FILTERS.join(', ')} (GET /weapons lists the registry)`);
    }
    // Reference data is needed only to read manufacturer and calibre filters.
    const matcher = input.manufacturer || input.calibre ? await this.reference.matcher(actor.stateCode) : null;
    const { filters, reasons: filterReasons } = this.filtersOf(input, matcher);
    if (!input.serial) {
      const weapons = await this.weapons.findFiltered(actor.stateCode, filters, limit);
      return { items: weapons.map((w) => ({ weapon: WeaponSummaryDto.from(w, readsHoldReasons(actor)), score: 0.5, reasons: filterReasons.length ? filterReasons : ['in the registry'] })), serialQuery: null, truncated: false };
    }
    const query = parseSerialQuery(input.serial);
    // Separators or invisible characters alone ("-", "/") are no serial, as on registration: not a search for an empty one.
    if (query.kind === 'exact' && !holdsSerialCharacter(query.normalised)) {
      throw fieldError('serial', 'serial holds no letter or digit: leave it out to search by the other fields alone');
    }
    if (query.kind === 'pattern' && !narrowsSearch(query)) {
      throw fieldError('serial', 'a partial serial needs at least 3 readable characters in a row, or 2 at its start or end');
    }
    const { weapons, matches, truncated } = await this.weapons.serialMatches(
      actor.stateCode,
      { kind: query.kind, key: query.folded, normalised: query.kind === 'exact' ? query.normalised : null },
      filters,
      SEARCH_CANDIDATES,
    );
    const bestByWeapon = new Map<string, { score: number; reason: string }>();
    for (const match of matches) {
      const scored = scoreSerial(query, match.serialNormalised);
      const previous = bestByWeapon.get(match.weaponId);
      if (!previous || scored.score > previous.score) bestByWeapon.set(match.weaponId, scored);
    }
    // Equal scores (every match of a pattern, say): the newest record first.
    const items = weapons
      .map((w) => ({ w, serial: bestByWeapon.get(w.id)! }))
      .sort((a, b) => b.serial.score - a.serial.score || b.w.createdAt.getTime() - a.w.createdAt.getTime() || a.w.id.localeCompare(b.w.id))
      .slice(0, limit)
      .map(({ w, serial }) => ({ weapon: WeaponSummaryDto.from(w, readsHoldReasons(actor)), score: serial.score, reasons: [serial.reason, ...filterReasons] }));
    return { items, serialQuery: { kind: query.kind, normalised: query.normalised }, truncated };
  }

  /** The filters of a search or a list, manufacturer and calibre read through the reference data, and how each reads. */
  private filtersOf(input: Omit<SearchWeaponsDto, 'serial' | 'limit'>, matcher: ReferenceMatcher | null): { filters: WeaponFilters; reasons: string[] } {
    if (input.yearFrom !== undefined && input.yearTo !== undefined && input.yearFrom > input.yearTo) throw fieldError('yearTo', `yearTo ${input.yearTo} is before yearFrom ${input.yearFrom}`);
    const reasons: string[] = [];
    const filters: WeaponFilters = { model: input.model, country: input.country, yearFrom: input.yearFrom, yearTo: input.yearTo, statuses: input.status };
    if (input.manufacturer && matcher) {
      const match = matcher.manufacturer(input.manufacturer);
      if (match) {
        filters.manufacturerCode = match.code;
        reasons.push(`manufacturer ${match.name}${referenceVia(input.manufacturer, match.via, match.name)}`);
      } else {
        filters.manufacturerText = input.manufacturer;
        reasons.push(`manufacturer recorded as "${input.manufacturer}"`);
      }
    }
    if (input.calibre && matcher) {
      const match = matcher.calibre(input.calibre);
      if (match) {
        filters.calibreCode = match.code;
        reasons.push(`calibre ${match.name}${referenceVia(input.calibre, match.via, match.name)}`);
      } else {
        filters.calibreText = input.calibre;
        reasons.push(`calibre recorded as "${input.calibre}"`);
      }
    }
    if (input.model) reasons.push(`model ${input.model}`);
    if (input.country) reasons.push(`made in ${input.country}`);
    if (input.yearFrom !== undefined || input.yearTo !== undefined) reasons.push(`made ${input.yearFrom ?? '…'}–${input.yearTo ?? '…'}`);
    if (input.status?.length) reasons.push(`status ${input.status.join(' or ')}`);
    return { filters, reasons };
  }

  /**
   * Applies markings and/or an event to a weapon, judged against the rules before and after. A correction
   * may also correct the description (with the record's first event) and withdraw markings recorded in error.
   */
  private async change(actor: AuthUser, id: string, change: { event?: RecordEventDto; markings: MarkingInputDto[]; corrects?: RecordEventEntity }): Promise<WeaponDto> {
    const weapon = await this.weapons.findByIdForUpdate(actor.stateCode, id);
    if (!weapon) throw new WeaponNotFoundError();
    // One transaction is one connection: its queries run one after the other.
    const markings = (await this.weapons.markingsOf(actor.stateCode, id)).filter((m) => !m.withdrawnBy);
    const history = await this.events.historyOf(actor.stateCode, id);
    const withdrawn = change.event?.withdrawsMarkings ?? [];
    await this.assertWithdrawable(actor.stateCode, id, markings, withdrawn);
    const corrected = change.event?.description && change.corrects ? await this.correctedDescription(actor.stateCode, weapon, history, change.corrects, change.event.description) : null;
    let status = weapon.status;
    let event: Partial<RecordEventEntity> | null = null;
    let historyAfter = history;
    if (change.event) {
      // The statuses the events moved the weapon to, by date: those that keep it (a marking, a custody transfer) say only what it was when they were written.
      const standing = standingHistory(history);
      const statuses = standing.filter((e) => movesStatus(e.type)).map((e) => e.statusAfter as WeaponStatus);
      const next = newEventStatus(weapon.status, change.event.type, change.event.statusAfter, statuses, standing.map((e) => e.type));
      if (!next.ok) throw new EventNotAllowedError(next.reason);
      status = next.status;
      // The facts a restatement does not give are those of the event's last restatement, or its own (an annulment gives none).
      const restated = change.corrects && standingCorrections(history.filter((e) => e.restates)).get(change.corrects.id);
      const details = change.corrects
        ? restatement(change.event, restated || change.corrects)
        : change.event.type === 'custody_transferred'
          ? { ...change.event, parties: withCustodyParties(change.event.parties ?? [], weapon.custodian, change.event.custodian!) }
          : change.event;
      // A correction restates the event it corrects, with the same papers: that of an export names its destination and licence.
      // The counterpart carried over from a record written before it had to be another State is judged only when the correction gives one.
      if (change.corrects && !details.annuls) this.assertEventDetails(actor.stateCode, change.corrects.type, details, change.event.counterpartState !== undefined);
      event = this.toEvent(actor, id, change.event.type, details, status, change.corrects?.type);
      event.description = corrected?.changes ?? null;
      // Written after every other event of the weapon (under its lock), so that the last correction stands here and in SQL alike.
      event.recordedAt = await this.events.nextWriteTime(actor.stateCode, id);
      historyAfter = [...history, { ...event, id: '' } as RecordEventEntity];
      // A year cleared (null) is no year: only one given is judged against the dates.
      const yearAfter = corrected && corrected.described.yearOfManufacture !== undefined ? corrected.described.yearOfManufacture : weapon.yearOfManufacture;
      if (corrected) assertAntique(corrected.described.antique ?? weapon.antique, yearAfter, 'description.antique');
      assertInOrder(history, historyAfter, change.corrects?.id ?? '', weapon.yearOfManufacture, yearAfter, corrected?.changes.yearOfManufacture !== undefined);
      // A correction that annuls an event, or restores one annulled, changes what happened: the status is replayed.
      if (change.corrects && Boolean(change.event.annuls) !== Boolean(standingCorrections(history).get(change.corrects.id)?.annuls)) {
        const replayed = standingStatus(historyAfter);
        if (!replayed.ok) throw new EventNotAllowedError(replayed.reason);
        status = event.statusAfter = replayed.status;
      }
    }
    this.assertMayMark(actor, status, change.markings.length > 0 || change.event?.type === 'marked');
    const before: RuleSubject = {
      stateCode: actor.stateCode,
      status: weapon.status,
      craftOr3dPrinted: weapon.craftOr3dPrinted,
      antique: weapon.antique,
      markings,
      eventTypes: standingHistory(history).map((e) => e.type),
      deactivatedFrom: statusBeforeDeactivation(history),
      serialObliterated: weapon.serialObliterated,
    };
    const after: RuleSubject = {
      ...before,
      status,
      craftOr3dPrinted: corrected?.described.craftOr3dPrinted ?? weapon.craftOr3dPrinted,
      antique: corrected?.described.antique ?? weapon.antique,
      markings: [...markings.filter((m) => !withdrawn.includes(m.id)), ...change.markings],
      eventTypes: standingHistory(historyAfter).map((e) => e.type),
      deactivatedFrom: statusBeforeDeactivation(historyAfter),
      serialObliterated: corrected?.described.serialObliterated ?? weapon.serialObliterated,
    };
    const outcome = judgeChange(before, after, await this.policies(actor.stateCode));
    if (outcome.refused.length > 0) throw new MarkingRuleBreachError(outcome.refused);

    const saved = event ? await this.events.insert(event) : null;
    // Withdrawn markings leave the serial index, then the weapon's corrected serial enters it, then new markings
    // (one repeating the weapon's serial adds nothing).
    if (saved && withdrawn.length) await this.weapons.withdrawMarkings(actor.stateCode, id, withdrawn, saved.id);
    await this.weapons.update(actor.stateCode, id, {
      ...corrected?.described,
      status,
      deactivatedFrom: after.deactivatedFrom ?? null,
      incomplete: outcome.incomplete.map((r) => r.code),
      ...(change.event?.type === 'custody_transferred' && change.event.custodian ? { custodian: change.event.custodian } : {}),
    });
    await this.weapons.insertMarkings(change.markings.map((m) => this.toMarking(actor.stateCode, id, m)));
    return this.get(actor, id);
  }

  /** Markings a correction withdraws: this weapon's, not withdrawn already. */
  private async assertWithdrawable(stateCode: string, weaponId: string, current: MarkingEntity[], ids: string[]): Promise<void> {
    const strays = ids.filter((markingId) => !current.some((m) => m.id === markingId));
    if (!strays.length) return;
    const all = await this.weapons.markingsOf(stateCode, weaponId);
    throw new ValidationFailedError(
      strays.map((markingId) => ({
        field: `withdrawsMarkings[${ids.indexOf(markingId)}]`,
        messages: [all.some((m) => m.id === markingId) ? `marking ${markingId} was withdrawn already` : `marking ${markingId} is not one of this weapon's`],
      })),
    );
  }

  /**
   * The record as a correction of its first event describes it: the fields given read as at registration
   * (type, manufacturer and calibre against the reference data), the others as recorded; the country of
   * manufacture follows a corrected manufacturer when it was that manufacturer's. And what changed, each
   * field from → to as the record reads it (the type by its code).
   */
  private async correctedDescription(
    stateCode: string, weapon: WeaponEntity, history: RecordEventEntity[], corrects: RecordEventEntity, input: DescriptionInput,
  ): Promise<{ described: Partial<WeaponEntity>; changes: DescriptionChanges }> {
    const first = firstRecorded(history);
    if (first && corrects.id !== first.id) {
      throw fieldError('description', `the description was recorded with the record's first event: correct it with a correction of event ${first.id}`);
    }
    const matcher = await this.reference.matcher(stateCode);
    const { columns: described, manufacturerCountry } = describeGiven(matcher, input, weapon.unknownReferences, 'description.');
    // The country of manufacture follows a corrected manufacturer when it was the former one's.
    if (input.manufacturer !== undefined && input.countryOfManufacture === undefined) {
      const former = weapon.manufacturerCode ? matcher.manufacturer(weapon.manufacturerCode) : null;
      const formerOnes = Boolean(weapon.countryOfManufacture) && weapon.countryOfManufacture === former?.country;
      if (manufacturerCountry && (!weapon.countryOfManufacture || formerOnes)) described.countryOfManufacture = manufacturerCountry;
      // A maker whose country the reference data does not know leaves no country to follow: the record would keep the former one's.
      if (!manufacturerCountry && formerOnes) {
        throw fieldError('description.countryOfManufacture', `the country of manufacture ${weapon.countryOfManufacture} is ${former!.name}'s: give the new manufacturer's in description.countryOfManufacture (null if it is not known)`);
      }
    }
    const before = descriptionOf(weapon);
    const after = descriptionOf({ ...weapon, ...described });
    const changes: DescriptionChanges = {};
    for (const field of DESCRIPTION_FIELDS) if (after[field] !== before[field]) changes[field] = { from: before[field], to: after[field] };
    if (!Object.keys(changes).length) throw fieldError('description', 'the description given is the one recorded: nothing to correct');
    return { described, changes };
  }

  /** ITI 13: a record names no company whose records passed to the State (custody shared until the transaction ends). */
  private async assertCustodianOpen(stateCode: string, custodian: string | undefined): Promise<void> {
    if (!custodian) return;
    await this.weapons.lockCustody(stateCode, 'shared');
    const closed = await this.weapons.closedCustodian(stateCode, custodian);
    if (closed) throw new CustodianClosedError(closed);
  }

  private assertMayRecord(actor: AuthUser, event: EventType): void {
    const roles: Role[] = actor.roles;
    if (roles.includes('registrar')) return;
    if (roles.includes('officer') && OFFICER_EVENTS.includes(event)) return;
    throw new ForbiddenError('ROLE_REQUIRED', `Recording "${event}" needs the registrar role${OFFICER_EVENTS.includes(event) ? ' or the officer role' : ''}`);
  }

  /** An officer marks a weapon seized or found (with the seizure, or after it); the markings of any other record are a registrar's. */
  private assertMayMark(actor: AuthUser, statusAfter: WeaponStatus, marks: boolean): void {
    if (!marks || actor.roles.includes('registrar') || OFFICER_STATUSES.includes(statusAfter)) return;
    throw new ForbiddenError('ROLE_REQUIRED', `Marking a record that is ${statusAfter.replace(/_/g, ' ')} needs the registrar role: officers mark the weapons they seize or find`);
  }

  /**
   * Events that are only meaningful with their papers: an export names destination and licence, an import its
   * origin, another State than this one. A temporary import names the licence or permit that makes its lawful
   * purpose verifiable (ITI 8(b) exempts only those from the import marking).
   */
  private assertEventDetails(stateCode: string, type: EventType, details: { counterpartState?: string | null; licenceRef?: string | null }, counterpartGiven = true): void {
    const papers = EVENT_PAPERS[type];
    const missing = papers ? (['counterpartState', 'licenceRef'] as const).filter((field) => !details[field]) : [];
    if (missing.length) throw new ValidationFailedError(missing.map((field) => ({ field, messages: [`${papers} (${field})`] })));
    if (type === 'imported' && !details.counterpartState) throw fieldError('counterpartState', 'an import names the State of origin (counterpartState)');
    if (counterpartGiven && (type === 'exported' || IMPORT_EVENTS.includes(type)) && details.counterpartState?.toUpperCase() === stateCode) {
      throw fieldError('counterpartState', `an ${type === 'exported' ? 'export goes to' : 'import comes from'} another State than ${stateCode}, the one keeping this record`);
    }
  }

  /** An event's date: from the earliest year of a record on, and not after today where the day is furthest ahead. */
  private assertEventDate(occurredOn: string): void {
    if (occurredOn < `${EARLIEST_YEAR}-01-01`) throw fieldError('occurredOn', `occurredOn must be in ${EARLIEST_YEAR} or later`);
    if (occurredOn > this.clock.latestToday()) throw fieldError('occurredOn', 'occurredOn cannot be in the future');
  }

  /** States named by the fields of `codes` (field name → code given) and by the markings. */
  private async assertKnownStates(codes: Record<string, string | undefined>, markings: MarkingInputDto[], parties: { country?: string }[] = []): Promise<void> {
    await this.states.assertKnown([
      ...Object.entries(codes),
      ...markings.map((m, i): [string, string | undefined] => [`markings[${i}].country`, m.country]),
      ...parties.map((p, i): [string, string | undefined] => [`parties[${i}].country`, p.country]),
    ]);
  }

  /** The status a first event leaves: given, or following from the event itself (then a different one given is 400, as in an import). */
  private originStatus(input: RegisterWeaponDto): WeaponStatus {
    const implied = ORIGIN_STATUS[input.origin];
    if (!implied) return input.status ?? 'civilian_held';
    if (input.status !== undefined && input.status !== implied) {
      throw fieldError('status', `a weapon ${input.origin.replace(/_/g, ' ')} is ${implied.replace(/_/g, ' ')} when registered: leave status out, and record what followed as an event`);
    }
    return implied;
  }

  private async policies(stateCode: string): Promise<Record<RuleId, RulePolicy>> {
    const settings = await this.weapons.settings(stateCode);
    return { ...DEFAULT_RULE_POLICIES, ...(settings?.rulePolicies ?? {}) };
  }

  private toMarking(stateCode: string, weaponId: string, m: MarkingInputDto): Partial<MarkingEntity> {
    return {
      stateCode, weaponId, kind: m.kind, component: m.component, text: m.text, manufacturer: m.manufacturer ?? null, country: m.country ?? null,
      serial: m.serial ?? null, year: m.year ?? null, symbolCode: m.symbolCode ?? null, method: m.method ?? null, photoRefs: m.photoRefs ?? [],
    };
  }

  private toEvent(
    actor: AuthUser,
    weaponId: string,
    type: EventType,
    details: {
      occurredOn: string; parties?: { role: string; name: string; country?: string }[]; licenceRef?: string; authorisationRef?: string;
      counterpartState?: string; notes?: string; correctsEventId?: string; restates?: boolean; annuls?: boolean;
    },
    statusAfter: WeaponStatus,
    /** The event type whose retention applies: a correction is kept as long as the event it corrects. */
    retainedAs: EventType = type,
  ): Partial<RecordEventEntity> {
    this.assertEventDate(details.occurredOn);
    return {
      stateCode: actor.stateCode,
      weaponId,
      type,
      occurredOn: details.occurredOn,
      parties: details.parties ?? [],
      licenceRef: details.licenceRef ?? null,
      authorisationRef: details.authorisationRef ?? null,
      counterpartState: details.counterpartState ?? null,
      correctsEventId: details.correctsEventId ?? null,
      restates: details.restates ?? false,
      annuls: details.annuls ?? false,
      statusAfter,
      recordClass: this.retention.classOf(retainedAs),
      retainUntil: this.retention.retainUntil(retainedAs, details.occurredOn),
      notes: details.notes ?? null,
      recordedBy: actor.id,
    };
  }

  private today(): string {
    return this.clock.today();
  }
}

/**
 * What a correction records: unless it annuls, it restates the corrected event's facts whole, those it
 * neither gives nor clears carried over from `current` (the event as last restated).
 */
function restatement(input: RecordEventDto, current: RecordEventEntity): RecordEventDto & { restates: boolean } {
  if (input.annuls) return { ...input, restates: false };
  const carried = (fact: CorrectedReference) => (input.clears?.includes(fact) ? undefined : input[fact] ?? current[fact] ?? undefined);
  return {
    ...input,
    restates: true,
    parties: input.parties ?? current.parties,
    licenceRef: carried('licenceRef'),
    authorisationRef: carried('authorisationRef'),
    counterpartState: carried('counterpartState'),
  };
}

/** ITI 4: an antique is made in 1899 or before, and its record says when (`field`: the flag's name in the request). */
function assertAntique(antique: boolean, yearOfManufacture: number | null, field: string): void {
  if (!antique || (yearOfManufacture !== null && yearOfManufacture <= LAST_ANTIQUE_YEAR)) return;
  throw fieldError(field, `an antique weapon (ITI 4) was made in ${LAST_ANTIQUE_YEAR} or before: ${yearOfManufacture === null ? 'give its yearOfManufacture' : `yearOfManufacture ${yearOfManufacture} is later`}`);
}

/** How long a company's closure waits for the writes naming a custodian (an import holds them until it commits). */
const CUSTODY_WAIT_MS = 5000;

/** The record's description, field by field, as a correction compares it (the type by its code). */
function descriptionOf(w: WeaponEntity): Record<DescriptionField, string | number | boolean | null> {
  return {
    type: w.typeCode, manufacturer: w.manufacturerText, model: w.model, calibre: w.calibreText, serial: w.serialAsMarked, countryOfManufacture: w.countryOfManufacture,
    yearOfManufacture: w.yearOfManufacture, craftOr3dPrinted: w.craftOr3dPrinted, antique: w.antique, modular: w.modular, serialObliterated: w.serialObliterated,
    holder: w.holder,
  };
}

/** The weapon's columns for a whole description. */
type Described = Pick<
  WeaponEntity,
  | 'category' | 'typeCode' | 'manufacturerCode' | 'manufacturerText' | 'model' | 'calibreCode' | 'calibreText' | 'serialAsMarked' | 'serialNormalised'
  | 'countryOfManufacture' | 'yearOfManufacture' | 'craftOr3dPrinted' | 'antique' | 'modular' | 'serialObliterated' | 'holder' | 'unknownReferences'
>;

/**
 * The weapon's columns for the description fields given, and only those: type, manufacturer and calibre
 * read against the reference data (`unknownReferences`, those of the record so far, says which of them
 * matched nothing); a country of manufacture given as is. `manufacturerCountry`: the reference country of
 * the manufacturer given, for the caller to fall back on.
 */
function describeGiven(
  matcher: ReferenceMatcher, input: DescriptionInput, unknownReferences: string[], fieldPrefix = '',
): { columns: Partial<Described>; manufacturerCountry: string | null } {
  const columns: Partial<Described> = { unknownReferences };
  const unknown = (field: string, isUnknown: boolean) => {
    columns.unknownReferences = [...columns.unknownReferences!.filter((f) => f !== field), ...(isUnknown ? [field] : [])];
  };
  let manufacturerCountry: string | null = null;
  if (input.type !== undefined && input.type !== null) {
    const type = matcher.weaponType(input.type, `${fieldPrefix}type`);
    Object.assign(columns, { typeCode: type.code, category: type.category as WeaponEntity['category'] });
  }
  if (input.manufacturer !== undefined) {
    const manufacturer = input.manufacturer === null ? null : matcher.manufacturer(input.manufacturer);
    Object.assign(columns, { manufacturerCode: manufacturer?.code ?? null, manufacturerText: input.manufacturer });
    unknown('manufacturer', input.manufacturer !== null && !manufacturer);
    manufacturerCountry = manufacturer?.country ?? null;
  }
  if (input.calibre !== undefined) {
    const calibre = input.calibre === null ? null : matcher.calibre(input.calibre);
    Object.assign(columns, { calibreCode: calibre?.code ?? null, calibreText: input.calibre });
    unknown('calibre', input.calibre !== null && !calibre);
  }
  if (input.serial !== undefined) Object.assign(columns, { serialAsMarked: input.serial, serialNormalised: input.serial === null ? null : normaliseSerial(input.serial) });
  for (const field of ['model', 'countryOfManufacture', 'yearOfManufacture', 'craftOr3dPrinted', 'antique', 'modular', 'serialObliterated'] as const) {
    if (input[field] !== undefined) Object.assign(columns, { [field]: input[field] });
  }
  // A blank holder is none, as at registration.
  if (input.holder !== undefined) columns.holder = input.holder || null;
  return { columns, manufacturerCountry };
}

/**
 * Nothing happens to a weapon before its record's first event, it is not made after it, and each event is
 * dated no earlier than those recorded before it (the status follows the order written, the history and a
 * trace's chain the dates): a mistyped year would put an export first, or after the weapon's destruction, and
 * send a trace to the wrong State. The history is read as it stands before the
 * event written now (`judged`: its id in `after`, '' for a new one, or the event a correction restates) and
 * after it, and only what the change breaks is refused: a record that broke the rule before it existed can
 * still be written to.
 */
function assertInOrder(history: RecordEventEntity[], after: RecordEventEntity[], judged: string, yearBefore: number | null, yearAfter: number | null, yearCorrected: boolean): void {
  const origin = firstRecorded(history);
  if (!origin) return;
  const read = (events: RecordEventEntity[], year: number | null) => {
    const standing = standingHistory(events);
    const first = standing.find((e) => e.id === origin.id);
    return {
      first,
      standing,
      before: new Set(first ? standing.filter((e) => e.id !== first.id && e.occurredOn < first.occurredOn).map((e) => e.id) : []),
      madeLater: Boolean(first && year !== null && year > Number(first.occurredOn.slice(0, 4))),
    };
  };
  const was = read(history, yearBefore);
  const now = read(after, yearAfter);
  if (!now.first) return;
  const what = (e: { type: string; occurredOn: string }) => `${e.type.replace(/_/g, ' ')} on ${e.occurredOn}`;
  const broken = now.standing.filter((e) => now.before.has(e.id) && !was.before.has(e.id));
  const event = broken.find((e) => e.id === judged);
  if (event) throw fieldError('occurredOn', `occurredOn ${event.occurredOn} is before the record's first event (${what(now.first)})`);
  if (broken.length) throw fieldError('occurredOn', `the record's first event cannot come after its ${what(broken[0])}`);
  if (now.madeLater && !was.madeLater) {
    throw fieldError(yearCorrected ? 'description.yearOfManufacture' : 'occurredOn', `the year of manufacture, ${yearAfter}, is after the record's first event (${what(now.first)})`);
  }
  // Events are recorded in the order they happened: only an order this change breaks is refused.
  const outOfOrder = datedBeforeEarlier(history);
  for (const [id, earlier] of datedBeforeEarlier(after)) {
    if (outOfOrder.has(id)) continue;
    const event = now.standing.find((e) => e.id === id)!;
    throw fieldError('occurredOn', id === judged
      ? `occurredOn ${event.occurredOn} is before the ${what(earlier)}, recorded earlier: events are recorded in the order they happened (correct that event if its date is wrong)`
      : `the ${what(event)} would come before the ${what(earlier)}, recorded before it: events are recorded in the order they happened`);
  }
  const markedAfter = new Set(afterDestruction(history).map(({ event }) => event.id));
  for (const { event, destroyed } of afterDestruction(after)) {
    if (markedAfter.has(event.id)) continue;
    throw fieldError('occurredOn', event.id === judged
      ? `occurredOn ${event.occurredOn} is after the weapon's destruction (${what(destroyed)}): it could not be marked then`
      : `the ${what(event)} would come after the weapon's destruction (${what(destroyed)})`);
  }
}

/** Who kept a record's papers before a custody transfer (ITI 13), when anyone did, and who keeps them after. */
function custodyParties(from: string | null, to: string): EventParty[] {
  return [...(from ? [{ role: 'previous_custodian', name: from }] : []), { role: 'custodian', name: to }];
}

/** A custody transfer's parties: those given, and the previous and new custodians where none given plays their part. */
function withCustodyParties(given: EventParty[], from: string | null, to: string): EventParty[] {
  const roles = new Set(given.map(roleOf));
  return [...given, ...custodyParties(from, to).filter((party) => !roles.has(roleOf(party)))];
}

/**
 * Serials as given must fit the index once normalised (NFKC can lengthen them), and hold a letter or a
 * digit (a "-" put for "none" is no serial).
 */
function assertSerialsFit(serial: string | null | undefined, markings: MarkingInputDto[], serialField = 'serial'): void {
  const problem = (value: string | null | undefined): string | null => {
    if (typeof value !== 'string') return null;
    const normalised = normaliseSerial(value);
    if (!holdsSerialCharacter(normalised)) return 'serial holds no letter or digit: leave it out (with serialObliterated if it cannot be read)';
    // Characters as the database counts them (code points), as the import does.
    return [...normalised].length > 64 ? 'serial is longer than 64 characters once normalised' : null;
  };
  const checks: [string, string | null | undefined][] = [[serialField, serial], ...markings.map((m, i): [string, string | undefined] => [`markings[${i}].serial`, m.serial])];
  const errors = checks.flatMap(([field, value]) => {
    const message = problem(value);
    return message ? [{ field, messages: [message] }] : [];
  });
  if (errors.length) throw new ValidationFailedError(errors);
}

/** What a search without a serial is filtered on: one at least. */
const SEARCH_FILTERS = ['manufacturer', 'model', 'calibre', 'country', 'yearFrom', 'yearTo', 'status'] as const;


function referenceVia(given: string, via: string, name: string): string {
  return via === name && given.trim().toLowerCase() === name.toLowerCase() ? '' : ` (through "${via}")`;
}

/** Ranks a serial candidate: 1 exact, 0.9 look-alike, 0.7 a partial serial of the registry, patterns lower the more is unknown. */
function scoreSerial(query: ReturnType<typeof parseSerialQuery>, serial: string): { score: number; reason: string } {
  if (query.kind === 'exact') {
    if (serial === query.normalised) return { score: 1, reason: `serial ${serial} matches exactly` };
    // A serial the registry holds partly read (registry_serial_exact reads its ? and * as wildcards).
    if (/[?*]/.test(serial)) return { score: 0.7, reason: `serial ${query.normalised} fits the partial serial ${serial} the registry holds` };
    const swaps = [...serial].map((c, i) => (c !== query.normalised[i] ? `${query.normalised[i] ?? '?'} read as ${c}` : null)).filter(Boolean);
    return { score: 0.9, reason: `serial ${serial} matches with look-alike characters (${swaps.join(', ')})` };
  }
  const score = Math.max(0.3, Math.round((0.8 - 0.05 * query.unknowns) * 100) / 100);
  return { score, reason: `serial ${serial} fits the partial serial ${query.normalised}` };
}

/** Why a record is held may name an investigation: registrars, who place holds, and auditors read it; others see that it is held. */
function readsHoldReasons(actor: AuthUser): boolean {
  return actor.roles.some((role) => role === 'registrar' || role === 'auditor');
}
