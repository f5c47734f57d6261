"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
var RequestScopeInterceptor_1;
Object.defineProperty(exports, "__esModule", { value: true });
exports.RequestScopeInterceptor = void 0;
const common_1 = require("@nestjs/common");
const core_1 = require("@nestjs/core");
const rxjs_1 = require("rxjs");
const audit_trail_1 = require("../audit/audit-trail");
const decorators_1 = require("../common/auth/decorators");
const app_error_1 = require("../common/errors/app-error");
const after_commit_1 = require("../common/http/after-commit");
const auth_service_1 = require("./auth.service");
/**
 * Runs each authenticated request in one transaction scoped to the State in the caller's token
 * (set_config(..., true), never from the request), and checks, inside it and before anything else:
 * the session behind the token, MFA enrolment where required, and the roles named by @Roles().
 * Public routes run unscoped and open their own transactions where they need one.
 *
 * It also keeps the audit trail of requests: every change (any method but GET) and every read marked
 * @Audited() is recorded in the request's transaction when it succeeds, and in one of its own when it
 * fails (the request's rolls back); a refused authorisation (403) is recorded on any route, and so is a
 * refusal a service marked with auditedRefusal() (a read of a case file by someone who may not read it).
 */
let RequestScopeInterceptor = RequestScopeInterceptor_1 = class RequestScopeInterceptor {
    constructor(auth, reflector, trail) {
        this.auth = auth;
        this.reflector = reflector;
        this.trail = trail;
        this.logger = new common_1.Logger(RequestScopeInterceptor_1.name);
    }
    intercept(context, next) {
        const request = context.switchToHttp().getRequest();
        const identity = request.user;
        if (!identity || !('claims' in identity))
            return next.handle();
        const action = this.auditedAction(context, request);
        let caller = null;
        return (0, rxjs_1.from)(this.auth
            .withAccess(identity.claims, async (user) => {
            caller = user;
            this.authorise(context, user);
            request.user = user;
            const result = await (0, rxjs_1.lastValueFrom)(next.handle(), { defaultValue: undefined });
            if (action)
                this.trail.record(user, { ...action, targetId: action.targetId ?? idOf(result) });
            return result;
        })
            .catch(async (error) => {
            const status = error instanceof app_error_1.AppError ? error.status : 500;
            const refusal = (0, audit_trail_1.refusalOf)(error);
            if (caller && (refusal || status === 403 || action)) {
                const code = error instanceof app_error_1.AppError ? error.code : 'INTERNAL_ERROR';
                const entry = refusal ?? { ...(action ?? routeAction(request)), outcome: status === 403 ? 'denied' : 'failure', details: { status, code } };
                // The caller gets the refusal even if it could not be recorded; the log says so.
                await this.trail
                    .recordSeparately(caller, entry)
                    .catch((auditError) => this.logger.error(`the audit event of a refused request could not be written: ${String(auditError)}`));
            }
            throw error;
        })
            // Work the handler left for after the commit (AfterCommit) runs outside the transaction.
            .then((result) => (result instanceof after_commit_1.AfterCommit ? result.run() : result)));
    }
    auditedAction(context, request) {
        const audited = this.reflector.getAllAndOverride(decorators_1.AUDITED, [context.getHandler(), context.getClass()]);
        return request.method !== 'GET' || audited ? routeAction(request) : null;
    }
    authorise(context, user) {
        const targets = [context.getHandler(), context.getClass()];
        if (!user.mfaSatisfied && !this.reflector.getAllAndOverride(decorators_1.ALLOW_PENDING_MFA, targets)) {
            throw new app_error_1.ForbiddenError('MFA_ENROLLMENT_REQUIRED', 'Enrol MFA first: POST /auth/mfa/enroll, then POST /auth/mfa/confirm');
        }
        const roles = this.reflector.getAllAndOverride(decorators_1.Roles, targets);
        if (roles && !roles.some((role) => user.roles.includes(role))) {
            throw new app_error_1.ForbiddenError('ROLE_REQUIRED', `This needs one of the roles: ${roles.join(', ')}`);
        }
    }
};
exports.RequestScopeInterceptor = RequestScopeInterceptor;
exports.RequestScopeInterceptor = RequestScopeInterceptor = RequestScopeInterceptor_1 = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [auth_service_1.AuthService,
        core_1.Reflector,
        audit_trail_1.AuditTrail])
], RequestScopeInterceptor);
/** "POST /traces/:id/send" on target traces/<id>: the route as declared, without the API prefix. */
function routeAction(request) {
    const route = (request.routeOptions?.url ?? '').replace(/^\/api\/v\d+/, '');
    return { action: `${request.method} ${route}`, targetType: route.split('/')[1] || null, targetId: request.params?.id ?? null };
}
function idOf(result) {
    const id = result?.id;
    return typeof id === 'string' ? id : null;
}
//# sourceMappingURL=request-scope.interceptor.js.map