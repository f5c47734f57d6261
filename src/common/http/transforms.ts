/** class-transformer `@Transform` functions shared by the DTOs. */

/** Surrounding spaces removed from strings; anything else left for validation to judge. */
export const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** Trimmed and upper-cased, for codes such as ISO 3166 alpha-3. */
export const upper = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value);

/** A string lower-cased, for an identifier compared as text (UUIDs are written in lower case). */
export const lower = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.toLowerCase() : value);

/** Each string of a list lower-cased, for identifiers compared as text (UUIDs are written in lower case). */
export const lowerEach = ({ value }: { value: unknown }) => (Array.isArray(value) ? value.map((item: unknown) => (typeof item === 'string' ? item.toLowerCase() : item)) : value);
