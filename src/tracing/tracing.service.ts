import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import { EventEmitter } from 'node:events';
import { isDeepStrictEqual } from 'node:util';
import { AuditTrail } from '../audit/audit-trail';
import { CasesService } from '../cases/cases.service';
import { CONTENT_READ, type CaseField, type CasePerson } from '../cases/cases.constants';
import type { AuthUser } from '../common/auth/auth-user';
import type { DataKeyColumns } from '../common/encryption/data-key.columns';
import { RecordSealing } from '../common/encryption/record-cipher';
import { Clock } from '../common/clock';
import { AfterCommit } from '../common/http/after-commit';
import { AppError, ConflictError, ForbiddenError, NotFoundError, ValidationFailedError } from '../common/errors/app-error';
import { mapPage, Page, PageQueryDto } from '../common/http/pagination';
import { AppConfig } from '../config/app-config';
import { Db } from '../database/db';
import type { InterpolExportDto } from './dto/interpol-export.dto';
import { canonicalSha256, renderTraceRequestPdf, renderTraceResponsePdf, TraceRequestForm, TraceResponseForm } from '../documents/trace-forms';
import { checkPrintable, ImageError } from '../documents/pdf-layout';
import { NotificationsService } from '../notifications/notifications.service';
import { ReferenceService } from '../reference/reference.service';
import { standingHistory } from '../records/corrections';
import { actorOf, custodianOf, HANDING_EVENTS, holderAfter, recipientOf } from '../records/legal-holder';
import { holdsSerialCharacter, normaliseSerial } from '../registry/serial';
import type { WeaponDto } from '../registry/dto/weapon.response.dto';
import type { SearchResultDto } from '../registry/dto/search.dto';
import { WeaponsService } from '../registry/weapons.service';
import { EARLIEST_YEAR, EventType, IMPORT_EVENTS } from '../registry/registry.constants';
import { StatesService, unknownStateMessage } from '../states/states.service';
import {
  AnswerTraceDto, CloseTraceDto, CreateTraceDto, FollowUpDto, ListTracesQueryDto, ObservedWeaponDto, PhotoQueryDto, ReceivedOutsideDto, RecordAnswerDto, RecordInformationRequestDto, UpdateTraceDto,
  WithdrawTraceDto,
} from './dto/trace.dto';
import type { TracePhotoEntity } from './entities/trace-photo.entity';
import { CandidateDto, CandidatesDto, TraceDto, TraceSummaryDto } from './dto/trace.response.dto';
import { restrictionsAddedBy } from './entities/trace.entity';
import type { ChainLink, EarlierAnswer, ObservedWeapon, TraceAnswer, TraceEntity, TraceNote } from './entities/trace.entity';
import type { OutboxMessageEntity } from './entities/outbox-message.entity';
import { hopOf } from './entities/trace-view';
import { checkTransition, TraceAction, TRACE_RULES } from './trace-lifecycle';
import { TracesRepository } from './traces.repository';
import { CLASSIFICATIONS, MESSAGE_CONTENTS, OUTBOX_MAX_ATTEMPTS } from './tracing.constants';
import type { Outcome, Priority } from './tracing.constants';

export class TraceNotFoundError extends NotFoundError {
  constructor() {
    super('Trace', 'TRACE_NOT_FOUND');
  }
}

/** The content a request carries between States: the same in both copies, so both hash alike. */
const REQUEST_FIELDS = [
  'requestingState', 'requestedState', 'requestingAuthority', 'officerName', 'npcName', 'channel', 'priority', 'urgentJustification', 'illicitBasis',
  'legalJustification', 'recovery', 'intendedUse', 'classification', 'confidentialityRequested', 'useRestrictions', 'weaponObserved',
  'onBehalfOf', 'ballistics',
] as const;
type RequestContent = Pick<TraceEntity, (typeof REQUEST_FIELDS)[number]>;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** Contact points printed on a request form, of each State (the directory lists them all). */
const FORM_CONTACT_POINTS = 10;
const NO_DATA_KEY: DataKeyColumns = { kekId: null, wrapped: null };

/** The copy a disclosure is sealed into (its id and State bind the ciphertext). */
type SealTarget = Pick<TraceEntity, 'id' | 'stateCode' | 'dataKey'>;

const DISCLOSURE_LABELS: Record<CaseField, string> = {
  reference: 'Investigation reference',
  offence: 'Offence',
  narrative: 'Narrative',
  persons: 'Persons',
  placeOfRecovery: 'Place of recovery',
  investigatingAgency: 'Investigating agency',
};
const MAX_PHOTOS = 10;
/** Registry matches a trace's candidates are ranked from (the most a search returns), and how many are shown. */
const CANDIDATE_POOL = 100;
const CANDIDATES_SHOWN = 10;

interface SentPhoto {
  component: string | null;
  caption: string | null;
  mediaType: 'image/jpeg' | 'image/png';
  sha256: string;
  data: string;
}

function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * Trace requests and answers between national points of contact (ITI 14–23). Each State keeps its own
 * copy; a transition on one copy writes a message (outbox) that OutboxWorker applies to the other.
 */
