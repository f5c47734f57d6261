import { Injectable } from '@nestjs/common';
import { AuthUser } from '../common/auth/auth-user';
import { AppError, FieldError, ValidationFailedError } from '../common/errors/app-error';
import { arrayPage, Page } from '../common/http/pagination';
import { StatesService } from '../states/states.service';
import { AddManufacturerDto, AddReferenceDto, CalibreDto, ManufacturerDto, ReferenceQueryDto, WeaponTypeDto } from './dto/reference.dto';
import { ReferenceAdditionEntity } from './entities/reference.entities';
import { referenceKey } from './reference-key';
import { ReferenceRepository } from './reference.repository';

interface Entry {
  code: string;
  name: string;
  aliases: string[];
}

/** Reference lists and the matching of free text (a calibre or a maker as written) to their codes. */
@Injectable()
export class ReferenceService {
  constructor(
    private readonly reference: ReferenceRepository,
    private readonly states: StatesService,
  ) {}

  async weaponTypes(query: ReferenceQueryDto): Promise<Page<WeaponTypeDto>> {
    const types = (await this.reference.weaponTypes()).map((t) => ({ code: t.code, name: t.name, category: t.category, aliases: t.aliases }));
    return arrayPage(filter(types, query.q), (t) => t.code, query);
  }

  async calibres(actor: AuthUser, query: ReferenceQueryDto): Promise<Page<CalibreDto>> {
    return arrayPage(filter(await this.allCalibres(actor.stateCode), query.q), (c) => c.code, query);
  }

  async manufacturers(actor: AuthUser, query: ReferenceQueryDto): Promise<Page<ManufacturerDto>> {
    return arrayPage(filter(await this.allManufacturers(actor.stateCode), query.q), (m) => m.code, query);
  }

  async addCalibre(actor: AuthUser, input: AddReferenceDto): Promise<CalibreDto> {
    await this.reference.lockAdditions(actor.stateCode, 'calibre');
    await this.assertNamesFree(actor.stateCode, 'calibre', input, (matcher, text) => matcher.calibre(text));
    await this.reference.insertAddition({ stateCode: actor.stateCode, kind: 'calibre', code: input.code, name: input.name, aliases: input.aliases, addedBy: actor.id });
    return (await this.allCalibres(actor.stateCode)).find((c) => c.code === input.code)!;
  }

  async addManufacturer(actor: AuthUser, input: AddManufacturerDto): Promise<ManufacturerDto> {
    await this.states.assertKnown([['country', input.country]]);
    await this.reference.lockAdditions(actor.stateCode, 'manufacturer');
    await this.assertNamesFree(actor.stateCode, 'manufacturer', input, (matcher, text) => matcher.manufacturer(text));
    await this.reference.insertAddition({
      stateCode: actor.stateCode, kind: 'manufacturer', code: input.code, name: input.name, country: input.country, aliases: input.aliases, addedBy: actor.id,
    });
    return (await this.allManufacturers(actor.stateCode)).find((m) => m.code === input.code)!;
  }

  /**
   * A name that already names another entry would read two ways, the API taking the entry listed last and
   * the import the added name: refused, save a new entry's names that repeat shipped names of another
   * entry, which win over them in both (docs/import-format.md) while no record of the State was coded
   * through them: a search by such a name would then miss those records, coded to the shipped entry.
   * An alias added to a shipped entry may repeat none.
   */
  private async assertNamesFree(stateCode: string, kind: 'calibre' | 'manufacturer', input: AddReferenceDto, find: (matcher: ReferenceMatcher, text: string) => Match | null): Promise<void> {
    const matcher = await this.matcher(stateCode);
    const shipped = await this.shippedMatcher();
    const extending = find(matcher, input.code)?.code === input.code;
    // The code is a name too (the matcher and the SQL read it as one).
    const names = [...(extending ? [] : [['code', input.code] as const, ['name', input.name] as const]), ...input.aliases.map((alias, i) => [`aliases[${i}]`, alias] as const)];
    const errors: FieldError[] = [];
    for (const [field, text] of names) {
      const match = find(matcher, text);
      if (!match || match.code === input.code) continue;
      if (extending || find(shipped, text)?.code !== match.code) {
        errors.push({ field, messages: [`"${text}" already names ${match.name} (${match.code}): add it to that entry, or choose another name`] });
        continue;
      }
      const records = await this.reference.countRecordsNamed(stateCode, kind, match.code, text);
      if (records > 0) {
        errors.push({ field, messages: [`"${text}" names ${match.name} (${match.code}) in ${records} record${records === 1 ? '' : 's'} of this State: taken by another entry, a search by it would no longer find them; choose another name`] });
      }
    }
    if (errors.length) throw new ValidationFailedError(errors);
  }

