"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.IfMatchVersion = void 0;
exports.setVersionTag = setVersionTag;
const common_1 = require("@nestjs/common");
const app_error_1 = require("../errors/app-error");
/**
 * The version a client read, from `If-Match: "<version>"` (the ETag it was given). Missing: 428, so
 * that no transition is ever taken on a copy the client has not read. A weak tag (W/"3") never matches:
 * If-Match compares strongly (RFC 9110 §13.1.1), and this service gives strong tags only.
 */
exports.IfMatchVersion = (0, common_1.createParamDecorator)((_, context) => {
    const header = context.switchToHttp().getRequest().headers['if-match'];
    if (!header)
        throw new app_error_1.AppError(428, 'PRECONDITION_REQUIRED', 'Send If-Match with the ETag of the version you read');
    const value = header.trim();
    if (/^W\/"\d{1,9}"$/.test(value)) {
        throw new app_error_1.AppError(412, 'VERSION_MISMATCH', 'A weak ETag never matches If-Match: send the ETag you read as it was given, e.g. "3"');
    }
    const match = /^"(\d{1,9})"$/.exec(value);
    if (!match)
        throw new app_error_1.AppError(400, 'IF_MATCH_INVALID', 'If-Match must be the ETag you read, e.g. "3"');
    return Number(match[1]);
});
function setVersionTag(reply, version) {
    void reply.header('ETag', `"${version}"`);
}
//# sourceMappingURL=etag.js.map