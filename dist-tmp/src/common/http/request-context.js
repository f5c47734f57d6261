"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.RequestContextInterceptor = void 0;
exports.clientAddress = clientAddress;
exports.currentRequestOrigin = currentRequestOrigin;
const node_async_hooks_1 = require("node:async_hooks");
const node_net_1 = require("node:net");
const common_1 = require("@nestjs/common");
const rxjs_1 = require("rxjs");
const storage = new node_async_hooks_1.AsyncLocalStorage();
/**
 * The client's address as Fastify resolved it (the socket's peer, or X-Forwarded-For as far as TRUST_PROXY
 * trusts it), if it is an IP address: a header's text is never recorded as one.
 */
function clientAddress(request) {
    return request.ip && (0, node_net_1.isIP)(request.ip) ? request.ip : null;
}
/** The origin of the request being handled; null for background work (deliveries, deadline job, CLI). */
function currentRequestOrigin() {
    return storage.getStore() ?? null;
}
/** Makes each request's origin available to everything the handler calls (registered first: outermost). */
let RequestContextInterceptor = class RequestContextInterceptor {
    intercept(context, next) {
        const request = context.switchToHttp().getRequest();
        const origin = {
            requestId: request.id ?? null,
            sourceIp: clientAddress(request),
            method: request.method,
            route: request.routeOptions?.url ?? null,
        };
        return new rxjs_1.Observable((subscriber) => storage.run(origin, () => next.handle().subscribe(subscriber)));
    }
};
exports.RequestContextInterceptor = RequestContextInterceptor;
exports.RequestContextInterceptor = RequestContextInterceptor = __decorate([
    (0, common_1.Injectable)()
], RequestContextInterceptor);
//# sourceMappingURL=request-context.js.map