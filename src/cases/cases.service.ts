import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AuditService } from '../audit/audit.service';
import { auditedRefusal, AuditTrail } from '../audit/audit-trail';
import type { AuthUser } from '../common/auth/auth-user';
import { Clock } from '../common/clock';
import { RecordCipher, RecordSealing } from '../common/encryption/record-cipher';
import { ForbiddenError, NotFoundError, ValidationFailedError } from '../common/errors/app-error';
import { UsersRepository } from '../users/users.repository';
import { StatesService } from '../states/states.service';
import { CASE_FIELDS, CASE_MEMBER_ROLES, CaseContent, CaseField, CONTENT_READ } from './cases.constants';
import { CasesRepository } from './cases.repository';
import { AddCaseMemberDto, CaseDto, CreateCaseDto } from './dto/case.dto';
import { CaseEntity } from './entities/case.entity';

export class CaseNotFoundError extends NotFoundError {
  constructor() {
    super('Case', 'CASE_NOT_FOUND');
  }
}

/** Reads of a case listed to an auditor with the case, the latest (the audit trail lists them all). */
export const CASE_READS_SHOWN = 1000;

/**
 * Confidential case files (need to know). Members read the content, every read audited; auditors see that
 * a case exists, its members and who read it; everyone else gets 404, and the refusal is audited too.
 */
@Injectable()
export class CasesService {
  constructor(
    private readonly cases: CasesRepository,
    private readonly users: UsersRepository,
    private readonly sealing: RecordSealing,
    private readonly trail: AuditTrail,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly states: StatesService,
  ) {}

  /** What class-validator cannot judge alone: dates of birth not ahead, documents issued by known States. Messages echo no content. */
  private async checkPersons(persons: CreateCaseDto['persons']): Promise<void> {
    const today = this.clock.latestToday();
    const documents = persons.flatMap((p, i) => (p.identityDocuments ?? []).map((d, j) => ({ field: `persons[${i}].identityDocuments[${j}].issuingState`, code: d.issuingState })));
    const unknown = await this.states.unknownCodes(documents.flatMap((d) => (d.code ? [d.code] : [])));
    const errors = [
      ...persons.flatMap((p, i) => (p.dateOfBirth && p.dateOfBirth > today ? [{ field: `persons[${i}].dateOfBirth`, messages: ['dateOfBirth cannot be in the future'] }] : [])),
      ...documents.filter((d) => d.code && unknown.has(d.code)).map((d) => ({ field: d.field, messages: ['issuingState is not a State known to this node'] })),
    ];
    if (errors.length) throw new ValidationFailedError(errors);
  }

  async create(actor: AuthUser, input: CreateCaseDto): Promise<CaseDto> {
    await this.checkPersons(input.persons);
    const id = randomUUID();
    const now = this.clock.now();
    const { cipher, dataKey } = this.sealing.newRecord({ stateCode: actor.stateCode, table: 'cases', rowId: id });
    const content: CaseContent = {
      reference: input.reference,
      offence: input.offence,
      narrative: input.narrative,
      persons: input.persons.map((p) => ({
        name: p.name,
        dateOfBirth: p.dateOfBirth ?? null,
        role: p.role ?? null,
        identityDocuments: (p.identityDocuments ?? []).map((d) => ({ type: d.type, number: d.number, issuingState: d.issuingState ?? null })),
      })),
      placeOfRecovery: input.placeOfRecovery,
      investigatingAgency: input.investigatingAgency,
    };
    const sealed = Object.fromEntries(CASE_FIELDS.map((field) => [field, cipher.seal(field, content[field])])) as Record<CaseField, Buffer>;
    const record: CaseEntity = {
      id, stateCode: actor.stateCode, classification: input.classification ?? 'confidential', dataKey, ...sealed, createdBy: actor.id, createdAt: now, updatedAt: now,
    };
    const creator = { caseId: id, userId: actor.id, stateCode: actor.stateCode, addedBy: actor.id, addedAt: now };
    await this.cases.insert(record, creator);
    return { ...this.summary(record), members: [memberDto(creator)], content, reads: null, earlierReads: null };
  }

