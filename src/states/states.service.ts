import { Injectable } from '@nestjs/common';
import { AuthUser } from '../common/auth/auth-user';
import { Clock } from '../common/clock';
import { ConflictError, ForbiddenError, NotFoundError, ValidationFailedError } from '../common/errors/app-error';
import { mapPage, Page, PageQueryDto } from '../common/http/pagination';
import { ContactPointDto, CreateContactPointDto, UpdateContactPointDto } from './dto/contact-point.dto';
import { StateDto } from './dto/state.dto';
import { ContactPointsRepository, StatesRepository } from './states.repository';

@Injectable()
export class StatesService {
  constructor(
    private readonly states: StatesRepository,
    private readonly contactPoints: ContactPointsRepository,
    private readonly clock: Clock,
  ) {}

  async list(filter: { hosted?: boolean }, page: PageQueryDto): Promise<Page<StateDto>> {
    return mapPage(await this.states.list(filter, page), StateDto.from);
  }

  async get(code: string): Promise<StateDto> {
    const state = await this.states.findByCode(code);
    if (!state) throw new NotFoundError(`State ${code}`, 'STATE_NOT_FOUND');
    return StateDto.from(state);
  }

  /** Since when the State's users and registry live on this node; null if they do not. */
  async hostedSince(code: string): Promise<Date | null> {
    return (await this.states.findByCode(code))?.hostedSince ?? null;
  }

  /** Whether a request can be addressed to `code`: a State of this node, with its number of contact points. */
  addressing(code: string): Promise<{ known: boolean; contactPoints: number }> {
    return this.states.addressing(code);
  }

  /** 400 naming each field whose code (when given) names no State of this node. */
  async assertKnown(checks: [field: string, code: string | undefined][]): Promise<void> {
    const given = checks.filter((check): check is [string, string] => Boolean(check[1]));
    const unknown = await this.unknownCodes(given.map(([, code]) => code));
    const errors = given.filter(([, code]) => unknown.has(code)).map(([field, code]) => ({ field, messages: [unknownStateMessage(code)] }));
    if (errors.length) throw new ValidationFailedError(errors);
  }

  /** The codes among `codes` that name no State of this node. */
  async unknownCodes(codes: string[]): Promise<Set<string>> {
    const known = await this.states.existingCodes([...new Set(codes)]);
    return new Set(codes.filter((code) => !known.has(code)));
  }

  /** The States whose users and registry live on this node. */
  hostedCodes(): Promise<string[]> {
    return this.states.codes(true);
  }

  /** Every State this node knows, hosted or not: what a node-wide pass over sealed records must visit. */
  allCodes(): Promise<string[]> {
    return this.states.codes();
  }

  /** Marks a State as hosted on this node (its users and registry live here). */
  async host(code: string, now: Date): Promise<StateDto> {
    const state = await this.states.findByCode(code);
    if (!state) throw new NotFoundError(`State ${code}`, 'STATE_NOT_FOUND');
    if (!state.hostedSince) await this.states.markHosted(code, now);
    return this.get(code);
  }

  async countContactPoints(code: string): Promise<number> {
    return this.contactPoints.countForState(code);
  }

  async listContactPoints(code: string, page: PageQueryDto): Promise<Page<ContactPointDto>> {
    await this.get(code);
    return mapPage(await this.contactPoints.listForState(code, page), ContactPointDto.from);
  }

  async addContactPoint(actor: AuthUser, code: string, input: CreateContactPointDto): Promise<ContactPointDto> {
    await this.assertOwnState(actor, code);
    return this.createContactPoint(actor.stateCode, input);
  }

  /** Adds an entry to the directory of `stateCode`; the transaction must be scoped to that State. */
  async createContactPoint(stateCode: string, input: CreateContactPointDto): Promise<ContactPointDto> {
    await this.assertEmailFree(stateCode, input.email, null);
    const created = await this.contactPoints.insert({
      stateCode,
      name: input.name,
      agency: input.agency,
      email: input.email,
      phone: input.phone ?? null,
      languages: input.languages ?? [],
      verifiedAt: this.verifiedAt(input.verifiedAt),
    });
    return ContactPointDto.from(created);
  }

