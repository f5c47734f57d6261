"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ROLES = void 0;
exports.ROLES = ['officer', 'npc', 'registrar', 'auditor', 'admin'];
//# sourceMappingURL=auth-user.js.map