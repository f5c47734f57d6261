"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Optional = void 0;
const class_validator_1 = require("class-validator");
/**
 * The field may be left out, but when it is sent it must be valid — `null` included. Use it for
 * columns that cannot be empty; `@IsOptional()` (which also lets `null` through) is for fields where
 * `null` means "clear it".
 */
const Optional = () => (0, class_validator_1.ValidateIf)((_object, value) => value !== undefined);
exports.Optional = Optional;
//# sourceMappingURL=optional.js.map