"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ORIGIN_EVENTS = exports.EVENT_TYPES = exports.COMPONENTS = exports.MARKING_KINDS = exports.WEAPON_STATUSES = exports.EARLIEST_YEAR = exports.WEAPON_CATEGORIES = void 0;
/** Names from DESIGN.md §3, shared by entities, DTOs and rules. */
exports.WEAPON_CATEGORIES = ['small_arm', 'light_weapon'];
/** The earliest year of a record's dates: of manufacture, of its events, of a marking. */
exports.EARLIEST_YEAR = 1800;
exports.WEAPON_STATUSES = [
    'in_service', 'government_stock', 'civilian_held', 'exported', 'lost', 'stolen', 'seized', 'found', 'deactivated', 'destroyed',
];
exports.MARKING_KINDS = ['manufacture', 'import', 'state_to_civilian', 'government', 'seizure', 'deactivation', 'proof', 'other'];
exports.COMPONENTS = ['frame', 'receiver', 'slide', 'barrel', 'bolt', 'cylinder', 'other'];
exports.EVENT_TYPES = [
    'manufactured', 'imported', 'exported', 'transferred', 'transferred_to_civilian', 'acquired_by_government', 'lost', 'stolen',
    'seized', 'found', 'marked', 'deactivated', 'destroyed', 'custody_transferred', 'corrected',
];
/** How a weapon enters the registry: the first event of its history. */
exports.ORIGIN_EVENTS = ['manufactured', 'imported', 'acquired_by_government', 'seized', 'found'];
//# sourceMappingURL=registry.constants.js.map