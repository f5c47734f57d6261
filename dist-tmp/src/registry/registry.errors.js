"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CustodianClosedError = exports.RetentionActiveError = exports.EventNotAllowedError = exports.MarkingRuleBreachError = exports.WeaponNotFoundError = void 0;
const app_error_1 = require("../common/errors/app-error");
class WeaponNotFoundError extends app_error_1.NotFoundError {
    constructor() {
        super('Weapon', 'WEAPON_NOT_FOUND');
    }
}
exports.WeaponNotFoundError = WeaponNotFoundError;
/** A change that breaches an ITI marking rule the State refuses: 422 with the rule's code. */
class MarkingRuleBreachError extends app_error_1.AppError {
    constructor(rules) {
        super(422, rules[0].code, rules.map((r) => r.message).join('; '), rules.map((r) => ({ code: r.code, paragraph: r.paragraph, message: r.message })));
    }
}
exports.MarkingRuleBreachError = MarkingRuleBreachError;
class EventNotAllowedError extends app_error_1.ConflictError {
    constructor(reason) {
        super('EVENT_NOT_ALLOWED', reason.charAt(0).toUpperCase() + reason.slice(1));
    }
}
exports.EventNotAllowedError = EventNotAllowedError;
class RetentionActiveError extends app_error_1.ConflictError {
    /** `purgeEnabled` false: the node purges nothing, even past that date (RETENTION_PURGE_ENABLED), and the message says so. */
    constructor(retainUntil, purgeEnabled) {
        const disabled = purgeEnabled ? '' : '; purging is also disabled on this node (RETENTION_PURGE_ENABLED), so it stays after that date too';
        super('RETENTION_ACTIVE', `The record must be kept until ${retainUntil} (ITI 12)${disabled}`, { retainUntil, purgeEnabled });
    }
}
exports.RetentionActiveError = RetentionActiveError;
/** ITI 13: a record names a company whose records passed to the State when it closed. */
class CustodianClosedError extends app_error_1.ConflictError {
    constructor(closed) {
        super('CUSTODIAN_CLOSED', `${closed.name} closed on ${closed.closedOn}: its records are kept by ${closed.recordsCustodian} (ITI 13)`, {
            field: 'custodian',
            custodian: closed.name,
            closedOn: closed.closedOn,
            recordsCustodian: closed.recordsCustodian,
        });
    }
}
exports.CustodianClosedError = CustodianClosedError;
//# sourceMappingURL=registry.errors.js.map