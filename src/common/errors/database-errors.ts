import { QueryFailedError } from 'typeorm';
import { ConflictError } from './app-error';

/** Turns a unique violation on the named constraint into a domain conflict; rethrows anything else. */
export async function conflictOnUnique<T>(work: Promise<T>, constraint: string, conflict: () => ConflictError): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (isUniqueViolation(error, constraint)) throw conflict();
    throw error;
  }
}

/** A trigger's refusal (restrict_violation), such as the append-only history's. */
export function isRestrictViolation(error: unknown): boolean {
  return error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23001';
}

export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { code?: string; constraint?: string };
  return driverError.code === '23505' && (constraint === undefined || driverError.constraint === constraint);
}
