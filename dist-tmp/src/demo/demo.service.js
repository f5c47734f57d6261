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
exports.DemoService = exports.DEMO_PASSWORD = void 0;
exports.formatDemoAccounts = formatDemoAccounts;
const common_1 = require("@nestjs/common");
const auth_user_1 = require("../common/auth/auth-user");
const clock_1 = require("../common/clock");
const db_1 = require("../database/db");
const states_service_1 = require("../states/states.service");
const users_repository_1 = require("../users/users.repository");
const users_service_1 = require("../users/users.service");
/** Shared by every demo account; printed at seeding. Demo accounts never require MFA. */
exports.DEMO_PASSWORD = 'iti-demo-password';
const DEMO_STATES = [
    {
        code: 'FRA',
        contactPoints: [
            { name: 'Point de contact national ITI', agency: 'Office central de lutte contre le crime organisé', email: 'iti-npc@example.fr', phone: '+33 1 00 00 00 01', languages: ['fr', 'en'] },
            { name: 'Service central des armes', agency: 'Ministère de l’Intérieur', email: 'sca@example.fr', phone: '+33 1 00 00 00 02', languages: ['fr'] },
        ],
    },
    {
        code: 'BRA',
        contactPoints: [
            { name: 'Ponto de contato nacional', agency: 'Polícia Federal — SINARM', email: 'iti-npc@example.br', phone: '+55 61 0000 0001', languages: ['pt', 'es', 'en'] },
        ],
    },
    {
        code: 'KEN',
        contactPoints: [
            { name: 'National Focal Point on SALW', agency: 'Kenya National Focal Point on Small Arms and Light Weapons', email: 'iti-npc@example.ke', phone: '+254 20 000 0001', languages: ['en', 'sw'] },
        ],
    },
];
/** Three hosted States with one user per role and their contact points. Safe to run twice. */
let DemoService = class DemoService {
    constructor(db, states, users, usersRepository, clock) {
        this.db = db;
        this.states = states;
        this.users = users;
        this.usersRepository = usersRepository;
        this.clock = clock;
    }
    async seed() {
        const accounts = [];
        for (const demo of DEMO_STATES) {
            const state = await this.db.withoutState(() => this.states.host(demo.code, this.clock.now()));
            await this.db.inState(demo.code, async () => {
                for (const role of auth_user_1.ROLES) {
                    const username = `${demo.code.toLowerCase()}.${role}`;
                    accounts.push({ username, stateCode: demo.code, role });
                    if ((await this.db.withoutState(() => this.usersRepository.findStateOfUsername(username))) !== null)
                        continue;
                    await this.users.createInState({
                        stateCode: demo.code,
                        username,
                        displayName: `Demo ${role} (${state.name})`,
                        password: exports.DEMO_PASSWORD,
                        roles: [role],
                        mfaExempt: true,
                    });
                }
                if ((await this.states.countContactPoints(demo.code)) === 0) {
                    for (const contactPoint of demo.contactPoints) {
                        await this.states.createContactPoint(demo.code, { ...contactPoint, verifiedAt: this.clock.now().toISOString() });
                    }
                }
            });
        }
        return accounts;
    }
    /** A node with no hosted State has never been set up: the first start seeds the demo there. */
    async isNodeEmpty() {
        const hosted = await this.db.withoutState(() => this.states.list({ hosted: true }, { limit: 1 }));
        return hosted.items.length === 0;
    }
};
exports.DemoService = DemoService;
exports.DemoService = DemoService = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [db_1.Db,
        states_service_1.StatesService,
        users_service_1.UsersService,
        users_repository_1.UsersRepository,
        clock_1.Clock])
], DemoService);
function formatDemoAccounts(accounts) {
    const lines = accounts.map((a) => `  ${a.username.padEnd(16)} ${a.stateCode}  ${a.role}`);
    return [`Demo accounts (password for all: ${exports.DEMO_PASSWORD}; MFA off for demo accounts only):`, ...lines].join('\n');
}
//# sourceMappingURL=demo.service.js.map