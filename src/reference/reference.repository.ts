import { Injectable } from '@nestjs/common';
import { ConflictError } from '../common/errors/app-error';
import { conflictOnUnique } from '../common/errors/database-errors';
import { Db } from '../database/db';
import { CalibreEntity, ManufacturerEntity, ReferenceAdditionEntity, WeaponTypeEntity } from './entities/reference.entities';

@Injectable()
export class ReferenceRepository {
  constructor(private readonly db: Db) {}

  weaponTypes(): Promise<WeaponTypeEntity[]> {
    return this.db.repository(WeaponTypeEntity).find({ order: { code: 'ASC' } });
  }

  calibres(): Promise<CalibreEntity[]> {
    return this.db.repository(CalibreEntity).find({ order: { code: 'ASC' } });
  }

  manufacturers(): Promise<ManufacturerEntity[]> {
    return this.db.repository(ManufacturerEntity).find({ order: { code: 'ASC' } });
  }

  additions(stateCode: string, kind: ReferenceAdditionEntity['kind']): Promise<ReferenceAdditionEntity[]> {
    return this.db.repository(ReferenceAdditionEntity).find({ where: { stateCode, kind }, order: { code: 'ASC' } });
  }

  async hasAdditions(stateCode: string): Promise<boolean> {
    return this.db.repository(ReferenceAdditionEntity).existsBy({ stateCode });
  }

  /**
   * The State's additions of one kind, as a transaction-level advisory lock: the names an addition takes are
   * checked against the others and inserted by one registrar at a time (two at once each saw the name free).
   */
  async lockAdditions(stateCode: string, kind: string): Promise<void> {
    await this.db.manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('iti:reference:' || $1 || ':' || $2, 0))`, [stateCode, kind]);
  }

  /** How many of the State's records are coded `code` through the text `name` (as reference_key reads it). */
  async countRecordsNamed(stateCode: string, kind: 'calibre' | 'manufacturer', code: string, name: string): Promise<number> {
    const [{ n }]: { n: number }[] = await this.db.manager.query(
      `SELECT count(*)::int AS n FROM weapons WHERE state_code = $1 AND ${kind}_code = $2 AND reference_key(${kind}_text) = reference_key($3)`,
      [stateCode, code, name],
    );
    return n;
  }

  insertAddition(addition: Partial<ReferenceAdditionEntity>): Promise<ReferenceAdditionEntity> {
    const repository = this.db.repository(ReferenceAdditionEntity);
    return conflictOnUnique(
      repository.save(repository.create(addition)),
      'UQ_reference_additions_code',
      () => new ConflictError('REFERENCE_ADDITION_EXISTS', `This State already added ${addition.kind} ${addition.code}: its name and aliases are as they were added`),
    );
  }
}
