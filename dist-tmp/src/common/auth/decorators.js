"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.AUDITED = exports.Audited = exports.CurrentUser = exports.ALLOW_PENDING_MFA = exports.AllowPendingMfa = exports.Roles = exports.IS_PUBLIC = exports.Public = void 0;
const common_1 = require("@nestjs/common");
const core_1 = require("@nestjs/core");
/** Opens a route to callers without a token. Everything else requires one (deny by default). */
const Public = () => (0, common_1.SetMetadata)(exports.IS_PUBLIC, true);
exports.Public = Public;
exports.IS_PUBLIC = 'iti:public';
/** Restricts a route to users holding at least one of the roles. */
exports.Roles = core_1.Reflector.createDecorator();
/** Lets a session that still owes MFA enrolment reach the route (enrolment itself, me, logout). */
const AllowPendingMfa = () => (0, common_1.SetMetadata)(exports.ALLOW_PENDING_MFA, true);
exports.AllowPendingMfa = AllowPendingMfa;
exports.ALLOW_PENDING_MFA = 'iti:allow-pending-mfa';
exports.CurrentUser = (0, common_1.createParamDecorator)((_, context) => {
    return context.switchToHttp().getRequest().user;
});
/**
 * Records a read route in the audit trail (exports: PDFs, CSV, JSON for other systems). Every
 * authenticated route that changes something is recorded without it.
 */
const Audited = () => (0, common_1.SetMetadata)(exports.AUDITED, true);
exports.Audited = Audited;
exports.AUDITED = 'iti:audited';
//# sourceMappingURL=decorators.js.map