/** Injection token of the access-token HMAC key (JWT_SECRET, or the key generated into DATA_DIR). */
export const JWT_SECRET = Symbol('JWT_SECRET');
