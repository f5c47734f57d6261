"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var CoreModule_1;
Object.defineProperty(exports, "__esModule", { value: true });
exports.CoreModule = void 0;
const common_1 = require("@nestjs/common");
const jwt_secret_1 = require("./auth/jwt-secret");
const clock_1 = require("./common/clock");
const app_config_1 = require("./config/app-config");
const db_1 = require("./database/db");
/** What every module may inject: the validated configuration, the clock and the unit of work. */
let CoreModule = CoreModule_1 = class CoreModule {
    static forRoot(config, jwtSecret, clock = new clock_1.Clock()) {
        return {
            module: CoreModule_1,
            providers: [{ provide: app_config_1.AppConfig, useValue: config }, { provide: jwt_secret_1.JWT_SECRET, useValue: jwtSecret }, { provide: clock_1.Clock, useValue: clock }, db_1.Db],
            exports: [app_config_1.AppConfig, jwt_secret_1.JWT_SECRET, clock_1.Clock, db_1.Db],
        };
    }
};
exports.CoreModule = CoreModule;
exports.CoreModule = CoreModule = CoreModule_1 = __decorate([
    (0, common_1.Global)(),
    (0, common_1.Module)({})
], CoreModule);
//# sourceMappingURL=core.module.js.map