  async updateContactPoint(actor: AuthUser, code: string, id: string, input: UpdateContactPointDto): Promise<ContactPointDto> {
    await this.assertOwnState(actor, code);
    return this.changeContactPoint(actor.stateCode, id, input);
  }

  /** Changes an entry of the directory of `stateCode`; the transaction must be scoped to that State. */
  async changeContactPoint(stateCode: string, id: string, input: UpdateContactPointDto): Promise<ContactPointDto> {
    // A new address is checked under the directory's lock, taken before the entry's row as an addition takes it.
    if (input.email !== undefined) await this.contactPoints.lockDirectory(stateCode);
    const existing = await this.contactPoints.findOfStateForUpdate(stateCode, id);
    if (!existing) throw new NotFoundError('Contact point', 'CONTACT_POINT_NOT_FOUND');
    if (input.email !== undefined && input.email !== existing.email) await this.assertEmailFree(stateCode, input.email, id);
    if (input.name !== undefined) existing.name = input.name;
    if (input.agency !== undefined) existing.agency = input.agency;
    if (input.email !== undefined) existing.email = input.email;
    if (input.phone !== undefined) existing.phone = input.phone ?? null;
    if (input.languages !== undefined) existing.languages = input.languages;
    if (input.verifiedAt !== undefined) existing.verifiedAt = this.verifiedAt(input.verifiedAt);
    return ContactPointDto.from(await this.contactPoints.save(existing));
  }

  /** When a contact point's details were last confirmed: not after now (a day, not after today anywhere: UTC+14). */
  private verifiedAt(given: string | null | undefined): Date | null {
    if (!given) return null;
    const at = new Date(given);
    const ahead = given.length === 10 ? given > this.clock.latestToday() : at.getTime() > this.clock.now().getTime();
    if (ahead) throw new ValidationFailedError([{ field: 'verifiedAt', messages: ['verifiedAt cannot be in the future'] }]);
    return at;
  }

  async removeContactPoint(actor: AuthUser, code: string, id: string): Promise<void> {
    await this.assertOwnState(actor, code);
    await this.deleteContactPoint(actor.stateCode, id);
  }

  /** Removes an entry of the directory of `stateCode`, never its last; the transaction must be scoped to that State. */
  async deleteContactPoint(stateCode: string, id: string): Promise<void> {
    const ids = await this.contactPoints.lockAllOfState(stateCode);
    if (!ids.includes(id)) throw new NotFoundError('Contact point', 'CONTACT_POINT_NOT_FOUND');
    // A State designates one national point of contact at least: with none, no trace can be sent to it.
    if (ids.length === 1) {
      throw new ConflictError('LAST_CONTACT_POINT', `This is ${stateCode}'s last contact point: without one, no State can send ${stateCode} a trace. Add its replacement first, then remove it`);
    }
    await this.contactPoints.delete(stateCode, id);
  }

  /**
   * One entry per address in a State's directory (e-mail addresses are kept in lower case): a point listed
   * twice would be sent every reminder twice, and a directory copied in by hand is easily entered twice.
   * Under the directory's lock, so that two additions of one address cannot both pass, even to an empty one.
   */
  private async assertEmailFree(stateCode: string, email: string, except: string | null): Promise<void> {
    await this.contactPoints.lockDirectory(stateCode);
    const listed = await this.contactPoints.findByEmail(stateCode, email.toLowerCase());
    if (listed && listed.id !== except) {
      throw new ConflictError('CONTACT_POINT_LISTED', `${listed.email} is already listed for ${stateCode} (contact point ${listed.id}): change that entry instead`, { id: listed.id });
    }
  }

  /**
   * Only a State's own admins manage its entries. The directory is read by every State, so a 403 tells
   * nothing that a read would not (and it is audited); an id that is not of the caller's State is a 404.
   */
  private async assertOwnState(actor: AuthUser, code: string): Promise<void> {
    if (actor.stateCode === code) return;
    await this.get(code); // a State the node does not know: 404, as for a read
    throw new ForbiddenError('OTHER_STATE_DIRECTORY', `Only ${code}'s administrators manage ${code}'s contact points; yours are under /states/${actor.stateCode}/contact-points`);
  }
}

/** What a field naming no State of this node is told: one message wherever a State code is checked. */
export function unknownStateMessage(code: string): string {
  return `${code} is not an ISO 3166 State known to this node`;
}
