import { Inject, Injectable, Optional } from '@nestjs/common';
import * as argon2 from 'argon2';

export interface Argon2Parameters {
  memoryCost: number;
  timeCost: number;
  parallelism: number;
}

/** OWASP Password Storage Cheat Sheet, argon2id: m=19 MiB, t=2, p=1. */
export const OWASP_ARGON2ID: Argon2Parameters = { memoryCost: 19456, timeCost: 2, parallelism: 1 };
export const ARGON2_PARAMETERS = Symbol('ARGON2_PARAMETERS');

/**
 * argon2id hashes in PHC strings (the parameters travel with each hash, so they can change and
 * old hashes still verify; `needsRehash` tells when to upgrade one at the next login).
 */
@Injectable()
export class PasswordHasher {
  private dummyHash?: Promise<string>;

  constructor(@Optional() @Inject(ARGON2_PARAMETERS) private readonly parameters: Argon2Parameters = OWASP_ARGON2ID) {}

  hash(password: string): Promise<string> {
    return argon2.hash(normalise(password), { type: argon2.argon2id, ...this.parameters });
  }

  async verify(hash: string, password: string): Promise<boolean> {
    try {
      return await argon2.verify(hash, normalise(password));
    } catch {
      return false;
    }
  }

  needsRehash(hash: string): boolean {
    return argon2.needsRehash(hash, this.parameters);
  }

  /** Same work as a real check, for unknown users: the answer's timing must not reveal who exists. */
  async verifyAgainstDummy(password: string): Promise<void> {
    this.dummyHash ??= this.hash('dummy password that never matches');
    await this.verify(await this.dummyHash, password);
  }
}

/** The same password typed on different keyboards (composed or decomposed accents) is one password. */
function normalise(password: string): string {
  return password.normalize('NFKC');
}
