"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CLOSE_REASONS = exports.REASON_CODES = exports.OUTCOMES = exports.HANDLING_CODES = exports.CLASSIFICATIONS = exports.PRIORITIES = exports.CHANNELS = exports.ILLICIT_BASES = exports.TRACE_DIRECTIONS = exports.EXCHANGED_STATUSES = exports.TRACE_STATUSES = void 0;
/** Trace states (DESIGN.md §3). */
exports.TRACE_STATUSES = ['draft', 'submitted', 'returned', 'sent', 'acknowledged', 'information_requested', 'answered', 'closed'];
/** A request another State holds, not closed: the registry record it was made from is kept meanwhile. */
exports.EXCHANGED_STATUSES = ['sent', 'acknowledged', 'information_requested', 'answered'];
/** Each State keeps its own copy: the requester's outgoing one, the requested State's incoming one. */
exports.TRACE_DIRECTIONS = ['outgoing', 'incoming'];
/** ITI para 6: what makes a weapon illicit. */
exports.ILLICIT_BASES = [
    'illicit_under_national_law',
    'transferred_against_embargo',
    'not_marked_per_iti',
    'manufactured_without_licence',
    'transferred_without_licence',
];
exports.CHANNELS = ['direct', 'interpol', 'diplomatic'];
exports.PRIORITIES = ['routine', 'urgent'];
/** How a request or an answer may be handled by whoever receives it. */
exports.CLASSIFICATIONS = ['unclassified', 'restricted', 'confidential'];
exports.HANDLING_CODES = [
    'law_enforcement_only',
    'no_onward_disclosure',
    'not_for_use_in_court_without_consent',
    'no_publication',
    'destroy_after_use',
];
exports.OUTCOMES = ['full', 'partial', 'delayed', 'refused'];
/** The grounds on which ITI para 22 lets a requested State delay, restrict or refuse an answer, plus "no record". */
exports.REASON_CODES = [
    'ongoing_criminal_investigation',
    'national_law',
    'confidentiality_not_guaranteed',
    'national_security',
    'no_record',
    'other',
];
exports.CLOSE_REASONS = ['diversion_point_identified', 'chain_broken', 'no_record', 'withdrawn'];
//# sourceMappingURL=tracing.constants.js.map