import { Injectable } from '@nestjs/common';
import { ROLES } from '../common/auth/auth-user';
import { Clock } from '../common/clock';
import { Db } from '../database/db';
import { CreateContactPointDto } from '../states/dto/contact-point.dto';
import { StatesService } from '../states/states.service';
import { UsersRepository } from '../users/users.repository';
import { UsersService } from '../users/users.service';

/** Shared by every demo account; printed at seeding. Demo accounts never require MFA. */
export const DEMO_PASSWORD = 'iti-demo-password';

const DEMO_STATES: { code: string; contactPoints: CreateContactPointDto[] }[] = [
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

/**
 * Why the demo may not be seeded on this node, or null if it may: its accounts have a public password and no MFA,
 * so only on the embedded database (a developer's or a trainer's node), never with NODE_ENV=production.
 */
export function demoRefusal(database: { embedded: boolean }, config: { NODE_ENV: string }): string | null {
  if (config.NODE_ENV === 'production') return 'the demo is never seeded with NODE_ENV=production: its accounts have a public password and no MFA';
  if (!database.embedded) return 'the demo is seeded only on the embedded database (DATABASE_URL unset): its accounts have a public password and no MFA';
  return null;
}

export interface DemoAccount {
  username: string;
  stateCode: string;
  role: string;
}

/** Three hosted States with one user per role and their contact points. Safe to run twice. */
@Injectable()
export class DemoService {
  constructor(
    private readonly db: Db,
    private readonly states: StatesService,
    private readonly users: UsersService,
    private readonly usersRepository: UsersRepository,
    private readonly clock: Clock,
  ) {}

  async seed(): Promise<DemoAccount[]> {
    const accounts: DemoAccount[] = [];
    for (const demo of DEMO_STATES) {
      const state = await this.db.withoutState(() => this.states.host(demo.code, this.clock.now()));
      await this.db.inState(demo.code, async () => {
        for (const role of ROLES) {
          const username = `${demo.code.toLowerCase()}.${role}`;
          accounts.push({ username, stateCode: demo.code, role });
          if ((await this.db.withoutState(() => this.usersRepository.findStateOfUsername(username))) !== null) continue;
          await this.users.createInState({
            stateCode: demo.code,
            username,
            displayName: `Demo ${role} (${state.name})`,
            password: DEMO_PASSWORD,
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
  async isNodeEmpty(): Promise<boolean> {
    const hosted = await this.db.withoutState(() => this.states.list({ hosted: true }, { limit: 1 }));
    return hosted.items.length === 0;
  }
}

export function formatDemoAccounts(accounts: DemoAccount[]): string {
  const lines = accounts.map((a) => `  ${a.username.padEnd(16)} ${a.stateCode}  ${a.role}`);
  return [`Demo accounts (password for all: ${DEMO_PASSWORD}; MFA off for demo accounts only):`, ...lines].join('\n');
}
