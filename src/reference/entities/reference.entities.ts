import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** ITI para 4 list, shipped in src/reference/data/weapon-types.json. Node-wide. */
@Entity({ name: 'reference_weapon_types' })
export class WeaponTypeEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  code: string;

  @Column({ type: 'varchar', length: 120 })
  name: string;

  @Column({ type: 'varchar', length: 16 })
  category: string;

  @Column({ type: 'varchar', length: 120, array: true, default: () => "'{}'" })
  aliases: string[];
}

/** Shipped calibres with their aliases (src/reference/data/calibres.json). Node-wide. */
@Entity({ name: 'reference_calibres' })
export class CalibreEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  code: string;

  @Column({ type: 'varchar', length: 120 })
  name: string;

  @Column({ type: 'varchar', length: 120, array: true, default: () => "'{}'" })
  aliases: string[];

  @Column({ type: 'numeric', precision: 6, scale: 2, name: 'diameter_mm', nullable: true })
  diameterMm: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  kind: string | null;
}

/** Shipped manufacturers and State arsenals (src/reference/data/manufacturers.json). Node-wide. */
@Entity({ name: 'reference_manufacturers' })
export class ManufacturerEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  code: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'char', length: 3 })
  country: string;

  @Column({ type: 'varchar', length: 200, array: true, default: () => "'{}'" })
  aliases: string[];

  @Column({ type: 'varchar', length: 200, array: true, name: 'former_names', default: () => "'{}'" })
  formerNames: string[];
}

/**
 * A registrar's addition to the reference data: a new calibre or manufacturer, or more aliases
 * for a shipped one (same code). Seen only by that State.
 */
@Entity({ name: 'reference_additions' })
@Index('UQ_reference_additions_code', ['stateCode', 'kind', 'code'], { unique: true })
export class ReferenceAdditionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'char', length: 3, name: 'state_code' })
  stateCode: string;

  @Column({ type: 'varchar', length: 16 })
  kind: 'calibre' | 'manufacturer';

  @Column({ type: 'varchar', length: 64 })
  code: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'char', length: 3, nullable: true })
  country: string | null;

  @Column({ type: 'varchar', length: 200, array: true, default: () => "'{}'" })
  aliases: string[];

  @Column({ type: 'uuid', name: 'added_by', nullable: true })
  addedBy: string | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;
}
