/**
 * The CSV columns of a registry import, in order (docs/import-format.md). The header must name
 * exactly these, in this order (PostgreSQL checks it: COPY ... HEADER MATCH).
 */
export const IMPORT_COLUMNS = [
  'origin',
  'occurred_on',
  'type',
  'manufacturer',
  'model',
  'calibre',
  'serial',
  'country_of_manufacture',
  'year_of_manufacture',
  'status',
  'holder',
  'custodian',
  'counterpart_state',
  'licence_ref',
  'craft_or_3d_printed',
  'marking_text',
  'marking_component',
  'import_marking_text',
  'import_marking_year',
] as const;

export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

/** Longest value each text column may hold (the registry's column sizes). */
export const IMPORT_MAX_LENGTHS: Partial<Record<ImportColumn, number>> = {
  type: 120,
  manufacturer: 200,
  model: 120,
  calibre: 120,
  serial: 64,
  holder: 200,
  custodian: 200,
  licence_ref: 120,
  marking_text: 500,
  import_marking_text: 500,
};
