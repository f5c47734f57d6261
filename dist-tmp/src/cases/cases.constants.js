"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CASE_MEMBER_ROLES = exports.CASE_FIELDS = void 0;
/** The confidential fields of a case file: each sealed in its own column, each disclosable on its own. */
exports.CASE_FIELDS = ['reference', 'offence', 'narrative', 'persons', 'placeOfRecovery', 'investigatingAgency'];
/** The roles that may be members of a case: those who investigate or trace. Auditors see only that it exists. */
exports.CASE_MEMBER_ROLES = ['officer', 'npc'];
//# sourceMappingURL=cases.constants.js.map