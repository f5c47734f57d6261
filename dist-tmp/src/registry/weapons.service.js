"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.WeaponsService = void 0;
const node_crypto_1 = require("node:crypto");
const common_1 = require("@nestjs/common");
const audit_trail_1 = require("../audit/audit-trail");
const clock_1 = require("../common/clock");
const app_error_1 = require("../common/errors/app-error");
const pagination_1 = require("../common/http/pagination");
const record_events_repository_1 = require("../records/record-events.repository");
const retention_1 = require("../records/retention");
const corrections_1 = require("../records/corrections");
const status_machine_1 = require("../records/status-machine");
const reference_service_1 = require("../reference/reference.service");
const states_service_1 = require("../states/states.service");
const markings_dto_1 = require("./dto/markings.dto");
const weapon_dto_1 = require("./dto/weapon.dto");
const weapon_response_dto_1 = require("./dto/weapon.response.dto");
const marking_rules_1 = require("./marking-rules");
const registry_constants_1 = require("./registry.constants");
const registry_errors_1 = require("./registry.errors");
const serial_1 = require("./serial");
const weapons_repository_1 = require("./weapons.repository");
/** Officers record what they seize or find, and mark it (ITI 9); registrars keep everything else. */
const OFFICER_EVENTS = ['seized', 'found', 'marked'];
const OFFICER_STATUSES = ['seized', 'found'];
const SEARCH_CANDIDATES = 500;
const MIN_KNOWN_CHARACTERS = 3;
let WeaponsService = class WeaponsService {
    constructor(weapons, events, retention, reference, states, clock, trail) {
        this.weapons = weapons;
        this.events = events;
        this.retention = retention;
        this.reference = reference;
        this.states = states;
        this.clock = clock;
        this.trail = trail;
    }
    /** Registers a weapon with its markings and its first event, judged against the ITI marking rules. */
    async register(actor, input) {
        this.assertMayRecord(actor, input.origin);
        assertSerialsFit(input.serial, input.markings ?? []);
        if (input.yearOfManufacture !== undefined && input.yearOfManufacture !== null && input.yearOfManufacture > Number(input.occurredOn.slice(0, 4))) {
            throw (0, app_error_1.fieldError)('yearOfManufacture', `yearOfManufacture ${input.yearOfManufacture} is after the first event (${input.origin.replace(/_/g, ' ')} on ${input.occurredOn})`);
        }
        await this.assertKnownStates({ countryOfManufacture: input.countryOfManufacture, counterpartState: input.counterpartState }, input.markings ?? [], input.parties ?? []);
        this.assertEventDetails(actor.stateCode, input.origin, input);
        await this.assertCustodianOpen(actor.stateCode, input.custodian);
        const { columns, manufacturerCountry } = describeGiven(await this.reference.matcher(actor.stateCode), input, []);
        // What is not given is not recorded; the country of manufacture defaults to the manufacturer's.
        const described = Object.assign({
            manufacturerCode: null, manufacturerText: null, model: null, calibreCode: null, calibreText: null, serialAsMarked: null, serialNormalised: null,
            countryOfManufacture: manufacturerCountry, yearOfManufacture: null, craftOr3dPrinted: false, modular: false, serialObliterated: false,
        }, columns);
        const status = this.originStatus(input);
        const markings = input.markings ?? [];
        const subject = {
            stateCode: actor.stateCode,
            status,
            craftOr3dPrinted: input.craftOr3dPrinted ?? false,
            markings,
            eventTypes: [input.origin],
        };
        const outcome = (0, marking_rules_1.judgeChange)(null, subject, await this.policies(actor.stateCode));
        if (outcome.refused.length > 0)
            throw new registry_errors_1.MarkingRuleBreachError(outcome.refused);
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
    async get(actor, id) {
        const [weapon] = await this.getMany(actor, [id]);
        if (!weapon)
            throw new registry_errors_1.WeaponNotFoundError();
        return weapon;
    }
    /** Several weapons of the actor's registry with their markings and histories, in three queries; unknown ids are left out. */
    async getMany(actor, ids) {
        const weapons = await this.weapons.findByIds(actor.stateCode, ids);
        const markings = await this.weapons.markingsOfMany(actor.stateCode, ids);
        const events = await this.events.historiesOf(actor.stateCode, ids);
        const byId = new Map(weapons.map((w) => [w.id, w]));
        return ids.flatMap((id) => {
            const weapon = byId.get(id);
            if (!weapon)
                return [];
            return [weapon_response_dto_1.WeaponDto.full(weapon, markings.filter((m) => m.weaponId === id), events.filter((e) => e.weaponId === id))];
        });
    }
    async list(actor, query) {
        const matcher = query.manufacturer || query.calibre ? await this.reference.matcher(actor.stateCode) : null;
        const { filters } = this.filtersOf({ ...query, status: query.status ? [query.status] : undefined }, matcher);
        return (0, pagination_1.mapPage)(await this.weapons.list(actor.stateCode, filters, query), weapon_response_dto_1.WeaponSummaryDto.from);
    }
    async addMarkings(actor, id, markings) {
        assertSerialsFit(undefined, markings);
        await this.assertKnownStates({}, markings);
        return this.change(actor, id, { markings });
    }
    /** Appends an event to the history; the status follows through the state machine. */
    async recordEvent(actor, id, input) {
        this.assertMayRecord(actor, input.type);
        assertSerialsFit(undefined, input.markings ?? []);
        assertSerialsFit(input.description?.serial, [], 'description.serial');
        if (input.type !== 'corrected' && input.correctsEventId)
            throw (0, app_error_1.fieldError)('correctsEventId', 'only a corrected event names an event it corrects');
        if (input.type !== 'corrected' && input.annuls !== undefined)
            throw (0, app_error_1.fieldError)('annuls', 'only a corrected event annuls an event');
        if (input.type !== 'corrected' && input.description)
            throw (0, app_error_1.fieldError)('description', 'only a corrected event corrects the description');
        if (input.type !== 'corrected' && input.withdrawsMarkings)
            throw (0, app_error_1.fieldError)('withdrawsMarkings', 'only a corrected event withdraws markings');
        const given = status_machine_1.GIVEN_STATUSES[input.type];
        if (given && status_machine_1.TRANSITIONS[input.type].from.length > 0 && (!input.statusAfter || !given.includes(input.statusAfter))) {
            throw (0, app_error_1.fieldError)('statusAfter', `${input.type.replace(/_/g, ' ')} needs the status afterwards: one of ${given.join(', ')}`);
        }
        if (!given && input.statusAfter !== undefined) {
            const to = status_machine_1.TRANSITIONS[input.type].to;
            throw (0, app_error_1.fieldError)('statusAfter', `${input.type.replace(/_/g, ' ')} sets the status itself (${to && to !== 'given' ? to.replace(/_/g, ' ') : 'it keeps the one the record has'}): leave statusAfter out`);
        }
        if (input.type === 'custody_transferred' && !input.custodian)
            throw (0, app_error_1.fieldError)('custodian', 'a custody transfer names the new custodian of the records');
        if (input.type !== 'custody_transferred' && input.type !== 'corrected' && input.custodian !== undefined) {
            throw (0, app_error_1.fieldError)('custodian', 'only a custody transfer names a custodian');
        }
        if (input.description && input.annuls)
            throw (0, app_error_1.fieldError)('description', 'a correction that annuls an event does not restate it: correct the description with another correction');
        if (input.description && weapon_dto_1.DESCRIPTION_FIELDS.every((field) => input.description[field] === undefined)) {
            throw (0, app_error_1.fieldError)('description', `description names at least one field to correct: ${weapon_dto_1.DESCRIPTION_FIELDS.join(', ')}`);
        }
        // A correction may move the day a record came into a company's custody: not while the company closes (transferCustody).
        if (input.type === 'corrected')
            await this.weapons.lockCustody(actor.stateCode, 'shared');
        const corrected = input.type === 'corrected' ? await this.correctedEvent(actor, id, input) : null;
        if (corrected && input.custodian !== undefined)
            throw (0, app_error_1.fieldError)('custodian', 'the custodian changes with a custody transfer, not with a correction');
        if (corrected?.type === 'custody_transferred' && input.annuls) {
            throw (0, app_error_1.fieldError)('annuls', 'a custody transfer is not annulled: the records pass back with another custody transfer');
        }
        // Markings are read off the weapon and stay on the record: annulling the event that added them would not take them away.
        if (corrected?.type === 'marked' && input.annuls)
            throw (0, app_error_1.fieldError)('annuls', 'a marked event is not annulled: its markings were read off the weapon and stay on the record');
        if (input.clears?.length) {
            if (input.type !== 'corrected' || input.annuls)
                throw (0, app_error_1.fieldError)('clears', 'only a correction that restates an event clears some of its facts');
            const both = input.clears.filter((fact) => input[fact] !== undefined);
            if (both.length)
                throw (0, app_error_1.fieldError)('clears', `${both.join(', ')} cannot be both given and cleared`);
        }
        // A correction is checked once it carries the facts it does not give (under the weapon's lock, in change()).
        if (!corrected)
            this.assertEventDetails(actor.stateCode, input.type, input);
        if (input.type === 'custody_transferred')
            await this.assertCustodianOpen(actor.stateCode, input.custodian);
        await this.assertKnownStates({ counterpartState: input.counterpartState, 'description.countryOfManufacture': input.description?.countryOfManufacture }, input.markings ?? [], input.parties ?? []);
        return this.change(actor, id, { event: input, markings: input.markings ?? [], corrects: corrected ?? undefined });
    }
    /** The event a correction restates: one of this weapon's, and not itself a correction (the last correction of an event stands). */
    async correctedEvent(actor, weaponId, input) {
        if (!input.correctsEventId)
            throw (0, app_error_1.fieldError)('correctsEventId', 'a correction names the event it corrects (correctsEventId)');
        const corrected = await this.events.find(actor.stateCode, weaponId, input.correctsEventId);
        if (!corrected)
            throw new app_error_1.NotFoundError('Corrected event', 'EVENT_NOT_FOUND');
        if (corrected.type === 'corrected') {
            throw (0, app_error_1.fieldError)('correctsEventId', `event ${corrected.id} is itself a correction: correct event ${corrected.correctsEventId} again (its last correction stands)`);
        }
        return corrected;
    }
    /** Deletes a record whose retention has passed, when purging is enabled on this node (ITI 12). */
    async purge(actor, id) {
        const weapon = await this.weapons.findByIdForUpdate(actor.stateCode, id);
        if (!weapon)
            throw new registry_errors_1.WeaponNotFoundError();
        if (weapon.legalHolds.length > 0) {
            const reasons = weapon.legalHolds.map((hold) => hold.reason);
            throw new app_error_1.ConflictError('LEGAL_HOLD', `The record is under ${reasons.length === 1 ? 'a legal hold' : `${reasons.length} legal holds`}: ${reasons.join('; ')}`, { legalHolds: weapon.legalHolds });
        }
        // A record that a trace sent to another State and not closed was made from is evidence in that exchange
        // (a trace being made from it locks it meanwhile).
        const traceId = await this.weapons.openTraceOf(actor.stateCode, id);
        if (traceId)
            throw new app_error_1.ConflictError('TRACE_OPEN', `Trace ${traceId}, made from this record and sent, is not closed`, { traceId });
        const retainUntil = await this.events.retainUntil(actor.stateCode, id);
        if (retainUntil !== null && retainUntil > this.today())
            throw new registry_errors_1.RetentionActiveError(retainUntil, this.retention.purgeEnabled);
        if (!this.retention.purgeEnabled)
            throw new app_error_1.ConflictError('PURGE_DISABLED', 'Purging expired records is disabled on this node (RETENTION_PURGE_ENABLED)');
        await this.events.deleteHistory(actor.stateCode, id);
        await this.weapons.delete(actor.stateCode, id);
        // The trail keeps what was destroyed, once the record itself is gone.
        this.trail.record(actor, {
            action: 'weapon.purged', targetType: 'weapons', targetId: id,
            details: { serial: weapon.serialAsMarked, type: weapon.typeCode, manufacturer: weapon.manufacturerCode ?? weapon.manufacturerText, model: weapon.model, retainUntil },
        });
    }
    /** A weapon a trace is made from, locked against its purge until the trace's transaction ends. */
    async getForTrace(actor, id) {
        if (!(await this.weapons.lockAgainstPurge(actor.stateCode, id)))
            throw new registry_errors_1.WeaponNotFoundError();
        return this.get(actor, id);
    }
    /** Whether the weapon is still in the registry, locked against its purge until the transaction ends. */
    stillHeld(actor, id) {
        return this.weapons.lockAgainstPurge(actor.stateCode, id);
    }
    /** Places one more legal hold on the record; each is released on its own. */
    async placeLegalHold(actor, id, reason) {
        const weapon = await this.weapons.findByIdForUpdate(actor.stateCode, id);
        if (!weapon)
            throw new registry_errors_1.WeaponNotFoundError();
        const hold = { id: (0, node_crypto_1.randomUUID)(), reason, placedAt: this.clock.now().toISOString(), placedBy: actor.id };
        await this.weapons.update(actor.stateCode, id, { legalHolds: [...weapon.legalHolds, hold] });
        // The hold's id, not its reason (which may name an investigation).
        this.trail.record(actor, { action: 'weapon.legal_hold_placed', targetType: 'weapons', targetId: id, details: { holdId: hold.id } });
        return this.get(actor, id);
    }
    /** Releases one legal hold; the others stand. */
    async releaseLegalHold(actor, id, holdId) {
        const weapon = await this.weapons.findByIdForUpdate(actor.stateCode, id);
        if (!weapon)
            throw new registry_errors_1.WeaponNotFoundError();
        if (!weapon.legalHolds.some((hold) => hold.id === holdId))
            throw new app_error_1.NotFoundError('Legal hold', 'LEGAL_HOLD_NOT_FOUND');
        await this.weapons.update(actor.stateCode, id, { legalHolds: weapon.legalHolds.filter((hold) => hold.id !== holdId) });
        this.trail.record(actor, { action: 'weapon.legal_hold_released', targetType: 'weapons', targetId: id, details: { holdId } });
        return this.get(actor, id);
    }
    /** ITI 13: the records of a closed manufacturer or dealer pass to the State, all at once. */
    async transferCustody(actor, input) {
        this.assertEventDate(input.occurredOn);
        const state = await this.states.get(actor.stateCode);
        const custodian = `${state.name} (national registry)`;
        // Compared as every custodian is (custodian_key, in the database): "TÜRKİYE" is "Türkiye" there, not in JavaScript.
        if (await this.weapons.sameCustodian(input.fromCustodian, custodian))
            throw (0, app_error_1.fieldError)('fromCustodian', `the records of ${custodian} are already the State's`);
        // Alone: no record naming the company is written meanwhile; once it is closed, none can be.
        if (!(await this.weapons.lockCustody(actor.stateCode, 'exclusive', CUSTODY_WAIT_MS))) {
            throw new app_error_1.ConflictError('CUSTODY_BUSY', 'Records naming a custodian are being written (an import, most likely): try the transfer again when it has finished');
        }
        const later = await this.weapons.custodyBeginningAfter(actor.stateCode, input.fromCustodian, input.occurredOn);
        if (later.records > 0) {
            throw (0, app_error_1.fieldError)('occurredOn', `${later.records} records of ${input.fromCustodian} came into its custody after ${input.occurredOn} (the latest on ${later.latest}, by their first event or their last custody transfer): the transfer cannot come before`);
        }
        const transferred = await this.weapons.transferCustody(actor.stateCode, input.fromCustodian, custodian, {
            occurredOn: input.occurredOn,
            parties: custodyParties(input.fromCustodian, custodian),
            retainUntil: this.retention.retainUntil('custody_transferred', input.occurredOn),
            notes: input.notes ?? null,
            recordedBy: actor.id,
        });
        if (transferred === 0)
            throw new app_error_1.NotFoundError(`Records of custodian "${input.fromCustodian}"`, 'CUSTODIAN_NOT_FOUND');
        await this.weapons.closeCustodian({ stateCode: actor.stateCode, name: input.fromCustodian, closedOn: input.occurredOn, recordsCustodian: custodian, createdBy: actor.id });
        this.trail.record(actor, { action: 'registry.custody_transferred', targetType: 'registry', details: { fromCustodian: input.fromCustodian, custodian, transferred } });
        return { transferred, custodian };
    }
    /** Reopens a company closed in error: records may name it again (and a transfer pass them back to it). */
    async reopenCustodian(actor, name) {
        if (!(await this.weapons.reopenCustodian(actor.stateCode, name)))
            throw new app_error_1.NotFoundError(`Closed custodian "${name}"`, 'CUSTODIAN_NOT_CLOSED');
        this.trail.record(actor, { action: 'registry.custodian_reopened', targetType: 'registry', details: { custodian: name } });
    }
    async closedCustodians(actor, page) {
        return (0, pagination_1.mapPage)(await this.weapons.closedCustodians(actor.stateCode, page), markings_dto_1.ClosedCustodianDto.from);
    }
    async settings(actor) {
        return { rulePolicies: await this.policies(actor.stateCode) };
    }
    async updateSettings(actor, input) {
        const errors = Object.entries(input.rulePolicies)
            .filter(([rule, policy]) => !Object.hasOwn(marking_rules_1.DEFAULT_RULE_POLICIES, rule) || !['refuse', 'flag'].includes(policy))
            .map(([rule]) => ({ field: `rulePolicies.${rule}`, messages: [`rulePolicies keys are ${Object.keys(marking_rules_1.DEFAULT_RULE_POLICIES).join(', ')}; values refuse or flag`] }));
        if (errors.length > 0)
            throw new app_error_1.ValidationFailedError(errors);
        const stored = await this.weapons.mergeRulePolicies(actor.stateCode, input.rulePolicies);
        return { rulePolicies: { ...marking_rules_1.DEFAULT_RULE_POLICIES, ...stored } };
    }
    /** Ranked search: serial (exact, look-alike, partial) through the index, then the filters. */
    async search(actor, input) {
        const limit = input.limit ?? 20;
        if (!input.serial && SEARCH_FILTERS.every((field) => input[field] === undefined || (Array.isArray(input[field]) && input[field].length === 0))) {
            throw (0, app_error_1.fieldError)('serial', `give a serial, or at least one of ${SEARCH_FILTERS.join(', ')} (GET /weapons lists the registry)`);
        }
        // Reference data is needed only to read manufacturer and calibre filters.
        const matcher = input.manufacturer || input.calibre ? await this.reference.matcher(actor.stateCode) : null;
        const { filters, reasons: filterReasons } = this.filtersOf(input, matcher);
        if (!input.serial) {
            const weapons = await this.weapons.findFiltered(actor.stateCode, filters, limit);
            return { items: weapons.map((w) => ({ weapon: weapon_response_dto_1.WeaponSummaryDto.from(w), score: 0.5, reasons: filterReasons.length ? filterReasons : ['in the registry'] })), serialQuery: null };
        }
        const query = (0, serial_1.parseSerialQuery)(input.serial);
        if (query.kind === 'pattern' && (0, serial_1.knownCharacters)(query) < MIN_KNOWN_CHARACTERS) {
            throw (0, app_error_1.fieldError)('serial', `a partial serial needs at least ${MIN_KNOWN_CHARACTERS} readable characters`);
        }
        const { weapons, matches } = await this.weapons.serialMatches(actor.stateCode, { kind: query.kind, key: query.folded, normalised: query.kind === 'exact' ? query.normalised : null }, filters, SEARCH_CANDIDATES);
        const bestByWeapon = new Map();
        for (const match of matches) {
            const scored = scoreSerial(query, match.serialNormalised);
            const previous = bestByWeapon.get(match.weaponId);
            if (!previous || scored.score > previous.score)
                bestByWeapon.set(match.weaponId, scored);
        }
        // Equal scores (every match of a pattern, say): the newest record first.
        const items = weapons
            .map((w) => ({ w, serial: bestByWeapon.get(w.id) }))
            .sort((a, b) => b.serial.score - a.serial.score || b.w.createdAt.getTime() - a.w.createdAt.getTime() || a.w.id.localeCompare(b.w.id))
            .slice(0, limit)
            .map(({ w, serial }) => ({ weapon: weapon_response_dto_1.WeaponSummaryDto.from(w), score: serial.score, reasons: [serial.reason, ...filterReasons] }));
        return { items, serialQuery: { kind: query.kind, normalised: query.normalised } };
    }
    /** The filters of a search or a list, manufacturer and calibre read through the reference data, and how each reads. */
    filtersOf(input, matcher) {
        if (input.yearFrom !== undefined && input.yearTo !== undefined && input.yearFrom > input.yearTo)
            throw (0, app_error_1.fieldError)('yearTo', `yearTo ${input.yearTo} is before yearFrom ${input.yearFrom}`);
        const reasons = [];
        const filters = { model: input.model, country: input.country, yearFrom: input.yearFrom, yearTo: input.yearTo, statuses: input.status };
        if (input.manufacturer && matcher) {
            const match = matcher.manufacturer(input.manufacturer);
            if (match) {
                filters.manufacturerCode = match.code;
                reasons.push(`manufacturer ${match.name}${referenceVia(input.manufacturer, match.via, match.name)}`);
            }
            else {
                filters.manufacturerText = input.manufacturer;
                reasons.push(`manufacturer recorded as "${input.manufacturer}"`);
            }
        }
        if (input.calibre && matcher) {
            const match = matcher.calibre(input.calibre);
            if (match) {
                filters.calibreCode = match.code;
                reasons.push(`calibre ${match.name}${referenceVia(input.calibre, match.via, match.name)}`);
            }
            else {
                filters.calibreText = input.calibre;
                reasons.push(`calibre recorded as "${input.calibre}"`);
            }
        }
        if (input.model)
            reasons.push(`model ${input.model}`);
        if (input.country)
            reasons.push(`made in ${input.country}`);
        if (input.yearFrom !== undefined || input.yearTo !== undefined)
            reasons.push(`made ${input.yearFrom ?? '…'}–${input.yearTo ?? '…'}`);
        if (input.status?.length)
            reasons.push(`status ${input.status.join(' or ')}`);
        return { filters, reasons };
    }
    /**
     * Applies markings and/or an event to a weapon, judged against the rules before and after. A correction
     * may also correct the description (with the record's first event) and withdraw markings recorded in error.
     */
    async change(actor, id, change) {
        const weapon = await this.weapons.findByIdForUpdate(actor.stateCode, id);
        if (!weapon)
            throw new registry_errors_1.WeaponNotFoundError();
        // One transaction is one connection: its queries run one after the other.
        const markings = (await this.weapons.markingsOf(actor.stateCode, id)).filter((m) => !m.withdrawnBy);
        const history = await this.events.historyOf(actor.stateCode, id);
        const withdrawn = change.event?.withdrawsMarkings ?? [];
        await this.assertWithdrawable(actor.stateCode, id, markings, withdrawn);
        const corrected = change.event?.description && change.corrects ? await this.correctedDescription(actor.stateCode, weapon, history, change.corrects, change.event.description) : null;
        let status = weapon.status;
        let event = null;
        let historyAfter = history;
        if (change.event) {
            // The statuses the events moved the weapon to, by date: those that keep it (a marking, a custody transfer) say only what it was when they were written.
            const statuses = (0, corrections_1.standingHistory)(history).filter((e) => (0, status_machine_1.movesStatus)(e.type)).map((e) => e.statusAfter);
            const next = (0, status_machine_1.newEventStatus)(weapon.status, change.event.type, change.event.statusAfter, statuses);
            if (!next.ok)
                throw new registry_errors_1.EventNotAllowedError(next.reason);
            status = next.status;
            // The facts a restatement does not give are those of the event's last restatement, or its own (an annulment gives none).
            const restated = change.corrects && (0, corrections_1.standingCorrections)(history.filter((e) => e.restates)).get(change.corrects.id);
            const details = change.corrects
                ? restatement(change.event, restated || change.corrects)
                : change.event.type === 'custody_transferred' && !change.event.parties?.length
                    ? { ...change.event, parties: custodyParties(weapon.custodian, change.event.custodian) }
                    : change.event;
            // A correction restates the event it corrects, with the same papers: that of an export names its destination and licence.
            // The counterpart carried over from a record written before it had to be another State is judged only when the correction gives one.
            if (change.corrects && !details.annuls)
                this.assertEventDetails(actor.stateCode, change.corrects.type, details, change.event.counterpartState !== undefined);
            event = this.toEvent(actor, id, change.event.type, details, status, change.corrects?.type);
            event.description = corrected?.changes ?? null;
            // Written after every other event of the weapon (under its lock), so that the last correction stands here and in SQL alike.
            event.recordedAt = await this.events.nextWriteTime(actor.stateCode, id);
            historyAfter = [...history, { ...event, id: '' }];
            // A year cleared (null) is no year: only one given is judged against the dates.
            const yearAfter = corrected && corrected.described.yearOfManufacture !== undefined ? corrected.described.yearOfManufacture : weapon.yearOfManufacture;
            assertInOrder(history, historyAfter, change.corrects?.id ?? '', weapon.yearOfManufacture, yearAfter, corrected?.changes.yearOfManufacture !== undefined);
            // A correction that annuls an event, or restores one annulled, changes what happened: the status is replayed.
            if (change.corrects && Boolean(change.event.annuls) !== Boolean((0, corrections_1.standingCorrections)(history).get(change.corrects.id)?.annuls)) {
                const replayed = (0, corrections_1.standingStatus)(historyAfter);
                if (!replayed.ok)
                    throw new registry_errors_1.EventNotAllowedError(replayed.reason);
                status = event.statusAfter = replayed.status;
            }
        }
        this.assertMayMark(actor, status, change.markings.length > 0 || change.event?.type === 'marked');
        const before = {
            stateCode: actor.stateCode,
            status: weapon.status,
            craftOr3dPrinted: weapon.craftOr3dPrinted,
            markings,
            eventTypes: (0, corrections_1.standingHistory)(history).map((e) => e.type),
            deactivatedFrom: (0, corrections_1.statusBeforeDeactivation)(history),
        };
        const after = {
            ...before,
            status,
            craftOr3dPrinted: corrected?.described.craftOr3dPrinted ?? weapon.craftOr3dPrinted,
            markings: [...markings.filter((m) => !withdrawn.includes(m.id)), ...change.markings],
            eventTypes: (0, corrections_1.standingHistory)(historyAfter).map((e) => e.type),
            deactivatedFrom: (0, corrections_1.statusBeforeDeactivation)(historyAfter),
        };
        const outcome = (0, marking_rules_1.judgeChange)(before, after, await this.policies(actor.stateCode));
        if (outcome.refused.length > 0)
            throw new registry_errors_1.MarkingRuleBreachError(outcome.refused);
        const saved = event ? await this.events.insert(event) : null;
        // Withdrawn markings leave the serial index, then the weapon's corrected serial enters it, then new markings
        // (one repeating the weapon's serial adds nothing).
        if (saved && withdrawn.length)
            await this.weapons.withdrawMarkings(actor.stateCode, id, withdrawn, saved.id);
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
    async assertWithdrawable(stateCode, weaponId, current, ids) {
        const strays = ids.filter((markingId) => !current.some((m) => m.id === markingId));
        if (!strays.length)
            return;
        const all = await this.weapons.markingsOf(stateCode, weaponId);
        throw new app_error_1.ValidationFailedError(strays.map((markingId) => ({
            field: `withdrawsMarkings[${ids.indexOf(markingId)}]`,
            messages: [all.some((m) => m.id === markingId) ? `marking ${markingId} was withdrawn already` : `marking ${markingId} is not one of this weapon's`],
        })));
    }
    /**
     * The record as a correction of its first event describes it: the fields given read as at registration
     * (type, manufacturer and calibre against the reference data), the others as recorded; the country of
     * manufacture follows a corrected manufacturer when it was that manufacturer's. And what changed, each
     * field from → to as the record reads it (the type by its code).
     */
    async correctedDescription(stateCode, weapon, history, corrects, input) {
        const first = (0, corrections_1.firstRecorded)(history);
        if (first && corrects.id !== first.id) {
            throw (0, app_error_1.fieldError)('description', `the description was recorded with the record's first event: correct it with a correction of event ${first.id}`);
        }
        const matcher = await this.reference.matcher(stateCode);
        const { columns: described, manufacturerCountry } = describeGiven(matcher, input, weapon.unknownReferences, 'description.');
        // The country of manufacture follows a corrected manufacturer when it was the former one's.
        if (input.manufacturer !== undefined && input.countryOfManufacture === undefined && manufacturerCountry) {
            const former = weapon.manufacturerCode ? matcher.manufacturer(weapon.manufacturerCode) : null;
            if (!weapon.countryOfManufacture || weapon.countryOfManufacture === former?.country)
                described.countryOfManufacture = manufacturerCountry;
        }
        const before = descriptionOf(weapon);
        const after = descriptionOf({ ...weapon, ...described });
        const changes = {};
        for (const field of weapon_dto_1.DESCRIPTION_FIELDS)
            if (after[field] !== before[field])
                changes[field] = { from: before[field], to: after[field] };
        if (!Object.keys(changes).length)
            throw (0, app_error_1.fieldError)('description', 'the description given is the one recorded: nothing to correct');
        return { described, changes };
    }
    /** ITI 13: a record names no company whose records passed to the State (custody shared until the transaction ends). */
    async assertCustodianOpen(stateCode, custodian) {
        if (!custodian)
            return;
        await this.weapons.lockCustody(stateCode, 'shared');
        const closed = await this.weapons.closedCustodian(stateCode, custodian);
        if (closed)
            throw new registry_errors_1.CustodianClosedError(closed);
    }
    assertMayRecord(actor, event) {
        const roles = actor.roles;
        if (roles.includes('registrar'))
            return;
        if (roles.includes('officer') && OFFICER_EVENTS.includes(event))
            return;
        throw new app_error_1.ForbiddenError('ROLE_REQUIRED', `Recording "${event}" needs the registrar role${OFFICER_EVENTS.includes(event) ? ' or the officer role' : ''}`);
    }
    /** An officer marks a weapon seized or found (with the seizure, or after it); the markings of any other record are a registrar's. */
    assertMayMark(actor, statusAfter, marks) {
        if (!marks || actor.roles.includes('registrar') || OFFICER_STATUSES.includes(statusAfter))
            return;
        throw new app_error_1.ForbiddenError('ROLE_REQUIRED', `Marking a record that is ${statusAfter.replace(/_/g, ' ')} needs the registrar role: officers mark the weapons they seize or find`);
    }
    /** Events that are only meaningful with their papers: an export names destination and licence, an import its origin, another State than this one. */
    assertEventDetails(stateCode, type, details, counterpartGiven = true) {
        if (type === 'exported') {
            const missing = [...(!details.counterpartState ? ['counterpartState'] : []), ...(!details.licenceRef ? ['licenceRef'] : [])];
            if (missing.length)
                throw new app_error_1.ValidationFailedError(missing.map((field) => ({ field, messages: [`an export names the destination State and the export licence (${field})`] })));
        }
        if (type === 'imported' && !details.counterpartState)
            throw (0, app_error_1.fieldError)('counterpartState', 'an import names the State of origin (counterpartState)');
        if (counterpartGiven && (type === 'exported' || type === 'imported') && details.counterpartState?.toUpperCase() === stateCode) {
            throw (0, app_error_1.fieldError)('counterpartState', `an ${type === 'exported' ? 'export goes to' : 'import comes from'} another State than ${stateCode}, the one keeping this record`);
        }
    }
    /** An event's date: from the earliest year of a record on, and not after today where the day is furthest ahead. */
    assertEventDate(occurredOn) {
        if (occurredOn < `${registry_constants_1.EARLIEST_YEAR}-01-01`)
            throw (0, app_error_1.fieldError)('occurredOn', `occurredOn must be in ${registry_constants_1.EARLIEST_YEAR} or later`);
        if (occurredOn > this.clock.latestToday())
            throw (0, app_error_1.fieldError)('occurredOn', 'occurredOn cannot be in the future');
    }
    /** States named by the fields of `codes` (field name → code given) and by the markings. */
    async assertKnownStates(codes, markings, parties = []) {
        await this.states.assertKnown([
            ...Object.entries(codes),
            ...markings.map((m, i) => [`markings[${i}].country`, m.country]),
            ...parties.map((p, i) => [`parties[${i}].country`, p.country]),
        ]);
    }
    originStatus(input) {
        switch (input.origin) {
            case 'acquired_by_government':
                return 'government_stock';
            case 'seized':
                return 'seized';
            case 'found':
                return 'found';
            default:
                return input.status ?? 'civilian_held';
        }
    }
    async policies(stateCode) {
        const settings = await this.weapons.settings(stateCode);
        return { ...marking_rules_1.DEFAULT_RULE_POLICIES, ...(settings?.rulePolicies ?? {}) };
    }
    toMarking(stateCode, weaponId, m) {
        return {
            stateCode, weaponId, kind: m.kind, component: m.component, text: m.text, manufacturer: m.manufacturer ?? null, country: m.country ?? null,
            serial: m.serial ?? null, year: m.year ?? null, symbolCode: m.symbolCode ?? null, method: m.method ?? null, photoRefs: m.photoRefs ?? [],
        };
    }
    toEvent(actor, weaponId, type, details, statusAfter, 
    /** The event type whose retention applies: a correction is kept as long as the event it corrects. */
    retainedAs = type) {
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
    today() {
        return this.clock.today();
    }
};
exports.WeaponsService = WeaponsService;
exports.WeaponsService = WeaponsService = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [weapons_repository_1.WeaponsRepository,
        record_events_repository_1.RecordEventsRepository,
        retention_1.RetentionPolicy,
        reference_service_1.ReferenceService,
        states_service_1.StatesService,
        clock_1.Clock,
        audit_trail_1.AuditTrail])
], WeaponsService);
/**
 * What a correction records: unless it annuls, it restates the corrected event's facts whole, those it
 * neither gives nor clears carried over from `current` (the event as last restated).
 */
