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
exports.PageQueryDto = exports.MAX_PAGE_SIZE = exports.DEFAULT_PAGE_SIZE = void 0;
exports.keysetPage = keysetPage;
exports.mapPage = mapPage;
exports.encodeCursor = encodeCursor;
exports.decodeCursor = decodeCursor;
exports.invalidCursor = invalidCursor;
exports.arrayPage = arrayPage;
const swagger_1 = require("@nestjs/swagger");
const class_transformer_1 = require("class-transformer");
const class_validator_1 = require("class-validator");
const max_chars_1 = require("./max-chars");
const app_error_1 = require("../errors/app-error");
exports.DEFAULT_PAGE_SIZE = 50;
exports.MAX_PAGE_SIZE = 100;
/** `?limit=&cursor=` on every list. */
class PageQueryDto {
    constructor() {
        this.limit = exports.DEFAULT_PAGE_SIZE;
    }
}
exports.PageQueryDto = PageQueryDto;
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ minimum: 1, maximum: exports.MAX_PAGE_SIZE, default: exports.DEFAULT_PAGE_SIZE }),
    (0, class_validator_1.IsOptional)(),
    (0, class_transformer_1.Type)(() => Number),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(1),
    (0, class_validator_1.Max)(exports.MAX_PAGE_SIZE),
    __metadata("design:type", Number)
], PageQueryDto.prototype, "limit", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ description: 'Opaque cursor from the previous page\'s nextCursor' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, max_chars_1.MaxChars)(2000),
    __metadata("design:type", String)
], PageQueryDto.prototype, "cursor", void 0);
/**
 * Keyset pagination on a unique ordered list of columns, ascending or (`order`) descending: stable
 * under inserts, index-friendly, no OFFSET. The cursor carries the last row's key values; a timestamp key must be stored to the
 * millisecond (a JavaScript Date's precision, timestamptz(3)), or the cursor falls behind its own row.
 * Each list has an index in its key order.
 */
async function keysetPage(query, keys, page, order = 'ASC') {
    if (page.cursor) {
        const values = decodeCursor(page.cursor, keys.length);
        const params = Object.fromEntries(values.map((v, i) => [`cursor${i}`, v]));
        const after = order === 'ASC' ? '>' : '<';
        query.andWhere(`(${keys.map((k) => k.column).join(', ')}) ${after} (${values.map((_, i) => `:cursor${i}`).join(', ')})`, params);
    }
    for (const [i, key] of keys.entries()) {
        if (i === 0)
            query.orderBy(key.column, order);
        else
            query.addOrderBy(key.column, order);
    }
    const rows = await query
        .limit(page.limit + 1)
        .getMany()
        .catch((error) => {
        // A cursor decoded fine but holds values of the wrong type for its columns (22xxx: data exception).
        const code = error.driverError?.code;
        if (page.cursor && code?.startsWith('22'))
            throw invalidCursor();
        throw error;
    });
    const items = rows.slice(0, page.limit);
    const last = items[items.length - 1];
    const nextCursor = rows.length > page.limit && last ? encodeCursor(keys.map((k) => serialise(last[k.property]))) : null;
    return { items, nextCursor };
}
function mapPage(page, map) {
    return { items: page.items.map(map), nextCursor: page.nextCursor };
}
function serialise(value) {
    return value instanceof Date ? value.toISOString() : String(value);
}
/** An opaque cursor carrying the last row's key values (for lists paged by hand-written SQL). */
function encodeCursor(values) {
    return Buffer.from(JSON.stringify(values)).toString('base64url');
}
function decodeCursor(cursor, length) {
    try {
        const values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
        if (Array.isArray(values) && values.length === length && values.every((v) => typeof v === 'string'))
            return values;
    }
    catch {
        // fall through
    }
    throw invalidCursor();
}
/** The 400 for a cursor this service did not issue (or whose values do not fit their columns). */
function invalidCursor() {
    return new app_error_1.ValidationFailedError([{ field: 'cursor', messages: ['cursor is not one this service issued'] }]);
}
/** The same paging over a list already in memory (small reference lists), sorted by `key`. */
function arrayPage(items, key, page) {
    const sorted = [...items].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
    const after = page.cursor ? decodeCursor(page.cursor, 1)[0] : null;
    const rest = after === null ? sorted : sorted.filter((item) => key(item) > after);
    const pageItems = rest.slice(0, page.limit);
    const last = pageItems[pageItems.length - 1];
    return { items: pageItems, nextCursor: rest.length > page.limit && last ? encodeCursor([key(last)]) : null };
}
//# sourceMappingURL=pagination.js.map