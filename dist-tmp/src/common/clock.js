"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.Clock = void 0;
exports.latestDateAt = latestDateAt;
const common_1 = require("@nestjs/common");
/** The date it is at `now` where the day is furthest ahead (UTC+14), YYYY-MM-DD. */
function latestDateAt(now) {
    return new Date(now.getTime() + 14 * 3600_000).toISOString().slice(0, 10);
}
/** The one source of "now", so that expiry and lockout can be tested with a controlled clock. */
let Clock = class Clock {
    now() {
        return new Date();
    }
    /** Today's date, YYYY-MM-DD, in UTC: the service's dates are UTC dates. */
    today() {
        return this.now().toISOString().slice(0, 10);
    }
    /**
     * The latest date that is today somewhere (UTC+14), YYYY-MM-DD: a date after it is in the future
     * everywhere. A seizure recorded at 07:00 in Manila is dated a day the UTC date has not reached yet.
     */
    latestToday() {
        return latestDateAt(this.now());
    }
    nowSeconds() {
        return Math.floor(this.now().getTime() / 1000);
    }
};
exports.Clock = Clock;
exports.Clock = Clock = __decorate([
    (0, common_1.Injectable)()
], Clock);
//# sourceMappingURL=clock.js.map