function restatement(input, current) {
    if (input.annuls)
        return { ...input, restates: false };
    const carried = (fact) => (input.clears?.includes(fact) ? undefined : input[fact] ?? current[fact] ?? undefined);
    return {
        ...input,
        restates: true,
        parties: input.parties ?? current.parties,
        licenceRef: carried('licenceRef'),
        authorisationRef: carried('authorisationRef'),
        counterpartState: carried('counterpartState'),
    };
}
/** How long a company's closure waits for the writes naming a custodian (an import holds them until it commits). */
const CUSTODY_WAIT_MS = 5000;
/** The record's description, field by field, as a correction compares it (the type by its code). */
function descriptionOf(w) {
    return {
        type: w.typeCode, manufacturer: w.manufacturerText, model: w.model, calibre: w.calibreText, serial: w.serialAsMarked, countryOfManufacture: w.countryOfManufacture,
        yearOfManufacture: w.yearOfManufacture, craftOr3dPrinted: w.craftOr3dPrinted, modular: w.modular, serialObliterated: w.serialObliterated,
    };
}
/**
 * The weapon's columns for the description fields given, and only those: type, manufacturer and calibre
 * read against the reference data (`unknownReferences`, those of the record so far, says which of them
 * matched nothing); a country of manufacture given as is. `manufacturerCountry`: the reference country of
 * the manufacturer given, for the caller to fall back on.
 */
