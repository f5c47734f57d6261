"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.AfterCommit = void 0;
/**
 * A result to compute once the request's transaction has committed and its connection is back in the
 * pool: for slow work that needs no database, such as rendering a PDF (RequestScopeInterceptor runs it).
 */
class AfterCommit {
    constructor(run) {
        this.run = run;
    }
}
exports.AfterCommit = AfterCommit;
//# sourceMappingURL=after-commit.js.map