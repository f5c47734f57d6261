"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.JWT_SECRET = void 0;
/** Injection token of the access-token HMAC key (JWT_SECRET, or the key generated into DATA_DIR). */
exports.JWT_SECRET = Symbol('JWT_SECRET');
//# sourceMappingURL=jwt-secret.js.map