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
Object.defineProperty(exports, "__esModule", { value: true });
exports.HealthController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const terminus_1 = require("@nestjs/terminus");
const typeorm_1 = require("typeorm");
const decorators_1 = require("../common/auth/decorators");
let HealthController = class HealthController {
    constructor(health, database, indicators, dataSource) {
        this.health = health;
        this.database = database;
        this.indicators = indicators;
        this.dataSource = dataSource;
    }
    /** The process is up. */
    live() {
        return { status: 'ok' };
    }
    /** Ready for traffic: the database answers and every migration is applied. */
    ready() {
        return this.health.check([
            () => this.database.pingCheck('database', { timeout: 2000 }),
            async () => {
                const indicator = this.indicators.check('migrations');
                try {
                    const pending = await this.dataSource.showMigrations();
                    return pending ? indicator.down({ pending: true }) : indicator.up();
                }
                catch {
                    return indicator.down({ reason: 'the migrations table could not be read' });
                }
            },
        ]);
    }
};
exports.HealthController = HealthController;
__decorate([
    (0, common_1.Get)('live'),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", []),
    __metadata("design:returntype", Object)
], HealthController.prototype, "live", null);
__decorate([
    (0, common_1.Get)('ready'),
    (0, terminus_1.HealthCheck)(),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", []),
    __metadata("design:returntype", void 0)
], HealthController.prototype, "ready", null);
exports.HealthController = HealthController = __decorate([
    (0, swagger_1.ApiTags)('health'),
    (0, decorators_1.Public)(),
    (0, common_1.Controller)('health'),
    __metadata("design:paramtypes", [terminus_1.HealthCheckService,
        terminus_1.TypeOrmHealthIndicator,
        terminus_1.HealthIndicatorService,
        typeorm_1.DataSource])
], HealthController);
//# sourceMappingURL=health.controller.js.map