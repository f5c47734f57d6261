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
exports.ReferenceMatcher = exports.ReferenceService = void 0;
const common_1 = require("@nestjs/common");
const app_error_1 = require("../common/errors/app-error");
const pagination_1 = require("../common/http/pagination");
const states_service_1 = require("../states/states.service");
const reference_key_1 = require("./reference-key");
const reference_repository_1 = require("./reference.repository");
/** Reference lists and the matching of free text (a calibre or a maker as written) to their codes. */
let ReferenceService = class ReferenceService {
    constructor(reference, states) {
        this.reference = reference;
        this.states = states;
    }
    async weaponTypes(query) {
        const types = (await this.reference.weaponTypes()).map((t) => ({ code: t.code, name: t.name, category: t.category, aliases: t.aliases }));
        return (0, pagination_1.arrayPage)(filter(types, query.q), (t) => t.code, query);
    }
    async calibres(actor, query) {
        return (0, pagination_1.arrayPage)(filter(await this.allCalibres(actor.stateCode), query.q), (c) => c.code, query);
    }
    async manufacturers(actor, query) {
        return (0, pagination_1.arrayPage)(filter(await this.allManufacturers(actor.stateCode), query.q), (m) => m.code, query);
    }
    async addCalibre(actor, input) {
        await this.reference.lockAdditions(actor.stateCode, 'calibre');
        await this.assertNamesFree(actor.stateCode, input, (matcher, text) => matcher.calibre(text));
        await this.reference.insertAddition({ stateCode: actor.stateCode, kind: 'calibre', code: input.code, name: input.name, aliases: input.aliases, addedBy: actor.id });
        return (await this.allCalibres(actor.stateCode)).find((c) => c.code === input.code);
    }
    async addManufacturer(actor, input) {
        await this.states.assertKnown([['country', input.country]]);
        await this.reference.lockAdditions(actor.stateCode, 'manufacturer');
        await this.assertNamesFree(actor.stateCode, input, (matcher, text) => matcher.manufacturer(text));
        await this.reference.insertAddition({
            stateCode: actor.stateCode, kind: 'manufacturer', code: input.code, name: input.name, country: input.country, aliases: input.aliases, addedBy: actor.id,
        });
        return (await this.allManufacturers(actor.stateCode)).find((m) => m.code === input.code);
    }
    /**
     * A name that already names another entry would read two ways, the API taking the entry listed last and
     * the import the added name: refused, save a new entry's names that repeat shipped names of another
     * entry, which win over them in both (docs/import-format.md). An alias added to a shipped entry may
     * repeat none.
     */
    async assertNamesFree(stateCode, input, find) {
        const matcher = await this.matcher(stateCode);
        const shipped = await this.shippedMatcher();
        const extending = find(matcher, input.code)?.code === input.code;
        // The code is a name too (the matcher and the SQL read it as one).
        const names = [...(extending ? [] : [['code', input.code], ['name', input.name]]), ...input.aliases.map((alias, i) => [`aliases[${i}]`, alias])];
        const errors = names.flatMap(([field, text]) => {
            const match = find(matcher, text);
            if (!match || match.code === input.code || (!extending && find(shipped, text)?.code === match.code))
                return [];
            return [{ field, messages: [`"${text}" already names ${match.name} (${match.code}): add it to that entry, or choose another name`] }];
        });
        if (errors.length)
            throw new app_error_1.ValidationFailedError(errors);
    }
    /**
     * Everything a State matches against: shipped data merged with its registrars' additions. The
     * shipped part changes only with a migration, so it is read once per process; additions are read
     * on each call (one small query), and most States have none.
     */
    async matcher(stateCode) {
        if (!(await this.reference.hasAdditions(stateCode)))
            return this.shippedMatcher();
        const types = await this.reference.weaponTypes();
        const calibres = await this.allCalibres(stateCode);
        const manufacturers = await this.allManufacturers(stateCode);
        return new ReferenceMatcher(types.map((t) => ({ code: t.code, name: t.name, aliases: t.aliases, category: t.category })), calibres, manufacturers);
    }
    shippedMatcher() {
        this.shipped ??= (async () => {
            const types = await this.reference.weaponTypes();
            const calibres = await this.reference.calibres();
            const manufacturers = await this.reference.manufacturers();
            return new ReferenceMatcher(types.map((t) => ({ code: t.code, name: t.name, aliases: t.aliases, category: t.category })), calibres.map((c) => ({ code: c.code, name: c.name, aliases: c.aliases, diameterMm: null, kind: c.kind, addedByState: false })), manufacturers.map((m) => ({ code: m.code, name: m.name, country: m.country, aliases: m.aliases, formerNames: m.formerNames, addedByState: false })));
        })();
        this.shipped.catch(() => (this.shipped = undefined)); // a failed first read is retried next time
        return this.shipped;
    }
    async allCalibres(stateCode) {
        const shipped = (await this.reference.calibres()).map((c) => ({
            code: c.code, name: c.name, aliases: c.aliases, diameterMm: c.diameterMm === null ? null : Number(c.diameterMm), kind: c.kind, addedByState: false,
        }));
        return merge(shipped, await this.reference.additions(stateCode, 'calibre'), (a) => ({
            code: a.code, name: a.name, aliases: a.aliases, diameterMm: null, kind: null, addedByState: true,
        }));
    }
    async allManufacturers(stateCode) {
        const shipped = (await this.reference.manufacturers()).map((m) => ({
            code: m.code, name: m.name, country: m.country, aliases: m.aliases, formerNames: m.formerNames, addedByState: false,
        }));
        return merge(shipped, await this.reference.additions(stateCode, 'manufacturer'), (a) => ({
            code: a.code, name: a.name, country: a.country, aliases: a.aliases, formerNames: [], addedByState: true,
        }));
    }
};
exports.ReferenceService = ReferenceService;
exports.ReferenceService = ReferenceService = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [reference_repository_1.ReferenceRepository,
        states_service_1.StatesService])
], ReferenceService);
/** Additions with a shipped code add aliases to it; others are new entries. */
function merge(shipped, additions, toEntry) {
    const byCode = new Map(shipped.map((entry) => [entry.code, { ...entry, aliases: [...entry.aliases] }]));
    for (const addition of additions) {
        const existing = byCode.get(addition.code);
        if (existing)
            existing.aliases.push(...addition.aliases);
        else
            byCode.set(addition.code, toEntry(addition));
    }
    return [...byCode.values()];
}
function filter(entries, q) {
    if (!q)
        return entries;
    const key = (0, reference_key_1.referenceKey)(q);
    // Text without a letter or digit of the key's alphabet matches no name (not every one).
    if (!key)
        return [];
    return entries.filter((e) => [e.code, e.name, ...e.aliases, ...(e.formerNames ?? [])].some((text) => (0, reference_key_1.referenceKey)(text).includes(key)));
}
/** In-memory index from every name, alias and former name (by referenceKey) to its entry. */
class ReferenceMatcher {
    constructor(types, calibres, manufacturers) {
        this.types = new Map();
        this.calibres = new Map();
        this.manufacturers = new Map();
        // A name without a letter or digit the key spells (北方工业, say) has an empty key: it matches nothing.
        const keyed = (index, text, value) => {
            const key = (0, reference_key_1.referenceKey)(text);
            if (key)
                index.set(key, value);
        };
        for (const t of types)
            for (const text of [t.code, t.name, ...t.aliases])
                keyed(this.types, text, t);
        for (const c of calibres)
            for (const text of [c.code, c.name, ...c.aliases])
                keyed(this.calibres, text, { code: c.code, name: c.name, via: text });
        for (const m of manufacturers) {
            for (const text of [m.code, m.name, ...m.aliases, ...m.formerNames])
                keyed(this.manufacturers, text, { code: m.code, name: m.name, via: text, country: m.country });
        }
    }
    /** The weapon type must be one of the ITI para 4 list (or its "other" entries). */
    weaponType(text, field = 'type') {
        const type = this.types.get((0, reference_key_1.referenceKey)(text));
        if (!type) {
            throw new app_error_1.AppError(400, 'UNKNOWN_WEAPON_TYPE', `Unknown weapon type "${text}": see GET /api/v1/reference/weapon-types`, [
                { field, messages: [`${field} must be a code, name or alias from GET /reference/weapon-types`] },
            ]);
        }
        return type;
    }
    calibre(text) {
        return this.calibres.get((0, reference_key_1.referenceKey)(text)) ?? null;
    }
    manufacturer(text) {
        return this.manufacturers.get((0, reference_key_1.referenceKey)(text)) ?? null;
    }
}
exports.ReferenceMatcher = ReferenceMatcher;
//# sourceMappingURL=reference.service.js.map