/** Names from DESIGN.md §3, shared by entities, DTOs and rules. */
export const WEAPON_CATEGORIES = ['small_arm', 'light_weapon'] as const;
export type WeaponCategory = (typeof WEAPON_CATEGORIES)[number];

/** The earliest year of a record's events. */
export const EARLIEST_YEAR = 1800;

/**
 * The earliest year a weapon of the registry, or a marking on it, was made: antiques (ITI 4) kept by museums,
 * collectors or found go back to the matchlocks of the fifteenth century.
 */
export const EARLIEST_MANUFACTURE_YEAR = 1400;

/**
 * ITI 4: antique small arms and light weapons and their replicas are outside the instrument, "defined in
 * accordance with domestic law. In no case will antique small arms and light weapons include those
 * manufactured after 1899."
 */
export const LAST_ANTIQUE_YEAR = 1899;

export const WEAPON_STATUSES = [
  'in_service', 'government_stock', 'civilian_held', 'exported', 'lost', 'stolen', 'seized', 'found', 'deactivated', 'destroyed',
] as const;
export type WeaponStatus = (typeof WEAPON_STATUSES)[number];

export const MARKING_KINDS = ['manufacture', 'import', 'state_to_civilian', 'government', 'seizure', 'deactivation', 'proof', 'other'] as const;
export type MarkingKind = (typeof MARKING_KINDS)[number];

export const COMPONENTS = ['frame', 'receiver', 'slide', 'barrel', 'bolt', 'cylinder', 'other'] as const;
export type Component = (typeof COMPONENTS)[number];

export const EVENT_TYPES = [
  'manufactured', 'imported', 'imported_temporarily', 'exported', 'transferred', 'transferred_to_civilian', 'acquired_by_government', 'lost', 'stolen',
  'seized', 'found', 'marked', 'deactivated', 'destroyed', 'custody_transferred', 'corrected',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** How a weapon enters the registry: the first event of its history. */
export const ORIGIN_EVENTS = ['manufactured', 'imported', 'imported_temporarily', 'acquired_by_government', 'seized', 'found'] as const;

/**
 * Arrivals from another State: a weapon imported, or imported temporarily for a verifiable lawful purpose (a
 * hunt, a competition, an exhibition, a repair, trials), which ITI 8(b) exempts from the import marking.
 */
export const IMPORT_EVENTS: readonly EventType[] = ['imported', 'imported_temporarily'];
export type OriginEvent = (typeof ORIGIN_EVENTS)[number];
