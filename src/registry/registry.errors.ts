import { AppError, ConflictError, NotFoundError } from '../common/errors/app-error';
import { MarkingRule } from './marking-rules';

export class WeaponNotFoundError extends NotFoundError {
  constructor() {
    super('Weapon', 'WEAPON_NOT_FOUND');
  }
}

/** A change that breaches an ITI marking rule the State refuses: 422 with the rule's code. */
export class MarkingRuleBreachError extends AppError {
  constructor(rules: MarkingRule[]) {
    super(
      422,
      rules[0].code,
      rules.map((r) => r.message).join('; '),
      rules.map((r) => ({ code: r.code, paragraph: r.paragraph, message: r.message })),
    );
  }
}

export class EventNotAllowedError extends ConflictError {
  constructor(reason: string) {
    super('EVENT_NOT_ALLOWED', reason.charAt(0).toUpperCase() + reason.slice(1));
  }
}

export class RetentionActiveError extends ConflictError {
  /** `purgeEnabled` false: the node purges nothing, even past that date (RETENTION_PURGE_ENABLED), and the message says so. */
  constructor(retainUntil: string, purgeEnabled: boolean) {
    const disabled = purgeEnabled ? '' : '; purging is also disabled on this node (RETENTION_PURGE_ENABLED), so it stays after that date too';
    super('RETENTION_ACTIVE', `The record must be kept until ${retainUntil} (ITI 12)${disabled}`, { retainUntil, purgeEnabled });
  }
}

/** ITI 13: a record names a company whose records passed to the State when it closed. */
export class CustodianClosedError extends ConflictError {
  constructor(closed: { name: string; closedOn: string; recordsCustodian: string }) {
    super('CUSTODIAN_CLOSED', `${closed.name} closed on ${closed.closedOn}: its records are kept by ${closed.recordsCustodian} (ITI 13)`, {
      field: 'custodian',
      custodian: closed.name,
      closedOn: closed.closedOn,
      recordsCustodian: closed.recordsCustodian,
    });
  }
}
