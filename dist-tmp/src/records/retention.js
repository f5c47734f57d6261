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
var __param = (this && this.__param) || function (paramIndex, decorator) {
    return function (target, key) { decorator(target, key, paramIndex); }
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.RetentionPolicy = void 0;
const common_1 = require("@nestjs/common");
const app_config_1 = require("../config/app-config");
/** ITI 12: how long each record is kept, from per-node settings (defaults 30 and 20 years). */
let RetentionPolicy = class RetentionPolicy {
    constructor(config) {
        this.config = config;
    }
    classOf(event) {
        return event === 'manufactured' ? 'manufacture' : 'other';
    }
    /** The earliest purge date of a record of `event` that happened on `occurredOn` (YYYY-MM-DD). */
    retainUntil(event, occurredOn) {
        const years = this.classOf(event) === 'manufacture' ? this.config.RETENTION_MANUFACTURE_YEARS : this.config.RETENTION_OTHER_YEARS;
        const [y, m, d] = occurredOn.split('-').map(Number);
        const date = new Date(Date.UTC(y + years, m - 1, d));
        if (date.getUTCMonth() !== m - 1)
            date.setUTCDate(0); // 29 February + n years → 28 February
        return date.toISOString().slice(0, 10);
    }
    get purgeEnabled() {
        return this.config.RETENTION_PURGE_ENABLED;
    }
};
exports.RetentionPolicy = RetentionPolicy;
exports.RetentionPolicy = RetentionPolicy = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, common_1.Inject)(app_config_1.AppConfig)),
    __metadata("design:paramtypes", [app_config_1.AppConfig])
], RetentionPolicy);
//# sourceMappingURL=retention.js.map