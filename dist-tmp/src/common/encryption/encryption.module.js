"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.EncryptionModule = void 0;
const common_1 = require("@nestjs/common");
const app_config_1 = require("../../config/app-config");
const data_keys_repository_1 = require("./data-keys.repository");
const envelope_1 = require("./envelope");
const key_provider_1 = require("./key-provider");
const key_rotation_1 = require("./key-rotation");
const record_cipher_1 = require("./record-cipher");
/** Envelope encryption of confidential fields, for every module that keeps some. */
let EncryptionModule = class EncryptionModule {
};
exports.EncryptionModule = EncryptionModule;
exports.EncryptionModule = EncryptionModule = __decorate([
    (0, common_1.Global)(),
    (0, common_1.Module)({
        providers: [
            {
                provide: envelope_1.Envelope,
                inject: [app_config_1.AppConfig],
                useFactory: (config) => new envelope_1.Envelope((0, key_provider_1.loadKeyProvider)(config, (message) => new common_1.Logger('Encryption').warn(message)).provider, config.ENCRYPTION_AT_REST),
            },
            record_cipher_1.RecordSealing,
            data_keys_repository_1.DataKeysRepository,
            key_rotation_1.KeyRotation,
        ],
        exports: [envelope_1.Envelope, record_cipher_1.RecordSealing, key_rotation_1.KeyRotation],
    })
], EncryptionModule);
//# sourceMappingURL=encryption.module.js.map