"use strict";
/** class-transformer `@Transform` functions shared by the DTOs. */
Object.defineProperty(exports, "__esModule", { value: true });
exports.lowerEach = exports.lower = exports.upper = exports.trim = void 0;
/** Surrounding spaces removed from strings; anything else left for validation to judge. */
const trim = ({ value }) => (typeof value === 'string' ? value.trim() : value);
exports.trim = trim;
/** Trimmed and upper-cased, for codes such as ISO 3166 alpha-3. */
const upper = ({ value }) => (typeof value === 'string' ? value.trim().toUpperCase() : value);
exports.upper = upper;
/** A string lower-cased, for an identifier compared as text (UUIDs are written in lower case). */
const lower = ({ value }) => (typeof value === 'string' ? value.toLowerCase() : value);
exports.lower = lower;
/** Each string of a list lower-cased, for identifiers compared as text (UUIDs are written in lower case). */
const lowerEach = ({ value }) => (Array.isArray(value) ? value.map((item) => (typeof item === 'string' ? item.toLowerCase() : item)) : value);
exports.lowerEach = lowerEach;
//# sourceMappingURL=transforms.js.map