  /**
   * Everything a State matches against: shipped data merged with its registrars' additions. The
   * shipped part changes only with a migration, so it is read once per process; additions are read
   * on each call (one small query), and most States have none.
   */
  async matcher(stateCode: string): Promise<ReferenceMatcher> {
    if (!(await this.reference.hasAdditions(stateCode))) return this.shippedMatcher();
    const types = await this.reference.weaponTypes();
    const calibreAdditions = await this.reference.additions(stateCode, 'calibre');
    const manufacturerAdditions = await this.reference.additions(stateCode, 'manufacturer');
    const calibres = await this.allCalibres(stateCode, calibreAdditions);
    const manufacturers = await this.allManufacturers(stateCode, manufacturerAdditions);
    return new ReferenceMatcher(types.map((t) => ({ code: t.code, name: t.name, aliases: t.aliases, category: t.category })), calibres, manufacturers, {
      calibres: addedNames(calibres, calibreAdditions),
      manufacturers: addedNames(manufacturers, manufacturerAdditions),
    });
  }

  private shipped?: Promise<ReferenceMatcher>;

  private shippedMatcher(): Promise<ReferenceMatcher> {
    this.shipped ??= (async () => {
      const types = await this.reference.weaponTypes();
      const calibres = await this.reference.calibres();
      const manufacturers = await this.reference.manufacturers();
      return new ReferenceMatcher(
        types.map((t) => ({ code: t.code, name: t.name, aliases: t.aliases, category: t.category })),
        calibres.map((c) => ({ code: c.code, name: c.name, aliases: c.aliases, diameterMm: null, kind: c.kind, addedByState: false })),
        manufacturers.map((m) => ({ code: m.code, name: m.name, country: m.country, aliases: m.aliases, formerNames: m.formerNames, addedByState: false })),
      );
    })();
    this.shipped.catch(() => (this.shipped = undefined)); // a failed first read is retried next time
    return this.shipped;
  }

  private async allCalibres(stateCode: string, additions?: ReferenceAdditionEntity[]): Promise<CalibreDto[]> {
    const shipped = (await this.reference.calibres()).map((c): CalibreDto => ({
      code: c.code, name: c.name, aliases: c.aliases, diameterMm: c.diameterMm === null ? null : Number(c.diameterMm), kind: c.kind, addedByState: false,
    }));
    return merge(shipped, additions ?? await this.reference.additions(stateCode, 'calibre'), (a) => ({
      code: a.code, name: a.name, aliases: a.aliases, diameterMm: null, kind: null, addedByState: true,
    }));
  }

  private async allManufacturers(stateCode: string, additions?: ReferenceAdditionEntity[]): Promise<ManufacturerDto[]> {
    const shipped = (await this.reference.manufacturers()).map((m): ManufacturerDto => ({
      code: m.code, name: m.name, country: m.country, aliases: m.aliases, formerNames: m.formerNames, addedByState: false,
    }));
    return merge(shipped, additions ?? await this.reference.additions(stateCode, 'manufacturer'), (a) => ({
      code: a.code, name: a.name, country: a.country, aliases: a.aliases, formerNames: [], addedByState: true,
    }));
  }
}

/** Additions with a shipped code add aliases to it; others are new entries. */
function merge<T extends Entry, A extends { code: string; aliases: string[] }>(shipped: T[], additions: A[], toEntry: (a: A) => T): T[] {
  const byCode = new Map(shipped.map((entry) => [entry.code, { ...entry, aliases: [...entry.aliases] }]));
  for (const addition of additions) {
    const existing = byCode.get(addition.code);
    if (existing) existing.aliases.push(...addition.aliases);
    else byCode.set(addition.code, toEntry(addition));
  }
  return [...byCode.values()];
}

