"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.UUID = void 0;
exports.canonicalId = canonicalId;
/** A UUID as PostgreSQL and this service write them (lower case): checked before one is written into a statement. */
exports.UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** A UUID in either case, as a caller may write one and PostgreSQL accepts it. */
const ANY_CASE_UUID = new RegExp(exports.UUID.source, 'i');
/** `value` in the case this service writes UUIDs in (lower) if it is a UUID; any other text as it is. */
function canonicalId(value) {
    return ANY_CASE_UUID.test(value) ? value.toLowerCase() : value;
}
//# sourceMappingURL=uuid.js.map