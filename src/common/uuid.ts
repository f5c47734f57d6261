/** A UUID as PostgreSQL and this service write them (lower case): checked before one is written into a statement. */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