  async get(actor: AuthUser, id: string): Promise<CaseDto> {
    const record = await this.cases.findById(actor.stateCode, id);
    if (record && (await this.isReadingMember(actor, id))) {
      const content = this.open(record);
      this.trail.record(actor, { action: CONTENT_READ, targetType: 'case', targetId: id });
      return { ...this.summary(record), members: (await this.cases.members(actor.stateCode, id)).map(memberDto), content, reads: null, earlierReads: null };
    }
    if (record && actor.roles.includes('auditor')) {
      const reads = await this.audit.actionsOn(actor.stateCode, 'case', id, CONTENT_READ, CASE_READS_SHOWN);
      return {
        ...this.summary(record),
        members: (await this.cases.members(actor.stateCode, id)).map(memberDto),
        content: null,
        reads: reads.actions,
        earlierReads: reads.earlier,
      };
    }
    throw this.refused(id);
  }

  /** The creator adds users of the same State who need to know. */
  async addMember(actor: AuthUser, id: string, input: AddCaseMemberDto): Promise<CaseDto> {
    const record = await this.cases.findById(actor.stateCode, id);
    if (!record || !(await this.isReadingMember(actor, id))) throw this.refused(id);
    if (record.createdBy !== actor.id) throw new ForbiddenError('CASE_CREATOR_ONLY', 'Only the creator of a case adds its members');
    const user = await this.users.findById(actor.stateCode, input.userId);
    if (!user || user.disabledAt) {
      throw new ValidationFailedError([{ field: 'userId', messages: ['userId must be an active user of your State'] }]);
    }
    if (!user.roles.some((role) => (CASE_MEMBER_ROLES as readonly string[]).includes(role))) {
      throw new ValidationFailedError([{ field: 'userId', messages: [`a case member needs one of the roles ${CASE_MEMBER_ROLES.join(', ')}`] }]);
    }
    // Need to know granted: who was given access is in the hash chain, not only in case_members (once: a member added again is granted nothing).
    if (await this.cases.addMember({ caseId: id, userId: user.id, stateCode: actor.stateCode, addedBy: actor.id, addedAt: this.clock.now() })) {
      this.trail.record(actor, { action: 'case.member_added', targetType: 'case', targetId: id, details: { userId: user.id } });
    }
    const members = await this.cases.members(actor.stateCode, id);
    return { ...this.summary(record), members: members.map(memberDto), content: null, reads: null, earlierReads: null };
  }

  /**
   * The fields of a case a member chose to disclose with a trace request (need to know: a non-member
   * gets 404). Audited as a read of the case's content.
   */
  async disclose(actor: AuthUser, id: string, fields: CaseField[]): Promise<Partial<CaseContent>> {
    const record = await this.cases.findById(actor.stateCode, id);
    if (!record || !(await this.isReadingMember(actor, id))) throw this.refused(id);
    // A case linked with no field to disclose is checked (a member's), and nothing of it is read.
    if (fields.length === 0) return {};
    const cipher = this.cipher(record);
    this.trail.record(actor, { action: CONTENT_READ, targetType: 'case', targetId: id, details: { disclosedFields: fields } });
    return Object.fromEntries(fields.map((field) => [field, cipher.open(field, record[field])]));
  }

  /** A case file's classification, for a member (need to know: a non-member gets 404). */
  async classificationOf(actor: AuthUser, id: string): Promise<string> {
    const record = await this.cases.findById(actor.stateCode, id);
    if (!record || !(await this.isReadingMember(actor, id))) throw this.refused(id);
    return record.classification;
  }

  private open(record: CaseEntity): CaseContent {
    const cipher = this.cipher(record);
    return Object.fromEntries(CASE_FIELDS.map((field) => [field, cipher.open(field, record[field])])) as unknown as CaseContent;
  }

  private cipher(record: CaseEntity): RecordCipher {
    return this.sealing.record({ stateCode: record.stateCode, table: 'cases', rowId: record.id }, record.dataKey);
  }

  /** A member who still holds a role that may be one (a member made auditor only reads no more). */
  private async isReadingMember(actor: AuthUser, id: string): Promise<boolean> {
    return actor.roles.some((role) => (CASE_MEMBER_ROLES as readonly string[]).includes(role)) && this.cases.isMember(actor.stateCode, id, actor.id);
  }

  /** 404, as for a case that does not exist, and the refusal in the audit trail. */
  private refused(id: string): CaseNotFoundError {
    return auditedRefusal(new CaseNotFoundError(), { action: CONTENT_READ, targetType: 'case', targetId: id });
  }

  private summary(record: CaseEntity) {
    return { id: record.id, stateCode: record.stateCode, classification: record.classification, createdBy: record.createdBy, createdAt: record.createdAt.toISOString() };
  }
}

function memberDto(m: { userId: string; addedBy: string; addedAt: Date }) {
  return { userId: m.userId, addedBy: m.addedBy, addedAt: m.addedAt.toISOString() };
}