/**
 * The names a State's additions give, each with the entry it names (`merged`), in code order: an addition to a
 * shipped entry gives its aliases, a new entry its code, name and aliases (reference_addition_names() in SQL).
 */
function addedNames<T extends Entry & { addedByState: boolean }>(merged: T[], additions: { code: string; aliases: string[] }[]): { entry: T; names: string[] }[] {
  const byCode = new Map(merged.map((entry) => [entry.code, entry]));
  return additions.flatMap((a) => {
    const entry = byCode.get(a.code);
    if (!entry) return [];
    return [{ entry, names: entry.addedByState ? [entry.code, entry.name, ...a.aliases] : a.aliases }];
  });
}

function filter<T extends Entry & { formerNames?: string[] }>(entries: T[], q: string | undefined): T[] {
  if (!q) return entries;
  const key = referenceKey(q);
  // Text without a letter or digit of the key's alphabet matches no name (not every one).
  if (!key) return [];
  return entries.filter((e) => [e.code, e.name, ...e.aliases, ...(e.formerNames ?? [])].some((text) => referenceKey(text).includes(key)));
}

export interface Match {
  code: string;
  name: string;
  /** What the text matched: the name, an alias, a former name. */
  via: string;
}

/** In-memory index from every name, alias and former name (by referenceKey) to its entry. */
export class ReferenceMatcher {
  private readonly types = new Map<string, { code: string; category: string; name: string }>();
  private readonly calibres = new Map<string, Match>();
  private readonly manufacturers = new Map<string, Match & { country: string | null }>();

  /**
   * `added`: the names a State's additions give (addedNames), indexed after every other so that a name both
   * shipped and added is the addition's, as the import reads it; among names of one kind, the last entry
   * (by code) wins.
   */
  constructor(
    types: (Entry & { category: string })[],
    calibres: CalibreDto[],
    manufacturers: ManufacturerDto[],
    added: { calibres: { entry: CalibreDto; names: string[] }[]; manufacturers: { entry: ManufacturerDto; names: string[] }[] } = { calibres: [], manufacturers: [] },
  ) {
    // A name without a letter or digit the key spells (北方工业, say) has an empty key: it matches nothing.
    const keyed = <T>(index: Map<string, T>, text: string, value: T) => {
      const key = referenceKey(text);
      if (key) index.set(key, value);
    };
    for (const t of types) for (const text of [t.code, t.name, ...t.aliases]) keyed(this.types, text, t);
    const calibre = (c: CalibreDto, texts: string[]) => texts.forEach((text) => keyed(this.calibres, text, { code: c.code, name: c.name, via: text }));
    const manufacturer = (m: ManufacturerDto, texts: string[]) =>
      texts.forEach((text) => keyed(this.manufacturers, text, { code: m.code, name: m.name, via: text, country: m.country }));
    for (const c of calibres) calibre(c, [c.code, c.name, ...c.aliases]);
    for (const { entry, names } of added.calibres) calibre(entry, names);
    for (const m of manufacturers) manufacturer(m, [m.code, m.name, ...m.aliases, ...m.formerNames]);
    for (const { entry, names } of added.manufacturers) manufacturer(entry, names);
  }

  /** The weapon type must be one of the ITI para 4 list (or its "other" entries). */
  weaponType(text: string, field = 'type'): { code: string; category: string; name: string } {
    const type = this.types.get(referenceKey(text));
    if (!type) {
      throw new AppError(400, 'UNKNOWN_WEAPON_TYPE', `Unknown weapon type "${text}": see GET /api/v1/reference/weapon-types`, [
        { field, messages: [`${field} must be a code, name or alias from GET /reference/weapon-types`] },
      ]);
    }
    return type;
  }

  calibre(text: string): Match | null {
    return this.calibres.get(referenceKey(text)) ?? null;
  }

  manufacturer(text: string): (Match & { country: string | null }) | null {
    return this.manufacturers.get(referenceKey(text)) ?? null;
  }
}