@Injectable()
export class TracingService {
  constructor(
    private readonly db: Db,
    private readonly traces: TracesRepository,
    private readonly weapons: WeaponsService,
    private readonly reference: ReferenceService,
    private readonly states: StatesService,
    private readonly notifications: NotificationsService,
    private readonly cases: CasesService,
    private readonly sealing: RecordSealing,
    private readonly trail: AuditTrail,
    private readonly clock: Clock,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  /** Emits 'written' once a transaction that wrote messages has committed (OutboxWorker delivers them). */
  readonly outbox = new EventEmitter();

  async create(actor: AuthUser, input: CreateTraceDto): Promise<TraceDto> {
    let observed = input.weapon ? observedWeapon(input.weapon) : null;
    let requestedState = input.requestedState;
    if (input.weaponId) {
      const weapon = await this.weapons.getForTrace(actor, input.weaponId);
      observed = mergeObserved(observedFromRegistry(weapon), observed, input.weapon?.serialObliterated);
      // ITI 8(b): the import marking names the country of import, the first State to ask.
      // (Not the requesting State's own import marking: it asks the State the weapon came from.)
      requestedState ??= weapon.markings.find((m) => m.kind === 'import' && m.country && m.country !== actor.stateCode)?.country ?? weapon.countryOfManufacture ?? undefined;
    }
    if (!observed) throw fieldErrors([['weapon', 'weapon is required unless weaponId names a weapon of your registry']]);
    if (!requestedState) throw fieldErrors([['requestedState', 'requestedState is required unless the weapon of weaponId names a country of import or manufacture']]);
    await this.checkRequest(actor, { ...input, requestedState, priority: input.priority as Priority, urgentJustification: input.urgentJustification ?? null, weaponObserved: observed, onBehalfOf: input.onBehalfOf ?? null });
    const now = this.clock.now();
    const id = randomUUID();
    const confidential = await this.linkCase(actor, { id, stateCode: actor.stateCode, dataKey: NO_DATA_KEY }, input.caseId ?? null, input.disclose ?? []);
    const trace = await this.traces.insert({
      ...confidential,
      id,
      exchangeId: id,
      stateCode: actor.stateCode,
      direction: 'outgoing',
      status: 'draft',
      version: 1,
      requestingState: actor.stateCode,
      requestedState,
      weaponId: input.weaponId ?? null,
      officerId: actor.id,
      officerName: actor.name,
      requestingAuthority: input.requestingAuthority,
      channel: input.channel,
      priority: input.priority as Priority,
      urgentJustification: input.urgentJustification ?? null,
      illicitBasis: input.illicitBasis,
      legalJustification: input.legalJustification,
      recovery: { ...input.recovery },
      intendedUse: input.intendedUse,
      classification: await this.classificationFor(actor, input.caseId ?? null, input.disclose ?? [], input.classification, 'restricted'),
      confidentialityRequested: input.confidentialityRequested ?? true,
      useRestrictions: input.useRestrictions ?? ['law_enforcement_only'],
      weaponObserved: observed,
      onBehalfOf: input.onBehalfOf ? { ...input.onBehalfOf } : null,
      ballistics: input.ballistics ? { ...input.ballistics } : null,
      notes: [],
      createdBy: actor.id,
      createdAt: now,
      updatedAt: now,
    });
    // Linking the case read its fields, and recorded it (cases.disclose): the response carrying them is not a second read.
    return TraceDto.full(trace, [hopOf(trace)], [], this.disclosureFor(actor, trace, input.caseId != null));
  }

  async get(actor: AuthUser, id: string): Promise<TraceDto> {
    const trace = await this.visible(actor, id);
    const dto = await this.done(actor, trace);
    // What a trace discloses of a case file is case content: its every read is audited.
    if (dto.disclosure) this.trail.record(actor, { action: 'trace.disclosure_read', targetType: 'traces', targetId: id, details: { fields: trace.disclosedFields } });
    return dto;
  }

  async list(actor: AuthUser, query: ListTracesQueryDto): Promise<Page<TraceSummaryDto>> {
    const officerOnly = !actor.roles.some((role) => role === 'npc' || role === 'auditor');
    const page = await this.traces.list(actor.stateCode, { direction: query.direction, status: query.status, createdBy: officerOnly ? actor.id : undefined }, query);
    return mapPage(page, TraceSummaryDto.from);
  }

  async update(actor: AuthUser, id: string, version: number, input: UpdateTraceDto): Promise<TraceDto> {
    const trace = await this.transition(actor, id, version, 'edit');
    const changes: Partial<TraceEntity> = {};
    for (const key of ['requestedState', 'requestingAuthority', 'channel', 'priority', 'urgentJustification', 'illicitBasis', 'legalJustification', 'intendedUse', 'classification', 'confidentialityRequested', 'useRestrictions'] as const) {
      if (input[key] !== undefined) (changes as Record<string, unknown>)[key] = input[key];
    }
    if (input.recovery) changes.recovery = { ...input.recovery };
    if (input.onBehalfOf !== undefined) changes.onBehalfOf = input.onBehalfOf ? { ...input.onBehalfOf } : null;
    if (input.ballistics !== undefined) changes.ballistics = input.ballistics ? { ...input.ballistics } : null;
    if (input.weapon) {
      // As on create: the observation of a weapon drafted from a registry record is merged with the record, while it is there.
      const record = trace.weaponId && (await this.weapons.stillHeld(actor, trace.weaponId)) ? await this.weapons.get(actor, trace.weaponId) : null;
      const observed = observedWeapon(input.weapon);
      changes.weaponObserved = record ? mergeObserved(observedFromRegistry(record), observed, input.weapon.serialObliterated) : observed;
    }
    const linked = input.caseId !== undefined || input.disclose !== undefined;
    // The fields chosen from one case are no choice of another's: a request that names another case says what of it goes.
    if (input.caseId !== undefined && input.caseId !== trace.caseId && input.disclose === undefined && trace.disclosedFields.length > 0) {
      throw fieldErrors([['disclose', 'the request names another case: say which of its fields go with the request (disclose, [] for none)']]);
    }
    if (linked) {
      Object.assign(changes, await this.linkCase(actor, trace, input.caseId ?? trace.caseId, input.disclose ?? trace.disclosedFields));
    }
    if (input.caseId !== undefined || input.disclose !== undefined || input.classification !== undefined) {
      const caseId = changes.caseId !== undefined ? changes.caseId : trace.caseId;
      changes.classification = await this.classificationFor(actor, caseId, changes.disclosedFields ?? trace.disclosedFields, input.classification, trace.classification);
    }
    const next = { ...trace, ...changes } as TraceEntity;
    await this.checkInherited(actor, trace, next);
    await this.checkRequest(actor, next);
    // An edit that changes nothing leaves the version as it is: another reader's If-Match stays good.
    const changed = (Object.keys(changes) as (keyof TraceEntity)[]).filter((key) => !isDeepStrictEqual(changes[key], trace[key]));
    // Linking the case again read its fields, and recorded it: the response carrying them is not a second read.
    if (changed.length === 0) return this.done(actor, trace, linked);
    return this.done(actor, await this.traces.update(trace, changes, this.clock.now()), linked);
  }

  async submit(actor: AuthUser, id: string, version: number): Promise<TraceDto> {
    const trace = await this.transition(actor, id, version, 'submit');
    await this.checkRequest(actor, trace);
    const now = this.clock.now();
    const updated = await this.traces.update(trace, { status: 'submitted', submittedAt: now }, now);
    await this.notifications.notify(actor.stateCode, ['npc'], [], { kind: 'trace_submitted', traceId: trace.id, message: `Trace to ${trace.requestedState} submitted for validation` });
    return this.done(actor, updated);
  }

  async returnToOfficer(actor: AuthUser, id: string, version: number, reason: string): Promise<TraceDto> {
    const trace = await this.transition(actor, id, version, 'return');
    const now = this.clock.now();
    const updated = await this.traces.update(trace, { status: 'returned', npcId: actor.id, notes: [...trace.notes, this.note('returned', reason, actor)] }, now);
    await this.notifications.notify(actor.stateCode, [], [trace.createdBy], { kind: 'trace_returned', traceId: trace.id, message: `Your trace to ${trace.requestedState} was returned: ${reason}` });
    return this.done(actor, updated);
  }

  async send(actor: AuthUser, id: string, version: number): Promise<TraceDto> {
    const trace = await this.transition(actor, id, version, 'send');
    await this.checkRequest(actor, trace);
    // From now on the record it was made from is evidence in the exchange and cannot be purged (TRACE_OPEN):
    // locked against a purge under way, which then sees the trace sent, or found gone if the purge came first.
    const weaponId = trace.weaponId && (await this.weapons.stillHeld(actor, trace.weaponId)) ? trace.weaponId : null;
    const now = this.clock.now();
    // A follow-up leaves with every restriction its parent and the parent's answer carry now, classified at least
    // as they are, and with what the answer reports now (an answer that followed a delayed, partial or refused one
    // may have added to them since it was opened). No note but the answer it carries is written before sending.
    // Locked, as an answer arriving for it locks it: either that answer is read here, or this follow-up is sent
    // when the answer looks for those to tell (tellSentFollowUps).
    const parent = trace.parentId ? await this.traces.findByIdForUpdate(actor.stateCode, trace.parentId) : null;
    const inherited = parent ? inheritedFrom(parent) : null;
    const useRestrictions = inherited ? [...new Set([...trace.useRestrictions, ...inherited.useRestrictions])] : trace.useRestrictions;
    const classification = inherited && rank(inherited.classification) > rank(trace.classification) ? inherited.classification : trace.classification;
    const carried = parent !== null && carriesAnswer(trace);
    if (carried) await this.assertOnwardDisclosure(actor, parent, trace.requestedState, 'Withdraw this follow-up and follow up with carryAnswer: false');
    const notes = carried ? trace.notes.map((note) => (note.kind === 'information_provided' ? { ...note, text: followUpNote(parent), carried: true } : note)) : trace.notes;
    const urgent = trace.priority === 'urgent';
    const acknowledgeDueAt = new Date(now.getTime() + (urgent ? this.config.TRACE_ACKNOWLEDGE_HOURS_URGENT : this.config.TRACE_ACKNOWLEDGE_HOURS_ROUTINE) * HOUR);
    const answerDueAt = new Date(now.getTime() + (urgent ? this.config.TRACE_ANSWER_DAYS_URGENT : this.config.TRACE_ANSWER_DAYS_ROUTINE) * 24 * HOUR);
    const updated = await this.traces.update(trace, { status: 'sent', npcId: actor.id, npcName: actor.name, sentAt: now, acknowledgeDueAt, answerDueAt, useRestrictions, classification, notes, weaponId }, now);
    const photos = (await this.traces.photosWithData(actor.stateCode, trace.id)).map((p) => ({
      component: p.component, caption: p.caption, mediaType: p.mediaType, sha256: p.sha256, data: p.data.toString('base64'),
    }));
    const disclosure = this.openDisclosure(updated);
    await this.message(updated, updated.requestedState, 'trace.sent', {
      request: requestContent(updated), photos, sentAt: now.toISOString(), acknowledgeDueAt: acknowledgeDueAt.toISOString(), answerDueAt: answerDueAt.toISOString(),
      disclosedFields: updated.disclosedFields,
      // The information given with the request: what an earlier State answered, carried by a follow-up.
      notes: updated.notes.filter((note) => note.kind === 'information_provided'),
    }, disclosure ? { disclosure } : null);
    return this.done(actor, updated);
  }

  async acknowledge(actor: AuthUser, id: string, version: number): Promise<TraceDto> {
    const trace = await this.transition(actor, id, version, 'acknowledge');
    const now = this.clock.now();
    const updated = await this.traces.update(trace, { status: 'acknowledged', acknowledgedAt: now, overdueSince: null }, now);
    await this.message(updated, updated.requestingState, 'trace.acknowledged', { at: now.toISOString() });
    return this.done(actor, updated);
  }

  async requestInformation(actor: AuthUser, id: string, version: number, text: string): Promise<TraceDto> {
    const trace = await this.transition(actor, id, version, 'request_information');
    const note = this.note('information_requested', text, actor);
    // The answer is not late while the requester owes the information: the clock stops (pausedDue).
    const updated = await this.traces.update(trace, { status: 'information_requested', notes: [...trace.notes, note], overdueSince: null }, this.clock.now());
    await this.message(updated, updated.requestingState, 'trace.information_requested', { note });
    return this.done(actor, updated);
  }

  async provideInformation(actor: AuthUser, id: string, version: number, text: string): Promise<TraceDto> {
    const trace = await this.transition(actor, id, version, 'provide_information');
    const note = this.note('information_provided', text, actor);
    const updated = await this.traces.update(trace, { status: 'acknowledged', notes: [...trace.notes, note], answerDueAt: pausedDue(trace, note), informationDueAt: null, overdueSince: null }, this.clock.now());
    await this.message(updated, updated.requestedState, 'trace.information_provided', { note });
    return this.done(actor, updated);
  }

  async answer(actor: AuthUser, id: string, version: number, input: AnswerTraceDto): Promise<TraceDto> {
    const trace = await this.transition(actor, id, version, 'answer');
    const errors = answerErrors(input, trace, this.clock.latestToday());
    if (input.outcome === 'delayed' && input.expectedDate && input.expectedDate < this.clock.today()) {
      errors.push(['expectedDate', 'expectedDate cannot be in the past']);
    }
    if (errors.length) throw fieldErrors(errors);
    const prefill = reportsRecord(input.outcome) && input.weaponId ? prefillFrom(await this.weapons.get(actor, input.weaponId), actor.stateCode) : null;
    const now = this.clock.now();
    const answer = await this.composeAnswer(trace, input, now, prefill);
    const updated = await this.traces.update(trace, { status: 'answered', answer, answeredAt: answeredAtOf(answer), overdueSince: null }, now);
    await this.message(updated, updated.requestingState, 'trace.answered', { answer });
    return this.done(actor, updated);
  }

  /**
   * The acknowledgement a requested State not hosted on this node sent outside the system (through INTERPOL,
   * a diplomatic note, a letter), recorded on the requester's copy: acknowledged when it came.
   */
  async recordAcknowledgement(actor: AuthUser, id: string, version: number, input: ReceivedOutsideDto): Promise<TraceDto> {
    const trace = await this.transition(actor, id, version, 'record_acknowledgement');
    const receivedAt = await this.receivedOutside(trace, input, 'record_acknowledgement');
    const text = `Acknowledgement received ${viaWords(input.via)}${input.reference ? `, reference ${input.reference}` : ''}`;
    const note = this.note('acknowledgement_received', text, actor);
    const now = this.clock.now();
    const updated = await this.traces.update(trace, { status: 'acknowledged', acknowledgedAt: receivedAt, notes: [...trace.notes, note], overdueSince: null }, now);
    await this.notifications.notify(actor.stateCode, [], trace.createdBy ? [trace.createdBy] : [], { kind: 'trace_acknowledged', traceId: trace.id, message: `${trace.requestedState} acknowledged the trace request (${viaWords(input.via)})` });
    return this.done(actor, updated);
  }

  /**
   * A question a requested State not hosted on this node asked outside the system, recorded on the requester's
   * copy as it came: the requester owes the information from then (informationDueAt), and the answer's deadline
   * stops from then until it is given (provide-information), as for a question asked through the system.
   */
  async recordInformationRequest(actor: AuthUser, id: string, version: number, input: RecordInformationRequestDto): Promise<TraceDto> {
    const trace = await this.transition(actor, id, version, 'record_information_request');
    const receivedAt = await this.receivedOutside(trace, input, 'record_information_request');
    // Asked by the requested State, as it was received.
    const note: TraceNote = { kind: 'information_requested', text: input.text, at: receivedAt.toISOString(), byState: trace.requestedState };
    const updated = await this.traces.update(trace, {
      status: 'information_requested', acknowledgedAt: trace.acknowledgedAt ?? receivedAt, notes: [...trace.notes, note],
      informationDueAt: this.informationDue(trace.priority, receivedAt), overdueSince: null,
    }, this.clock.now());
    await this.notifications.notify(actor.stateCode, [], trace.createdBy ? [trace.createdBy] : [], {
      kind: 'trace_information_requested', traceId: trace.id, message: `${trace.requestedState} asks for more information (${viaWords(input.via)})`,
    });
    return this.done(actor, updated);
  }

  /**
   * The answer a requested State not hosted on this node sent outside the system, recorded on the requester's
   * copy as it came: the trace is then answered, and followed up, as if the answer had come through the system.
   */
  async recordAnswer(actor: AuthUser, id: string, version: number, input: RecordAnswerDto): Promise<TraceDto> {
    const trace = await this.transition(actor, id, version, 'record_answer');
    const receivedAt = await this.receivedOutside(trace, input, 'record_answer');
    const errors = answerErrors(input, trace, this.clock.latestToday());
    if (input.outcome === 'delayed' && input.expectedDate && input.expectedDate < receivedAt.toISOString().slice(0, 10)) {
      errors.push(['expectedDate', 'expectedDate cannot be before the answer was received']);
    }
    if (errors.length) throw fieldErrors(errors);
    const now = this.clock.now();
    const received = { via: input.via, reference: input.reference ?? null, recordedBy: actor.name, recordedAt: now.toISOString() };
    const answer: TraceAnswer = { ...(await this.composeAnswer(trace, input, receivedAt, null)), received };
    // An answer received is a request received: acknowledged then, if no acknowledgement was recorded before.
    const acknowledgedAt = trace.acknowledgedAt ?? receivedAt;
    // A copy closed before the answer came keeps its status (as one delivered then does) and learns the answer.
    const status = trace.status === 'closed' ? 'closed' : 'answered';
    const verb = supplements(trace.answer) ? 'added to its answer' : 'answered';
    const before = { classification: classificationOf(trace), useRestrictions: inheritedFrom(trace).useRestrictions };
    const updated = await this.traces.update(trace, { status, answer, answeredAt: answeredAtOf(answer), acknowledgedAt, informationDueAt: null, overdueSince: null }, now);
    await this.notifications.notify(actor.stateCode, [], trace.createdBy ? [trace.createdBy] : [], { kind: 'trace_answered', traceId: trace.id, message: `${trace.requestedState} ${verb}: ${answer.outcome} (${viaWords(input.via)})` });
    await this.tellSentFollowUps(actor.stateCode, updated, before);
    return this.done(actor, updated);
  }

  /**
   * A follow-up sent with what `parent` answered (its note) left without what a later answer added: restrictions
   * the answers did not set before (`before`), or a higher classification. The requester's NPCs are told on each
   * such follow-up, to tell the next State; one sent without the answer (carryAnswer: false) told it nothing of it.
   */
  private async tellSentFollowUps(stateCode: string, parent: TraceEntity, before: { classification: string; useRestrictions: string[] }): Promise<void> {
    const now = inheritedFrom(parent);
    const added = now.useRestrictions.filter((code) => !before.useRestrictions.includes(code));
    const raised = rank(now.classification) > rank(before.classification);
    if (!added.length && !raised) return;
    for (const child of await this.traces.sentFollowUps(stateCode, parent.id)) {
      if (!carriesAnswer(child)) continue;
      const missing = added.filter((code) => !child.useRestrictions.includes(code));
      const higher = raised && rank(now.classification) > rank(child.classification);
      if (!missing.length && !higher) continue;
      const what = [...(missing.length ? [`restricted its answer further (${missing.join(', ')})`] : []), ...(higher ? [`classified it ${now.classification}`] : [])].join(' and ');
      await this.notifications.notify(stateCode, ['npc'], [], {
        kind: 'trace_follow_up_outdated', traceId: child.id,
        message: `${parent.requestedState} ${what} after this follow-up went to ${child.requestedState}: tell ${child.requestedState}`,
      });
    }
  }

  /**
   * When what a requested State sent outside the system came, checked: only a State not hosted here sends
   * outside it (a hosted one acknowledges and answers on its own copy, which the requester's must not contradict).
   */
  private async receivedOutside(trace: TraceEntity, input: ReceivedOutsideDto, action: TraceAction): Promise<Date> {
    if (!trace.sentAt) {
      throw new ConflictError('TRACE_TRANSITION_NOT_ALLOWED', 'A trace withdrawn before it was sent was never received: nothing came back to record', {
        status: trace.status, direction: trace.direction, action, allowedFrom: TRACE_RULES[action].from, closeReason: trace.closeReason,
      });
    }
    const requested = await this.states.get(trace.requestedState);
    if (requested.hosted) {
      throw new ConflictError('REQUESTED_STATE_HOSTED', `${requested.code} is hosted on this node: its NPCs acknowledge and answer through the system`);
    }
    const receivedAt = new Date(input.receivedAt);
    if (receivedAt.getTime() > this.clock.now().getTime()) throw fieldErrors([['receivedAt', 'receivedAt cannot be in the future']]);
    // What came after the request left, or after the answer it follows: given to the minute (as a message's
    // time or a letter's stamp reads), a time within that minute is taken as that instant.
    const after: [string, Date][] = [['the request was sent', trace.sentAt]];
    if (trace.acknowledgedAt) after.push(['the acknowledgement', trace.acknowledgedAt]);
    // A question comes after the information given for the one before it (the answer's pause is counted from each).
    const exchanged = trace.notes.filter((note) => note.kind === 'information_requested' || note.kind === 'information_provided').at(-1);
    if (exchanged && action === 'record_information_request') after.push([exchanged.kind === 'information_requested' ? 'the question before it' : 'the information given', new Date(exchanged.at)]);
    if (trace.answer) after.push(['the answer it follows', new Date(trace.answer.answeredAt)]);
    let at = receivedAt;
    for (const [what, instant] of after) {
      if (receivedAt.getTime() < Math.floor(instant.getTime() / MINUTE) * MINUTE) {
        throw fieldErrors([['receivedAt', `receivedAt cannot be before ${what} (${instant.toISOString()})`]]);
      }
      if (at < instant) at = instant;
    }
    return at;
  }

  /**
   * An answer given at `answeredAt` on the copy `trace`: the one it follows (a delayed one, or a partial or
   * refused one it adds to) kept, with every restriction it set; the request's restrictions stay attached, with
   * those the answering State adds.
   */
  private async composeAnswer(trace: TraceEntity, input: Omit<AnswerTraceDto, 'weaponId'>, answeredAt: Date, prefill: ReturnType<typeof prefillFrom> | null): Promise<TraceAnswer> {
    // What a supplement does not give again stays as the answer it adds to reported it.
    const kept = supplements(trace.answer) ? trace.answer : null;
    const nextState = input.nextState ?? prefill?.nextState ?? kept?.nextState ?? null;
    await this.states.assertKnown([
      ['nextState', nextState ?? undefined],
      ...(input.chain ?? []).flatMap((link, i): [string, string | undefined][] => [[`chain[${i}].state`, link.state], [`chain[${i}].counterpartState`, link.counterpartState]]),
    ]);
    const previous = trace.answer ? withoutEarlier(trace.answer) : null;
    const earlier = previous ? [...(trace.answer?.earlier ?? []), previous] : [];
    // An empty chain in a supplement gives nothing again: what was reported stays, never taken back (nor replaced by a prefill).
    const keptChain = input.chain?.length === 0 && kept?.chain.length ? kept.chain : null;
    const added = [...new Set([...(previous ? restrictionsAddedBy(previous, trace.useRestrictions) : []), ...(input.useRestrictions ?? [])])];
    return {
      outcome: input.outcome as Outcome,
      reasonCode: input.reasonCode ?? null,
      reasonText: input.reasonText ?? null,
      expectedDate: input.expectedDate ?? null,
      recordFound: input.recordFound,
      chain: keptChain ?? input.chain?.map((l) => ({ event: l.event, date: l.date ?? null, state: l.state ?? null, counterpartState: l.counterpartState ?? null, licenceRef: l.licenceRef ?? null, party: l.party ?? null }))
        ?? prefill?.chain ?? kept?.chain ?? [],
      lastLegalHolder: input.lastLegalHolder ?? prefill?.lastLegalHolder ?? kept?.lastLegalHolder ?? null,
      nextState,
      useRestrictions: [...new Set([...trace.useRestrictions, ...added])],
      restrictionsAdded: added,
      answeredAt: answeredAt.toISOString(),
      classification: input.classification ?? classificationOf(trace),
      ...(earlier.length ? { earlier } : {}),
    };
  }

  async close(actor: AuthUser, id: string, version: number, input: CloseTraceDto): Promise<TraceDto> {
    const trace = await this.transition(actor, id, version, 'close');
    const updated = await this.closeCopy(actor, trace, input.reason, input.note);
    await this.message(updated, updated.requestedState, 'trace.closed', { reason: input.reason, at: updated.closedAt!.toISOString() });
    return this.done(actor, updated);
  }

  /** Closes a request never sent, as withdrawn: the other State never had it, so no message goes. */
  async withdraw(actor: AuthUser, id: string, version: number, input: WithdrawTraceDto): Promise<TraceDto> {
    const trace = await this.transition(actor, id, version, 'withdraw');
    const updated = await this.closeCopy(actor, trace, 'withdrawn', input.note);
    if (trace.createdBy && trace.createdBy !== actor.id) {
      await this.notifications.notify(actor.stateCode, [], [trace.createdBy], { kind: 'trace_withdrawn', traceId: trace.id, message: `Your trace to ${trace.requestedState} was withdrawn by an NPC before it was sent` });
    }
    return this.done(actor, updated);
  }

  /** A child trace to the next State of the chain, prefilled from the parent and its answer, ready to send. */
  async followUp(actor: AuthUser, id: string, version: number, input: FollowUpDto): Promise<TraceDto> {
    const parent = await this.transition(actor, id, version, 'follow_up');
    if (!parent.sentAt) {
      throw new ConflictError('TRACE_TRANSITION_NOT_ALLOWED', 'A trace withdrawn before it was sent is not followed up: open a new request', {
        status: parent.status, direction: parent.direction, action: 'follow_up', allowedFrom: TRACE_RULES.follow_up.from, closeReason: parent.closeReason,
      });
    }
    const requestedState = input.requestedState ?? parent.answer?.nextState;
    if (!requestedState) throw fieldErrors([['requestedState', 'requestedState is required: the answer names no next State']]);
    // Where the follow-up may go at all, before what it may carry there.
    await this.checkAddressing(actor, { requestedState });
    const carryAnswer = input.carryAnswer ?? true;
    if (carryAnswer) await this.assertOnwardDisclosure(actor, parent, requestedState, 'Follow up with carryAnswer: false');
    const now = this.clock.now();
    // The parent moves on a version too, so a second follow-up made from the same read gets 412.
    await this.traces.update(parent, {}, now);
    const childId = randomUUID();
    // The case stays linked but nothing of it goes to the next State unless a member discloses it again
    // (the NPC returns the follow-up to the officer, who chooses the fields).
    const child = await this.traces.insert({
      ...requestContent(parent),
      // A request kept before a serial could not be both obliterated and given: the next State is asked for what could be read.
      weaponObserved: parent.weaponObserved.serialObliterated ? { ...parent.weaponObserved, serial: null } : parent.weaponObserved,
      caseId: parent.caseId,
      id: childId,
      exchangeId: childId,
      stateCode: actor.stateCode,
      direction: 'outgoing',
      status: 'submitted',
      version: 1,
      requestedState,
      parentId: parent.id,
      // The record may have been purged since the parent closed.
      weaponId: parent.weaponId && (await this.weapons.stillHeld(actor, parent.weaponId)) ? parent.weaponId : null,
      officerId: parent.officerId,
      npcId: actor.id,
      npcName: actor.name,
      useRestrictions: inheritedFrom(parent).useRestrictions,
      classification: classificationOf(parent),
      // What the answer reported goes to the next State with the request (TracingService.send).
      notes: carryAnswer ? [{ ...this.note('information_provided', followUpNote(parent), actor), carried: true }] : [],
      createdBy: parent.createdBy,
      submittedAt: now,
      createdAt: now,
      updatedAt: now,
    });
    // The photos of the observed weapon go with the follow-up too.
    for (const photo of await this.traces.photosWithData(actor.stateCode, parent.id)) {
      await this.traces.addPhoto({ ...photo, id: undefined, traceId: child.id, createdAt: now } as Omit<TracePhotoEntity, 'id'>);
    }
    return this.done(actor, child);
  }

  /** Weapons of the requested State's own registry that may be the one observed, best first. */
  async candidates(actor: AuthUser, id: string): Promise<CandidatesDto> {
    const trace = await this.visible(actor, id);
    if (trace.direction !== 'incoming') throw new ConflictError('TRACE_TRANSITION_NOT_ALLOWED', 'Candidates are searched in the requested State\'s registry: this is the outgoing copy');
    const observed = trace.weaponObserved;
    const given = observed.serialObliterated ? observed.serialReadable : observed.serial;
    // A copy from another node may hold a serial of no letter or digit ("-"): no serial to search.
    const serial = given && holdsSerialCharacter(normaliseSerial(given)) ? given : null;
    // A pool larger than what is shown: a serial many weapons share is told apart by make, calibre and model.
    // Without a serial to search (none read, or too little of one), the make and model observed; without those, none.
    const byDescription = (): Promise<SearchResultDto> =>
      observed.make || observed.model
        ? this.weapons.search(actor, { manufacturer: observed.make ?? undefined, model: observed.model ?? undefined, limit: CANDIDATE_POOL })
        : Promise.resolve({ items: [], serialQuery: null, truncated: false });
    // The weapons of the make observed that carry the serial first, however many others share it; then the
    // rest of the pool, by serial alone (a make misread or recorded otherwise still finds its weapon).
    const ofMake = new Set<string>();
    const bySerial = async (serialGiven: string): Promise<SearchResultDto> => {
      const made = observed.make ? await this.weapons.search(actor, { serial: serialGiven, manufacturer: observed.make, limit: CANDIDATE_POOL }) : null;
      const all = await this.weapons.search(actor, { serial: serialGiven, limit: CANDIDATE_POOL });
      for (const item of made?.items ?? []) ofMake.add(item.weapon.id);
      return { ...all, items: [...(made?.items ?? []), ...all.items.filter((item) => !ofMake.has(item.weapon.id))], truncated: all.truncated || Boolean(made?.truncated) };
    };
    const found = serial
      ? await bySerial(serial).catch((error: unknown) => {
          if (error instanceof AppError && error.status === 400) return byDescription();
          throw error;
        })
      : await byDescription();
    const matcher = await this.reference.matcher(actor.stateCode);
    const make = observed.make ? matcher.manufacturer(observed.make)?.code : undefined;
    const calibre = observed.calibre ? matcher.calibre(observed.calibre)?.code : undefined;
    const ranked = found.items.map(({ weapon: w, score: serialScore, reasons: serialReasons }) => {
      const reasons = [...serialReasons];
      let score = serialScore;
      // The make as the registry compares it: through the reference data, or as written where it has no entry.
      if ((make && w.manufacturerCode === make) || ofMake.has(w.id)) { score += 0.05; reasons.push(`manufacturer ${w.manufacturer ?? make} as observed`); }
      if (calibre && w.calibreCode === calibre) { score += 0.03; reasons.push(`calibre ${w.calibre ?? calibre} as observed`); }
      if (observed.model && w.model?.toLowerCase() === observed.model.toLowerCase()) { score += 0.02; reasons.push(`model ${w.model}`); }
      return { w, score: Math.round(score * 1000) / 1000, reasons };
    });
    ranked.sort((a, b) => b.score - a.score || a.w.id.localeCompare(b.w.id));
    const top = ranked.slice(0, CANDIDATES_SHOWN);
    const records = new Map((await this.weapons.getMany(actor, top.map(({ w }) => w.id))).map((w) => [w.id, w]));
    const items: CandidateDto[] = top.flatMap(({ w, score, reasons }) => {
      const record = records.get(w.id);
      return record ? [{ weaponId: w.id, score, reasons, serial: w.serial, manufacturer: w.manufacturer, model: w.model, calibre: w.calibre, prefill: prefillFrom(record, actor.stateCode) }] : [];
    });
    return { items, truncated: found.truncated };
  }

  /**
   * A message left for an operator after its last try: the sending State's NPCs, and whoever opened its copy,
   * are told on that copy that the other State has not received the change, which stands on one side only.
   */
  async deliveryStopped(message: OutboxMessageEntity): Promise<void> {
    // Read, not locked: a delivery waits on no request working on the copy.
    const copy = await this.traces.findCopy(message.stateCode, message.exchangeId, sentByRequester(message.kind) ? 'outgoing' : 'incoming');
    await this.notifications.notify(message.stateCode, ['npc'], copy?.createdBy ? [copy.createdBy] : [], {
      kind: 'delivery_stopped',
      traceId: copy?.id ?? null,
      // The exchange's later messages wait behind it (outbox_claim keeps their order), and reach no try of their own to be told of.
      message: `${message.targetState} has not received ${MESSAGE_CONTENTS[message.kind] ?? message.kind} after ${OUTBOX_MAX_ATTEMPTS} tries: its delivery waits for an operator, and the later messages of this exchange, either way, wait behind it`,
    });
  }

  /**
   * What the State that answered `parent` marked no_onward_disclosure goes to no other State: in its answer to
   * `parent`, or in an answer of it to a trace `parent` follows up (a follow-up back to it carries the mark as a
   * request restriction, which its next answer then does not add again).
   */
  private async assertOnwardDisclosure(actor: AuthUser, parent: TraceEntity, to: string, instead: string): Promise<void> {
    const answering = await this.onwardRestrictedBy(actor, parent, to);
    if (answering) {
      throw new ForbiddenError(
        'RESTRICTED_INFORMATION',
        `The answer of ${answering} is marked no_onward_disclosure: it cannot be passed on to ${to}. ${instead}, or obtain ${answering}'s consent first`,
      );
    }
  }

  /** The State that answered `parent`, when it marked an answer of its no_onward_disclosure and `to` is a third State; else null. */
  private async onwardRestrictedBy(actor: AuthUser, parent: TraceEntity, to: string): Promise<string | null> {
    const answering = parent.requestedState;
    // Back to the State that answered is not onward.
    if (to === answering) return null;
    for (let trace: TraceEntity | null = parent; trace; trace = trace.parentId ? await this.traces.findById(actor.stateCode, trace.parentId) : null) {
      if (trace.requestedState === answering && answersOf(trace).some((a) => restrictionsAddedBy(a, trace!.useRestrictions).includes('no_onward_disclosure'))) return answering;
    }
    return null;
  }

  /**
   * A sent follow-up's account of the trace it follows (followsUp), as a form or an export may give it now:
   * withheld once the State that answered has marked its answer no_onward_disclosure since it was sent (its NPCs
   * were told to tell the next State).
   */
  private async followsUpNow(actor: AuthUser, trace: TraceEntity): Promise<string[]> {
    const lines = followsUp(trace);
    const parent = lines.length > 0 && trace.parentId ? await this.traces.findById(actor.stateCode, trace.parentId) : null;
    const answering = parent ? await this.onwardRestrictedBy(actor, parent, trace.requestedState) : null;
    if (!answering) return lines;
    return [`Withheld: ${answering} has since marked its answer no_onward_disclosure; it cannot be passed on to ${trace.requestedState} without ${answering}'s consent`];
  }

  /** Attaches a JPEG or PNG photo of a marking to a draft, its type read from its content. */
  async addPhoto(actor: AuthUser, id: string, version: number, data: Buffer, input: PhotoQueryDto): Promise<TraceDto> {
    const trace = await this.transition(actor, id, version, 'edit');
    if (data.length === 0) throw new AppError(400, 'PHOTO_EMPTY', 'The photo is empty');
    const type = await fileTypeFromBuffer(data);
    if (!type || (type.mime !== 'image/jpeg' && type.mime !== 'image/png')) {
      throw new AppError(415, 'PHOTO_TYPE_INVALID', 'A photo must be a JPEG or PNG image (judged by its content, not its name or header)');
    }
    // Refused now rather than left out of every form printed later: one the form could not show, or too large to decode.
    try {
      checkPrintable(data, type.mime);
    } catch (error) {
      if (error instanceof ImageError) throw new AppError(422, 'PHOTO_NOT_PRINTABLE', `The photo cannot be printed on the form: ${error.message}`);
      throw error;
    }
    const attached = await this.traces.photosOf(actor.stateCode, id);
    if (attached.length >= MAX_PHOTOS) throw new ConflictError('PHOTO_LIMIT', `A trace request carries at most ${MAX_PHOTOS} photos`);
    const now = this.clock.now();
    await this.traces.addPhoto({
      stateCode: actor.stateCode, traceId: id, position: attached.length + 1, component: input.component ?? null, caption: input.caption ?? null, mediaType: type.mime,
      size: data.length, sha256: sha256(data), data, createdAt: now,
    });
    return this.done(actor, await this.traces.update(trace, {}, now));
  }

  async photo(actor: AuthUser, id: string, photoId: string): Promise<{ mediaType: string; data: Buffer }> {
    await this.visible(actor, id);
    const photo = await this.traces.photo(actor.stateCode, id, photoId);
    if (!photo) throw new NotFoundError('Photo', 'PHOTO_NOT_FOUND');
    return { mediaType: photo.mediaType, data: photo.data };
  }

  /** The request as a JSON document for sending through INTERPOL's systems (docs/interpol-export.md). */
  async interpolExport(actor: AuthUser, id: string): Promise<InterpolExportDto> {
    const trace = await this.visible(actor, id);
    // The requesting State's request as sent: not the requested State's copy, which it may not pass on, nor a request not sent yet.
    if (trace.direction !== 'outgoing') {
      throw new ConflictError('TRACE_NOT_EXPORTABLE', 'The INTERPOL export is the requesting State\'s: this is the incoming copy', { direction: trace.direction });
    }
    if (!trace.sentAt) {
      throw new ConflictError('TRACE_NOT_EXPORTABLE', 'Only a request that was sent is exported: send it first', { status: trace.status });
    }
    const content = requestContent(trace);
    const photos = await this.traces.photosWithData(actor.stateCode, trace.id);
    return {
      format: 'iti-trace/trace-request',
      // 3: followsUp; 2: contentSha256 covers the photos too (1: the request alone).
      formatVersion: 3,
      requestId: trace.exchangeId,
      generatedAt: this.clock.now().toISOString(),
      status: trace.status,
      sentAt: trace.sentAt?.toISOString() ?? null,
      contentSha256: requestSha256(trace.exchangeId, content, photos),
      request: content,
      disclosedCaseInformation: this.disclosureFor(actor, trace),
      followsUp: await this.followsUpNow(actor, trace),
      photos: photos.map((p) => ({ component: p.component, caption: p.caption, mediaType: p.mediaType, sha256: p.sha256, size: p.size, dataBase64: p.data.toString('base64') })),
    };
  }

  /** The request form; rendered once the transaction that read it has ended. */
  async requestPdf(actor: AuthUser, id: string): Promise<AfterCommit<Buffer>> {
    const form = await this.requestForm(actor, id);
    return new AfterCommit(() => renderTraceRequestPdf(form));
  }

  /** The response form; rendered once the transaction that read it has ended. */
  async responsePdf(actor: AuthUser, id: string): Promise<AfterCommit<Buffer>> {
    const trace = await this.visible(actor, id);
    if (!trace.answer) throw new ConflictError('TRACE_NOT_ANSWERED', 'The trace has no answer yet');
    const requesting = await this.states.get(trace.requestingState);
    const requested = await this.states.get(trace.requestedState);
    const form: TraceResponseForm = {
      traceId: trace.exchangeId,
      // The answer printed: not those recorded from outside the system that it replaced.
      classification: classificationOf(trace, [trace.answer]),
      useRestrictions: trace.useRestrictions,
      requestingState: { code: requesting.code, name: requesting.name },
      requestedState: { code: requested.code, name: requested.name },
      weapon: trace.weaponObserved,
      requestPhotos: (await this.traces.photosOf(actor.stateCode, trace.id)).length,
      answer: trace.answer,
      contentSha256: canonicalSha256({ traceId: trace.exchangeId, answer: trace.answer }),
      generatedAt: this.clock.now().toISOString(),
    };
    return new AfterCommit(() => renderTraceResponsePdf(form));
  }

  /** Applies a message from another State to this State's copy (called in the target State's scope). */
  async applyMessage(message: OutboxMessageEntity): Promise<void> {
    const state = message.targetState;
    const now = this.clock.now();
    const payload = message.payload as Record<string, unknown>;
    if (message.kind === 'trace.sent') {
      const request = payload.request as RequestContent;
      if (request.requestingState !== message.stateCode || request.requestedState !== state) {
        throw new Error(`A request of exchange ${message.exchangeId} from ${message.stateCode} names ${request.requestingState} → ${request.requestedState}`);
      }
      const existing = await this.traces.findCopyForUpdate(state, message.exchangeId, 'incoming');
      if (existing) return;
      const sentAt = new Date(payload.sentAt as string);
      // A request that waited for its State to be hosted here counts that State's deadlines from its arrival:
      // the State could not see it before. One delivered as it is sent keeps the requester's deadlines.
      const hostedSince = await this.states.hostedSince(state);
      const waited = hostedSince && hostedSince > sentAt ? Math.max(0, now.getTime() - sentAt.getTime()) : 0;
      const copyId = randomUUID();
      const confidential = message.sealed
        ? this.sealing.record({ stateCode: message.stateCode, table: 'outbox_messages', rowId: message.id }, message.dataKey).open<{ disclosure: Record<string, unknown> }>('sealed', message.sealed)
        : null;
      const copy = await this.traces.insert({
        ...request,
        ...(confidential ? this.sealDisclosure({ id: copyId, stateCode: state, dataKey: NO_DATA_KEY }, payload.disclosedFields as string[], confidential.disclosure) : {}),
        id: copyId,
        stateCode: state,
        exchangeId: message.exchangeId,
        direction: 'incoming',
        status: 'sent',
        version: 1,
        notes: (payload.notes as TraceNote[] | undefined) ?? [],
        sentAt,
        acknowledgeDueAt: new Date(Date.parse(payload.acknowledgeDueAt as string) + waited),
        answerDueAt: new Date(Date.parse(payload.answerDueAt as string) + waited),
        createdAt: now,
        updatedAt: now,
      });
      for (const [index, photo] of ((payload.photos as SentPhoto[] | undefined) ?? []).entries()) {
        const data = Buffer.from(photo.data, 'base64');
        // The bytes arrive as they left: a photo whose checksum does not match is refused, not stored.
        if (sha256(data) !== photo.sha256) throw new Error(`Photo of exchange ${message.exchangeId} does not match its SHA-256`);
        await this.traces.addPhoto({ stateCode: state, traceId: copy.id, position: index + 1, component: photo.component, caption: photo.caption, mediaType: photo.mediaType, size: data.length, sha256: photo.sha256, data, createdAt: now });
      }
      await this.notifications.notify(state, ['npc'], [], { kind: 'trace_received', traceId: copy.id, message: `Trace request received from ${request.requestingState}` });
      this.trail.record(null, { action: 'trace.received', targetType: 'traces', targetId: copy.id, details: { from: message.stateCode, disclosedFields: copy.disclosedFields } }, state);
      return;
    }
    const direction = sentByRequester(message.kind) ? 'incoming' : 'outgoing';
    const copy = await this.traces.findCopyForUpdate(state, message.exchangeId, direction);
    // Only the other party of the exchange moves a copy.
    const counterpart = copy && (direction === 'outgoing' ? copy.requestedState : copy.requestingState);
    if (!copy || counterpart !== message.stateCode) throw new Error(`No ${direction} copy of exchange ${message.exchangeId} in ${state} for ${message.kind} from ${message.stateCode}`);
    const recipients = direction === 'outgoing' ? [copy.createdBy] : [];
    this.trail.record(null, { action: message.kind, targetType: 'traces', targetId: copy.id, details: { from: message.stateCode } }, state);
    // The two States move their own copies independently, so a message can cross a change of the
    // receiving copy (a close, above all): it then adds what it carries but moves no status backwards.
    const moves = (...from: string[]) => from.includes(copy.status);
    switch (message.kind) {
      case 'trace.acknowledged': {
        // A copy closed meanwhile keeps its status, and learns when the other State acknowledged all the same.
        const acknowledgedAt = new Date(payload.at as string);
        if (!moves('sent')) {
          // One recorded from outside the system stays as recorded.
          await this.traces.update(copy, { acknowledgedAt: copy.acknowledgedAt ?? acknowledgedAt }, now);
          break;
        }
        await this.traces.update(copy, { status: 'acknowledged', acknowledgedAt, overdueSince: null }, now);
        await this.notifications.notify(state, ['npc'], recipients, { kind: 'trace_acknowledged', traceId: copy.id, message: `${copy.requestedState} acknowledged the trace request` });
        break;
      }
      case 'trace.information_requested': {
        const notes = [...copy.notes, payload.note as TraceNote];
        const informationDueAt = this.informationDue(copy.priority, now);
        // A copy that cannot wait for information (closed meanwhile, or answered) keeps the question among its
        // notes; nobody is asked for what provide-information would refuse.
        if (!moves('sent', 'acknowledged')) {
          await this.traces.update(copy, { notes }, now);
          break;
        }
        await this.traces.update(copy, { status: 'information_requested', notes, informationDueAt, overdueSince: null }, now);
        await this.notifications.notify(state, ['npc'], recipients, { kind: 'trace_information_requested', traceId: copy.id, message: `${copy.requestedState} asks for more information` });
        break;
      }
      case 'trace.information_provided': {
        const notes = [...copy.notes, payload.note as TraceNote];
        await this.traces.update(copy, moves('information_requested') ? { status: 'acknowledged', notes, answerDueAt: pausedDue(copy, payload.note as TraceNote) } : { notes }, now);
        await this.notifications.notify(state, ['npc'], [], { kind: 'trace_information_provided', traceId: copy.id, message: `${copy.requestingState} provided the information asked for` });
        break;
      }
      case 'trace.answered': {
        const answer = payload.answer as TraceAnswer;
        // Answers recorded from outside the system (the State answered there before it was hosted here) stay in
        // the copy's notes; its answer is the one sent, which both States' forms hash alike.
        const recorded = copy.answer ? [...(copy.answer.earlier ?? []), copy.answer].filter((a) => a.received) : [];
        const notes = [...copy.notes, ...recorded.map((a) => ({ kind: 'answer_received_outside' as const, text: recordedAnswerText(a), at: now.toISOString(), byState: state, answer: withoutEarlier(a) }))];
        const answered = { answer, answeredAt: answeredAtOf(answer, [...recorded, ...answersOf(copy)]), informationDueAt: null, overdueSince: null, ...(recorded.length ? { notes } : {}) };
        const verb = !recorded.length && supplements(copy.answer) ? 'added to its answer' : 'answered';
        const before = { classification: classificationOf(copy), useRestrictions: inheritedFrom(copy).useRestrictions };
        await this.traces.update(copy, moves('closed') ? answered : { ...answered, status: 'answered' }, now);
        await this.notifications.notify(state, ['npc'], recipients, { kind: 'trace_answered', traceId: copy.id, message: `${copy.requestedState} ${verb}: ${answer.outcome}` });
        await this.tellSentFollowUps(state, copy, before);
        break;
      }
      case 'trace.closed':
        await this.traces.update(copy, { status: 'closed', closeReason: payload.reason as string, closedAt: new Date(payload.at as string), overdueSince: null }, now);
        await this.notifications.notify(state, ['npc'], [], { kind: 'trace_closed', traceId: copy.id, message: `${copy.requestingState} closed the trace (${String(payload.reason).replace(/_/g, ' ')})` });
        break;
      default:
        throw new Error(`Unknown message kind ${message.kind}`);
    }
  }

  /** Marks this State's overdue traces and reminds its NPCs (and the officer, for outgoing ones), once each. */
  async remindOverdue(stateCode: string): Promise<number> {
    // Copies asked for information before copies kept the date it is due: from the last question, when its time reads.
    for (const copy of await this.traces.undatedInformation(stateCode)) {
      const asked = copy.notes.findLast((note) => note.kind === 'information_requested');
      const at = asked ? new Date(asked.at) : null;
      if (at && !Number.isNaN(at.getTime())) await this.traces.setInformationDue(stateCode, copy.id, this.informationDue(copy.priority, at), this.clock.now());
    }
    const overdue = await this.traces.markOverdue(stateCode, this.clock.now());
    for (const trace of overdue) {
      const waitingFor = trace.status === 'sent' ? 'acknowledgement' : trace.status === 'answered' ? 'full answer (after its delayed one)' : 'answer';
      const message = trace.status === 'information_requested'
        ? `Overdue: the information ${trace.requestedState} asked for was due ${dueOf(trace)}`
        : trace.direction === 'incoming'
          ? `Overdue: the ${waitingFor} of the trace request from ${trace.requestingState} was due ${dueOf(trace)}`
          : `Overdue: ${trace.requestedState} has not sent its ${waitingFor}, due ${dueOf(trace)}`;
      await this.notifications.notify(stateCode, ['npc'], trace.direction === 'outgoing' ? [trace.createdBy] : [], { kind: 'trace_overdue', traceId: trace.id, message });
    }
    return overdue.length;
  }

  private async requestForm(actor: AuthUser, id: string): Promise<TraceRequestForm> {
    const trace = await this.visible(actor, id);
    const requesting = await this.states.get(trace.requestingState);
    const requested = await this.states.get(trace.requestedState);
    const contacts = await this.states.listContactPoints(trace.requestedState, { limit: FORM_CONTACT_POINTS } as PageQueryDto);
    const ownContacts = await this.states.listContactPoints(trace.requestingState, { limit: FORM_CONTACT_POINTS } as PageQueryDto);
    const printed = (page: typeof contacts) => page.items.map((c) => ({ name: c.name, agency: c.agency, email: c.email, phone: c.phone }));
    const content = requestContent(trace);
    const photos = await this.traces.photosWithData(actor.stateCode, trace.id);
    return {
      traceId: trace.exchangeId,
      classification: trace.classification,
      useRestrictions: trace.useRestrictions,
      confidentialityRequested: trace.confidentialityRequested,
      requestingState: { code: requesting.code, name: requesting.name },
      requestedState: { code: requested.code, name: requested.name },
      requestingAuthority: trace.requestingAuthority,
      officerName: trace.officerName,
      npcName: trace.npcName,
      onBehalfOf: trace.onBehalfOf,
      requestedContactPoints: printed(contacts),
      requestingContactPoints: printed(ownContacts),
      moreContactPoints: { requested: contacts.nextCursor !== null, requesting: ownContacts.nextCursor !== null },
      channel: trace.channel,
      priority: trace.priority,
      urgentJustification: trace.urgentJustification,
      illicitBasis: trace.illicitBasis,
      legalJustification: trace.legalJustification,
      recovery: trace.recovery,
      intendedUse: trace.intendedUse,
      ballistics: trace.ballistics,
      disclosedCaseInformation: disclosureLines(this.disclosureFor(actor, trace)),
      followsUp: await this.followsUpNow(actor, trace),
      weapon: trace.weaponObserved,
      status: trace.status,
      // The requested State's copy never knew it: its form does not print it "not recorded".
      ...(trace.direction === 'outgoing' ? { submittedAt: trace.submittedAt?.toISOString() ?? null } : {}),
      sentAt: trace.sentAt?.toISOString() ?? null,
      photos: photos.map((p) => ({ id: p.id, component: p.component, caption: p.caption, mediaType: p.mediaType, sha256: p.sha256, data: p.data })),
      contentSha256: requestSha256(trace.exchangeId, content, photos),
      generatedAt: this.clock.now().toISOString(),
    };
  }

  /** The caller's copy, locked, checked against the lifecycle, the caller's role and the version read. */
  private async transition(actor: AuthUser, id: string, version: number, action: TraceAction): Promise<TraceEntity> {
    const trace = await this.traces.findByIdForUpdate(actor.stateCode, id);
    if (!trace || !this.canSee(actor, trace)) throw new TraceNotFoundError();
    // A stale version first: whoever acted on an old copy must read it again before anything else is judged.
    if (trace.version !== version) {
      throw new AppError(412, 'VERSION_MISMATCH', `The trace has changed since you read it (version ${trace.version}, not ${version}): read it again`, { currentVersion: trace.version });
    }
    const check = checkTransition(action, { direction: trace.direction, status: trace.status, createdBy: trace.createdBy, answerOutcome: trace.answer?.outcome }, actor);
    if (!check.ok) {
      if (check.forbidden) throw new ForbiddenError('ROLE_REQUIRED', check.message);
      throw new ConflictError('TRACE_TRANSITION_NOT_ALLOWED', check.message, { status: trace.status, direction: trace.direction, action, allowedFrom: TRACE_RULES[action].from });
    }
    return trace;
  }

  private async visible(actor: AuthUser, id: string): Promise<TraceEntity> {
    const trace = await this.traces.findById(actor.stateCode, id);
    if (!trace || !this.canSee(actor, trace)) throw new TraceNotFoundError();
    return trace;
  }

  /** NPCs and auditors see every trace of their State; an officer only those opened by them. */
  private canSee(actor: AuthUser, trace: TraceEntity): boolean {
    if (actor.roles.includes('npc') || actor.roles.includes('auditor')) return true;
    return actor.roles.includes('officer') && trace.direction === 'outgoing' && trace.createdBy === actor.id;
  }

  /** The trace as its response shows it; `read`: its disclosed case fields were read, and recorded, by this request already. */
  private async done(actor: AuthUser, trace: TraceEntity, read = false): Promise<TraceDto> {
    const { chain, photos } = await this.traces.viewOf(actor.stateCode, trace.id);
    return TraceDto.full(trace, chain, photos, this.disclosureFor(actor, trace, read));
  }

  /** A message to the other State; `confidential` travels sealed with the message's own data key. */
  private async message(trace: TraceEntity, targetState: string, kind: string, payload: Record<string, unknown>, confidential: unknown = null): Promise<void> {
    const id = randomUUID();
    let sealed: Pick<OutboxMessageEntity, 'sealed' | 'dataKey'> = { sealed: null, dataKey: NO_DATA_KEY };
    if (confidential !== null) {
      const { cipher, dataKey } = this.sealing.newRecord({ stateCode: trace.stateCode, table: 'outbox_messages', rowId: id });
      sealed = { sealed: cipher.seal('sealed', confidential), dataKey };
    }
    await this.traces.addMessage({ id, stateCode: trace.stateCode, targetState, kind, exchangeId: trace.exchangeId, payload, ...sealed });
    this.db.afterCommit(() => this.outbox.emit('written'));
  }

  /**
   * Links a case file of the actor's State to a copy (need to know: only a member may) and seals the
   * fields the actor chose to disclose with it.
   */
  private async linkCase(actor: AuthUser, trace: SealTarget, caseId: string | null, fields: string[]): Promise<Pick<TraceEntity, 'caseId' | 'disclosedFields' | 'disclosure' | 'dataKey'>> {
    if (!caseId) {
      if (fields.length > 0) throw fieldErrors([['disclose', 'disclose needs caseId: the case whose fields go with the request']]);
      return { caseId: null, disclosedFields: [], disclosure: null, dataKey: trace.dataKey };
    }
    const values = await this.cases.disclose(actor, caseId, fields as CaseField[]);
    return { caseId, ...this.sealDisclosure(trace, fields, values) };
  }

  /**
   * The classification of a request: as given, else `fallback`; a request that discloses fields of a case
   * file is classified at least as the case (a default is raised to it, a lower choice is 400).
   */
  private async classificationFor(actor: AuthUser, caseId: string | null, fields: string[], given: string | undefined, fallback: string): Promise<string> {
    if (given !== undefined && rank(given) === CLASSIFICATIONS.length - 1) return given; // nothing is above it
    const floor = caseId && fields.length > 0 ? await this.cases.classificationOf(actor, caseId) : null;
    const chosen = given ?? (floor && rank(floor) > rank(fallback) ? floor : fallback);
    if (floor && rank(chosen) < rank(floor)) {
      throw fieldErrors([['classification', `the request discloses fields of a case file classified ${floor}: classify it ${floor} at least`]]);
    }
    return chosen;
  }

  private sealDisclosure(trace: SealTarget, fields: string[], values: Record<string, unknown>): Pick<TraceEntity, 'disclosedFields' | 'disclosure' | 'dataKey'> {
    if (fields.length === 0) return { disclosedFields: [], disclosure: null, dataKey: trace.dataKey };
    const scope = { stateCode: trace.stateCode, table: 'traces', rowId: trace.id };
    const { cipher, dataKey } = this.sealing.recordOrNew(scope, trace.dataKey);
    return { disclosedFields: fields, disclosure: cipher.seal('disclosure', values), dataKey };
  }

  private openDisclosure(trace: TraceEntity): Record<string, unknown> | null {
    if (!trace.disclosure) return null;
    return this.sealing.record({ stateCode: trace.stateCode, table: 'traces', rowId: trace.id }, trace.dataKey).open('disclosure', trace.disclosure);
  }

  /** Need to know: the officer who opened the trace and the NPCs read what it discloses; auditors do not. */
  /** A response replayed for its Idempotency-Key reads again the case content it carries: audited as its first answer was. */
  replayed(actor: AuthUser, response: Pick<TraceDto, 'id' | 'caseId' | 'disclosedFields' | 'disclosure'>): void {
    if (!response.disclosure || !response.caseId) return;
    this.trail.record(actor, { action: CONTENT_READ, targetType: 'case', targetId: response.caseId, details: { via: 'trace', traceId: response.id, fields: response.disclosedFields, replayed: true } });
  }

  private disclosureFor(actor: AuthUser, trace: TraceEntity, read = false): Record<string, unknown> | null {
    const mayRead = actor.roles.includes('npc') || (actor.roles.includes('officer') && trace.createdBy === actor.id);
    const disclosure = mayRead ? this.openDisclosure(trace) : null;
    // Case content read through a trace (any response or form that carries it) is a read of the case: its auditors see it
    // among the case's reads. The requested State's copy names no case (the case is the other State's).
    if (disclosure && trace.caseId && !read) {
      this.trail.record(actor, { action: CONTENT_READ, targetType: 'case', targetId: trace.caseId, details: { via: 'trace', traceId: trace.id, fields: trace.disclosedFields } });
    }
    return disclosure;
  }

  /** What a follow-up inherits from the trace it follows (inheritedFrom), if it is one. */
  private async inherited(actor: AuthUser, trace: TraceEntity): Promise<{ useRestrictions: string[]; classification: string } | null> {
    const parent = trace.parentId ? await this.traces.findById(actor.stateCode, trace.parentId) : null;
    return parent ? inheritedFrom(parent) : null;
  }

  /**
   * The officer's edit of a follow-up keeps what it inherited: no restriction of the parent or of its answer
   * it carries is dropped (more may be added), and its classification is not lowered below the parent's (it
   * may be raised short of it: sending raises it the rest of the way).
   */
  private async checkInherited(actor: AuthUser, before: TraceEntity, request: TraceEntity): Promise<void> {
    const inherited = await this.inherited(actor, before);
    if (!inherited) return;
    const errors: [string, string][] = [];
    const dropped = inherited.useRestrictions.filter((code) => before.useRestrictions.includes(code) && !request.useRestrictions.includes(code));
    if (dropped.length) errors.push(['useRestrictions', `a follow-up keeps the restrictions of the trace it follows and of its answer: ${dropped.join(', ')}`]);
    // Only an edit that lowers it below the parent's: a later answer may have raised the parent above it since (send() raises it then).
    if (rank(request.classification) < rank(before.classification) && rank(request.classification) < rank(inherited.classification)) {
      errors.push(['classification', `a follow-up is classified at least as the trace it follows: ${inherited.classification}`]);
    }
    if (errors.length) throw fieldErrors(errors);
  }

  /** ITI 17–18: what a request must hold, judged on create, edit, submit and send. */
  private async checkRequest(actor: AuthUser, request: Pick<TraceEntity, 'requestedState' | 'priority' | 'urgentJustification' | 'weaponObserved' | 'recovery' | 'onBehalfOf'>): Promise<void> {
    const errors: [string, string][] = [];
    if (request.onBehalfOf && request.onBehalfOf.consentGivenOn > this.clock.latestToday()) {
      errors.push(['onBehalfOf.consentGivenOn', 'onBehalfOf.consentGivenOn cannot be in the future']);
    }
    if (request.priority === 'urgent' && !request.urgentJustification) errors.push(['urgentJustification', 'an urgent request needs urgentJustification']);
    const weapon = request.weaponObserved;
    if (!weapon.serialObliterated && !weapon.serial) errors.push(['weapon.serial', 'give the serial as marked, or set serialObliterated with what could be read in serialReadable']);
    // As the registry takes serials: a "-" put for "none" is no serial, and would be searched for as one.
    for (const field of ['serial', 'serialReadable'] as const) {
      const value = weapon[field];
      if (value && !holdsSerialCharacter(normaliseSerial(value))) {
        errors.push([`weapon.${field}`, `${field} holds no letter or digit: leave it out${field === 'serial' ? ', and set serialObliterated if it cannot be read' : ''}`]);
      }
    }
    if (weapon.serialObliterated && weapon.serial) {
      errors.push(['weapon.serial', 'an obliterated serial has no serial as marked: give what could be read in serialReadable, or leave serialObliterated unset']);
    }
    if (!weapon.serialObliterated && weapon.serialReadable) {
      errors.push(['weapon.serialReadable', 'serialReadable is what could be read of an obliterated serial: set serialObliterated, or give the serial as marked in serial']);
    }
    if (weapon.markings.length === 0) errors.push(['weapon.markings', 'markings must list at least one marking as read']);
    if (request.recovery.date > this.clock.latestToday()) errors.push(['recovery.date', 'recovery.date cannot be in the future']);
    if (request.recovery.date < `${EARLIEST_YEAR}-01-01`) errors.push(['recovery.date', `recovery.date must be in ${EARLIEST_YEAR} or later`]);
    if (request.requestedState === actor.stateCode) errors.push(['requestedState', 'a State does not send a trace request to itself']);
    if (errors.length) throw fieldErrors(errors);
    await this.states.assertKnown([['weapon.countryOfManufacture', weapon.countryOfManufacture ?? undefined]]);
    await this.checkAddressing(actor, request);
  }

  /**
   * Where a request goes: another State, known, with a contact point. A follow-up is judged on this alone when
   * it is opened (its content is the parent's, judged when that was sent, and checked again when it is sent,
   * after the officer's edits: a rule come since is met then, not made a dead end).
   */
  private async checkAddressing(actor: AuthUser, request: Pick<TraceEntity, 'requestedState'>): Promise<void> {
    if (request.requestedState === actor.stateCode) throw fieldErrors([['requestedState', 'a State does not send a trace request to itself']]);
    const addressing = await this.states.addressing(request.requestedState);
    if (!addressing.known) throw fieldErrors([['requestedState', unknownStateMessage(request.requestedState)]]);
    if (addressing.contactPoints === 0) {
      throw new AppError(422, 'NO_CONTACT_POINT', `${request.requestedState} has no national point of contact in the directory: a request cannot be addressed to it yet`);
    }
  }

  /** Closes the requesting State's copy for `reason`, with the NPC's note if one is given. */
  private closeCopy(actor: AuthUser, trace: TraceEntity, reason: string, note: string | undefined): Promise<TraceEntity> {
    const now = this.clock.now();
    const notes = note ? [...trace.notes, this.note('closed', note, actor)] : trace.notes;
    return this.traces.update(trace, { status: 'closed', closeReason: reason, closedAt: now, notes, informationDueAt: null, overdueSince: null }, now);
  }

  /** When the information asked for at `asked` is due from the requester (TRACE_INFORMATION_DAYS_*). */
  private informationDue(priority: string, asked: Date): Date {
    const days = priority === 'urgent' ? this.config.TRACE_INFORMATION_DAYS_URGENT : this.config.TRACE_INFORMATION_DAYS_ROUTINE;
    return new Date(asked.getTime() + days * 24 * HOUR);
  }

  private note(kind: TraceNote['kind'], text: string, actor: AuthUser): TraceNote {
    return { kind, text, at: this.clock.now().toISOString(), byState: actor.stateCode };
  }
}

/**
 * Every answer a copy holds: its answer, and those recorded from outside the system that an answer through the
 * system replaced (notes of kind answer_received_outside) when the State came to be hosted here. What they set
 * (restrictions, classification) still binds what the requester does with them.
 */
function answersOf(trace: Pick<TraceEntity, 'answer' | 'notes'>): EarlierAnswer[] {
  const recorded = trace.notes.flatMap((note) => (note.kind === 'answer_received_outside' && note.answer ? [note.answer] : []));
  return trace.answer ? [...recorded, trace.answer] : recorded;
}

/**
 * Whether a follow-up carries what the trace it follows answered: the note followUp wrote (marked `carried`).
 * No other note of that kind is written before it is sent (information is provided only once it was asked
 * for), so an unmarked one written before then, before notes were marked, counts too.
 */
function carriesAnswer(child: Pick<TraceEntity, 'notes' | 'sentAt'>): boolean {
  return child.notes.some((note) => note.kind === 'information_provided' && isCarried(note, child.sentAt));
}

/** Whether a follow-up's information_provided note is what it carried of the trace it follows: marked so, or (written before notes were marked) one dated no later than its sending. */
function isCarried(note: TraceNote, sentAt: Date | null): boolean {
  return note.carried === true || !sentAt || new Date(note.at) <= sentAt;
}

/** What a follow-up inherits from the trace it follows: that trace's restrictions and its answers', and its classification. */
function inheritedFrom(parent: TraceEntity): { useRestrictions: string[]; classification: string } {
  return { useRestrictions: [...new Set([...parent.useRestrictions, ...answersOf(parent).flatMap((a) => a.useRestrictions)])], classification: classificationOf(parent) };
}

/** The highest classification of a trace: its request's, or its answers' (answersOf, unless given) where the answering State raised it. */
function classificationOf(trace: Pick<TraceEntity, 'classification' | 'answer' | 'notes'>, answers = answersOf(trace)): string {
  return answers.reduce((highest, a) => (a.classification && rank(a.classification) > rank(highest) ? a.classification : highest), trace.classification);
}

/** A classification's place in CLASSIFICATIONS, lowest first. */
function rank(classification: string): number {
  return (CLASSIFICATIONS as readonly string[]).indexOf(classification);
}

/**
 * The checks every answer to `trace` passes, whoever records it: never delayed while information is awaited, reasons when not full, a date when delayed, no
 * chain when nothing is reported; a supplement to a partial or refused answer adds to it, and is never delayed;
 * no answer is classified below the request or the answer it follows.
 */
function answerErrors(input: Omit<AnswerTraceDto, 'weaponId'>, trace: TraceEntity, latestToday: string): [string, string][] {
  const previous = trace.answer;
  const errors: [string, string][] = [];
  // Waiting for the information it asked for, a State answers without it or waits: a delayed answer would end the
  // requester's chance to send it (its copy is then answered) while the full answer still waited for it.
  if (input.outcome === 'delayed' && trace.status === 'information_requested') {
    errors.push(['outcome', 'while the information asked for is awaited, the answer is full, partial or refused: wait for the information rather than delay']);
  }
  const floor = classificationOf(trace);
  if (input.classification && rank(input.classification) < rank(floor)) {
    errors.push(['classification', `an answer is classified at least as the request and the answer it follows: ${floor}`]);
  }
  const outcomes: readonly string[] | null = supplements(previous) ? SUPPLEMENT_OUTCOMES[previous!.outcome as keyof typeof SUPPLEMENT_OUTCOMES] : null;
  if (outcomes && !outcomes.includes(input.outcome)) {
    errors.push(['outcome', `an answer that follows a ${previous!.outcome} one adds to it: ${outcomes.slice(0, -1).join(', ')} or ${outcomes.at(-1)}`]);
  }
  if (previous?.outcome === 'partial' && previous.recordFound && !input.recordFound) {
    errors.push(['recordFound', 'an answer that follows a partial one that found the record keeps it found: recordFound true']);
  }
  if (input.outcome !== 'full' && !input.reasonCode) errors.push(['reasonCode', 'reasonCode is required unless the outcome is full']);
  if (input.outcome !== 'full' && !input.reasonText) errors.push(['reasonText', 'reasonText is required unless the outcome is full']);
  if (input.outcome === 'delayed' && !input.expectedDate) errors.push(['expectedDate', 'expectedDate is required when the outcome is delayed']);
  if (input.outcome !== 'delayed' && input.expectedDate) errors.push(['expectedDate', `expectedDate is the date a delayed answer expects to answer by: a ${input.outcome} answer has none`]);
  if (input.nextState && input.nextState === trace.requestedState) errors.push(['nextState', `nextState is the next State to ask, another than ${trace.requestedState}, the one answering`]);
  input.chain?.forEach((link, i) => {
    if (link.date && link.date > latestToday) errors.push([`chain[${i}].date`, `chain[${i}].date cannot be in the future`]);
  });
  // A refused or delayed answer reports nothing of the record: what the State withholds stays at home.
  const reports = reportsRecord(input.outcome);
  if (!reports && input.chain?.length) errors.push(['chain', `a ${input.outcome} answer reports no chain of custody`]);
  if (!reports && input.lastLegalHolder) errors.push(['lastLegalHolder', `a ${input.outcome} answer reports no legal holder`]);
  return errors;
}

/**
 * The answers a supplement to a partial or refused answer may give: it adds to what was answered, and after a
 * partial answer nothing of what it reported is taken back.
 */
/** Whether the requester's copy sent a message of this kind (the requested State's sent the others). */
function sentByRequester(kind: string): boolean {
  return kind === 'trace.sent' || kind === 'trace.information_provided' || kind === 'trace.closed';
}

const SUPPLEMENT_OUTCOMES = { partial: ['full', 'partial'], refused: ['full', 'partial', 'refused'] } as const satisfies Partial<Record<Outcome, readonly Outcome[]>>;

/** Whether an answer given now adds to `previous` (a partial or refused answer), rather than following a delay or coming first. */
function supplements(previous: TraceAnswer | null | undefined): boolean {
  return previous !== null && previous !== undefined && previous.outcome in SUPPLEMENT_OUTCOMES;
}

/** Whether an answer of this outcome reports what the record holds (a chain, a legal holder): in full or in part. */
function reportsRecord(outcome: string): boolean {
  return outcome === 'full' || outcome === 'partial';
}

/**
 * When a trace was answered, as the reports time it: at its first answer that was not a delay (a supplement
 * added later does not make the State late), else at its latest delay. `before`: answers the copy held that this
 * one does not list (recorded from outside the system before the State was hosted here).
 */
function answeredAtOf(answer: TraceAnswer, before: readonly EarlierAnswer[] = []): Date {
  const answers = [...before, ...(answer.earlier ?? []), answer];
  const first = answers.filter((a) => a.outcome !== 'delayed').map((a) => a.answeredAt).sort()[0];
  return new Date(first ?? answer.answeredAt);
}

/** An answer recorded from outside the system, in words: how and when it came, who recorded it, what it said. */
function recordedAnswerText(a: EarlierAnswer): string {
  const received = a.received!;
  const reason = [a.reasonCode, a.reasonText].filter(Boolean).join(': ');
  return `Answer received ${viaWords(received.via)}${received.reference ? `, reference ${received.reference}` : ''}, at ${a.answeredAt}, recorded by ${received.recordedBy}: ` +
    `${a.outcome}${reason ? ` (${reason})` : ''}${a.nextState ? `; next State ${a.nextState}` : ''}`;
}

/** "through INTERPOL", "by diplomatic channel", "directly": how something came outside the system. */
function viaWords(via: string): string {
  return via === 'interpol' ? 'through INTERPOL' : via === 'diplomatic' ? 'by diplomatic channel' : 'directly';
}

function withoutEarlier({ earlier: _earlier, ...answer }: TraceAnswer): EarlierAnswer {
  return answer;
}

function fieldErrors(errors: [string, string][]): ValidationFailedError {
  return new ValidationFailedError(errors.map(([field, message]) => ({ field, messages: [message] })));
}

/**
 * The SHA-256 a request's form and its INTERPOL export print: of its canonical content and of its photos, in
 * order, each by its own SHA-256 with its component and caption (a photo swapped for another changes it). A
 * request without photos hashes its content alone, as forms printed before photos counted did.
 */
function requestSha256(exchangeId: string, content: RequestContent, photos: Pick<TracePhotoEntity, 'component' | 'caption' | 'mediaType' | 'sha256'>[]): string {
  const printed = photos.map((p) => ({ component: p.component, caption: p.caption, mediaType: p.mediaType, sha256: p.sha256 }));
  return canonicalSha256({ traceId: exchangeId, request: content, ...(printed.length ? { photos: printed } : {}) });
}

function requestContent(trace: RequestContent): RequestContent {
  return Object.fromEntries(REQUEST_FIELDS.map((key) => [key, trace[key] ?? null])) as unknown as RequestContent;
}

function observedWeapon(input: ObservedWeaponDto): ObservedWeapon {
  return {
    type: input.type ?? null,
    calibre: input.calibre ?? null,
    make: input.make ?? null,
    model: input.model ?? null,
    serial: input.serial ?? null,
    serialObliterated: input.serialObliterated ?? false,
    serialReadable: input.serialReadable ?? null,
    countryOfManufacture: input.countryOfManufacture ?? null,
    yearOfManufacture: input.yearOfManufacture ?? null,
    markings: input.markings.map((m) => ({ component: m.component, text: m.text })),
    photoRefs: input.photoRefs ?? [],
  };
}

function observedFromRegistry(w: WeaponDto): ObservedWeapon {
  return {
    type: w.type,
    calibre: w.calibre,
    make: w.manufacturer,
    model: w.model,
    // A record flagged obliterated holds what could be read of its serial.
    serial: w.flags.serialObliterated ? null : w.serial,
    serialObliterated: w.flags.serialObliterated,
    serialReadable: w.flags.serialObliterated ? w.serial : null,
    countryOfManufacture: w.countryOfManufacture,
    yearOfManufacture: w.yearOfManufacture,
    markings: w.markings.map((m) => ({ component: m.component, text: m.text })),
    photoRefs: w.markings.flatMap((m) => m.photoRefs),
  };
}

/** What the officer observed wins over the registry's record; markings of both are kept. */
function mergeObserved(registry: ObservedWeapon, observed: ObservedWeapon | null, observedObliterated?: boolean): ObservedWeapon {
  if (!observed) return registry;
  const merged = { ...registry };
  for (const [key, value] of Object.entries(observed) as [keyof ObservedWeapon, unknown][]) {
    if (value !== null && !(Array.isArray(value) && value.length === 0)) (merged as Record<string, unknown>)[key] = value;
  }
  merged.markings = [...observed.markings, ...registry.markings.filter((m) => !observed.markings.some((o) => o.text === m.text))];
  // The officer's word on the serial, when given, wins: an obliteration said, or a serial given as marked (which
  // says it can be read); an observation silent on both leaves the record's. An obliterated serial is no serial
  // as marked: the record's goes (one the officer gave as well is refused, by checkRequest).
  merged.serialObliterated = observedObliterated ?? (observed.serial ? false : registry.serialObliterated);
  if (merged.serialObliterated) merged.serial = observed.serial ?? null;
  else merged.serialReadable = null;
  return merged;
}

/** An answer prefilled from a registry record: its legal history, last legal holder and next State. */
export function prefillFrom(w: WeaponDto, stateCode: string): { chain: ChainLink[]; lastLegalHolder: string | null; nextState: string | null } {
  // The history as it stands: a corrected export names the destination its correction gives.
  const events = standingHistory(w.events);
  // A weapon not made in the State begins its chain with what its record says of its manufacture.
  const madeElsewhere: ChainLink[] = !events.some((e) => e.type === 'manufactured') && (w.countryOfManufacture || w.manufacturer)
    ? [{ event: 'manufactured', date: null, state: w.countryOfManufacture, counterpartState: null, licenceRef: null, party: w.manufacturer }]
    : [];
  const chain: ChainLink[] = [...madeElsewhere, ...events.map((e) => ({
    event: e.type,
    date: e.occurredOn,
    state: e.type === 'manufactured' ? w.countryOfManufacture ?? stateCode : stateCode,
    counterpartState: e.counterpartState,
    licenceRef: e.licenceRef ?? e.authorisationRef,
    // Whom a step that handed the weapon (or its records) on put it in the hands of (the buyer, the importer, the
    // consignee, the new custodian), by the parties' roles; for another step (a seizure, a loss), who took it.
    party: (e.type === 'custody_transferred' ? custodianOf(e.parties)
      : HANDING_EVENTS.includes(e.type) ? holderAfter(e, stateCode)
        : e.type === 'exported' ? recipientOf(e.parties) : actorOf(e.parties))
      ?? (e.type === 'manufactured' ? w.manufacturer : null),
  }))];
  const lastExport = [...events].reverse().find((e) => e.type === 'exported');
  const lastImport = [...events].reverse().find((e) => IMPORT_EVENTS.includes(e.type as EventType));
  return {
    chain,
    lastLegalHolder: w.legalHolder,
    // Onward to the State it was exported to; otherwise back to the State it was imported from.
    nextState: (w.status === 'exported' ? lastExport?.counterpartState : lastImport?.counterpartState) ?? null,
  };
}

/** What a follow-up tells the next State of the answer it follows: the outcome and the last step reported. */
/**
 * What a follow-up carried of the trace it follows when it was sent (its notes written by followUpNote), for its
 * forms and export; nothing before it is sent (sending writes the note again, and may refuse to carry it).
 */
function followsUp(trace: Pick<TraceEntity, 'notes' | 'sentAt'>): string[] {
  if (!trace.sentAt) return [];
  return trace.notes.filter((note) => note.kind === 'information_provided' && isCarried(note, trace.sentAt)).map((note) => note.text);
}

function followUpNote(parent: TraceEntity): string {
  // The latest answer that reports something (an answer recorded outside the system included), else the answer.
  const a = answersOf(parent).reverse().find((answer) => reportsRecord(answer.outcome)) ?? parent.answer;
  if (!a) return `Follows up trace ${parent.exchangeId} to ${parent.requestedState}`;
  const last = a.chain.at(-1);
  const towards = last && /^import/.test(last.event) ? 'from' : 'to';
  const step = last
    ? `; last step reported: ${last.event}${last.date ? ` on ${last.date}` : ''}${last.counterpartState ? ` ${towards} ${last.counterpartState}` : ''}${last.licenceRef ? ` (licence ${last.licenceRef})` : ''}`
    : '';
  return `Follows up trace ${parent.exchangeId}: ${parent.requestedState} answered ${a.outcome}${step}`;
}

function dueOf(trace: TraceEntity): string {
  if (trace.status === 'answered') return trace.answer?.expectedDate ?? 'earlier';
  const due = trace.status === 'sent' ? trace.acknowledgeDueAt : trace.status === 'information_requested' ? trace.informationDueAt : trace.answerDueAt;
  return due ? due.toISOString() : 'earlier';
}

/**
 * The answer's deadline once the information asked for is given: moved on by the time the requested State
 * waited for it, from its last question to this reply (ITI 17: the question stops the clock). A question whose
 * time does not read (a note from another node) moves it on by nothing.
 */
export function pausedDue(copy: Pick<TraceEntity, 'answerDueAt' | 'notes'>, provided: TraceNote): Date | null {
  const asked = [...copy.notes].reverse().find((note) => note.kind === 'information_requested');
  if (!copy.answerDueAt || !asked) return copy.answerDueAt;
  const waited = new Date(provided.at).getTime() - new Date(asked.at).getTime();
  return Number.isNaN(waited) ? copy.answerDueAt : new Date(copy.answerDueAt.getTime() + Math.max(0, waited));
}

/** The disclosed case fields as the request form prints them. */
function disclosureLines(disclosure: Record<string, unknown> | null): { label: string; text: string }[] | null {
  if (!disclosure) return null;
  return Object.entries(disclosure).map(([field, value]) => ({
    label: DISCLOSURE_LABELS[field as CaseField] ?? field,
    text: field === 'persons' ? (value as CasePerson[]).map(personLine).join('\n') || 'none' : String(value),
  }));
}

function personLine(p: CasePerson): string {
  const about = [p.dateOfBirth && `born ${p.dateOfBirth}`, p.role].filter(Boolean).join('; ');
  const documents = p.identityDocuments.map((d) => `${d.type} ${d.number}${d.issuingState ? ` (${d.issuingState})` : ''}`).join(', ');
  return `${p.name}${about ? ` (${about})` : ''}${documents ? ` — ${documents}` : ''}`;
}
