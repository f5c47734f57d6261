"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.conflictOnUnique = conflictOnUnique;
exports.isUniqueViolation = isUniqueViolation;
const typeorm_1 = require("typeorm");
/** Turns a unique violation on the named constraint into a domain conflict; rethrows anything else. */
async function conflictOnUnique(work, constraint, conflict) {
    try {
        return await work;
    }
    catch (error) {
        if (isUniqueViolation(error, constraint))
            throw conflict();
        throw error;
    }
}
function isUniqueViolation(error, constraint) {
    if (!(error instanceof typeorm_1.QueryFailedError))
        return false;
    const driverError = error.driverError;
    return driverError.code === '23505' && (constraint === undefined || driverError.constraint === constraint);
}
//# sourceMappingURL=database-errors.js.map