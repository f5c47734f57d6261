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
  constructor(retainUntil: string) {
    super('RETENTION_ACTIVE', `The record must be kept until ${retainUntil} (ITI 12)`, { retainUntil });
  }
}
