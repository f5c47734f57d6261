/** class-transformer `@Transform` functions shared by the DTOs. */

/** Surrounding spaces removed from strings; anything else left for validation to judge. */
export const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** Trimmed and upper-cased, for codes such as ISO 3166 alpha-3. */
export const upper = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value);