function describeGiven(matcher, input, unknownReferences, fieldPrefix = '') {
    const columns = { unknownReferences };
    const unknown = (field, isUnknown) => {
        columns.unknownReferences = [...columns.unknownReferences.filter((f) => f !== field), ...(isUnknown ? [field] : [])];
    };
    let manufacturerCountry = null;
    if (input.type !== undefined && input.type !== null) {
        const type = matcher.weaponType(input.type, `${fieldPrefix}type`);
        Object.assign(columns, { typeCode: type.code, category: type.category });
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
    if (input.serial !== undefined)
        Object.assign(columns, { serialAsMarked: input.serial, serialNormalised: input.serial === null ? null : (0, serial_1.normaliseSerial)(input.serial) });
    for (const field of ['model', 'countryOfManufacture', 'yearOfManufacture', 'craftOr3dPrinted', 'modular', 'serialObliterated']) {
        if (input[field] !== undefined)
            Object.assign(columns, { [field]: input[field] });
    }
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
function assertInOrder(history, after, judged, yearBefore, yearAfter, yearCorrected) {
    const origin = (0, corrections_1.firstRecorded)(history);
    if (!origin)
        return;
    const read = (events, year) => {
        const standing = (0, corrections_1.standingHistory)(events);
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
    if (!now.first)
        return;
    const what = (e) => `${e.type.replace(/_/g, ' ')} on ${e.occurredOn}`;
    const broken = now.standing.filter((e) => now.before.has(e.id) && !was.before.has(e.id));
    const event = broken.find((e) => e.id === judged);
    if (event)
        throw (0, app_error_1.fieldError)('occurredOn', `occurredOn ${event.occurredOn} is before the record's first event (${what(now.first)})`);
    if (broken.length)
        throw (0, app_error_1.fieldError)('occurredOn', `the record's first event cannot come after its ${what(broken[0])}`);
    if (now.madeLater && !was.madeLater) {
        throw (0, app_error_1.fieldError)(yearCorrected ? 'description.yearOfManufacture' : 'occurredOn', `the year of manufacture, ${yearAfter}, is after the record's first event (${what(now.first)})`);
    }
    // Events are recorded in the order they happened: only an order this change breaks is refused.
    const outOfOrder = (0, corrections_1.datedBeforeEarlier)(history);
    for (const [id, earlier] of (0, corrections_1.datedBeforeEarlier)(after)) {
        if (outOfOrder.has(id))
            continue;
        const event = now.standing.find((e) => e.id === id);
        throw (0, app_error_1.fieldError)('occurredOn', id === judged
            ? `occurredOn ${event.occurredOn} is before the ${what(earlier)}, recorded earlier: events are recorded in the order they happened (correct that event if its date is wrong)`
            : `the ${what(event)} would come before the ${what(earlier)}, recorded before it: events are recorded in the order they happened`);
    }
    const markedAfter = new Set((0, corrections_1.afterDestruction)(history).map(({ event }) => event.id));
    for (const { event, destroyed } of (0, corrections_1.afterDestruction)(after)) {
        if (markedAfter.has(event.id))
            continue;
        throw (0, app_error_1.fieldError)('occurredOn', event.id === judged
            ? `occurredOn ${event.occurredOn} is after the weapon's destruction (${what(destroyed)}): it could not be marked then`
            : `the ${what(event)} would come after the weapon's destruction (${what(destroyed)})`);
    }
}
/** Who kept a record's papers before a custody transfer (ITI 13), when anyone did, and who keeps them after. */
function custodyParties(from, to) {
    return [...(from ? [{ role: 'previous_custodian', name: from }] : []), { role: 'custodian', name: to }];
}
/**
 * Serials as given must fit the index once normalised (NFKC can lengthen them), and hold a letter or a
 * digit (a "-" put for "none" is no serial).
 */
function assertSerialsFit(serial, markings, serialField = 'serial') {
    const problem = (value) => {
        if (typeof value !== 'string')
            return null;
        const normalised = (0, serial_1.normaliseSerial)(value);
        if (!(0, serial_1.holdsSerialCharacter)(normalised))
            return 'serial holds no letter or digit: leave it out (with serialObliterated if it cannot be read)';
        // Characters as the database counts them (code points), as the import does.
        return [...normalised].length > 64 ? 'serial is longer than 64 characters once normalised' : null;
    };
    const checks = [[serialField, serial], ...markings.map((m, i) => [`markings[${i}].serial`, m.serial])];
    const errors = checks.flatMap(([field, value]) => {
        const message = problem(value);
        return message ? [{ field, messages: [message] }] : [];
    });
    if (errors.length)
        throw new app_error_1.ValidationFailedError(errors);
}
/** What a search without a serial is filtered on: one at least. */
const SEARCH_FILTERS = ['manufacturer', 'model', 'calibre', 'country', 'yearFrom', 'yearTo', 'status'];
function referenceVia(given, via, name) {
    return via === name && given.trim().toLowerCase() === name.toLowerCase() ? '' : ` (through "${via}")`;
}
/** Ranks a serial candidate: 1 exact, 0.9 look-alike, patterns lower the more is unknown. */
function scoreSerial(query, serial) {
    if (query.kind === 'exact') {
        if (serial === query.normalised)
            return { score: 1, reason: `serial ${serial} matches exactly` };
        const swaps = [...serial].map((c, i) => (c !== query.normalised[i] ? `${query.normalised[i] ?? '?'} read as ${c}` : null)).filter(Boolean);
        return { score: 0.9, reason: `serial ${serial} matches with look-alike characters (${swaps.join(', ')})` };
    }
    const score = Math.max(0.3, Math.round((0.8 - 0.05 * query.unknowns) * 100) / 100);
    return { score, reason: `serial ${serial} fits the partial serial ${query.normalised}` };
}
//# sourceMappingURL=weapons.service.js.map