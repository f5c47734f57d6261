import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Component, MarkingKind } from '../registry.constants';
import { WeaponEntity } from './weapon.entity';

/** A marking on one component of a weapon, as read, with its structured parts. */
@Entity({ name: 'markings' })
@Index('IDX_markings_weapon', ['weaponId'])
export class MarkingEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'char', length: 3, name: 'state_code' })
  stateCode: string;

  @Column({ type: 'uuid', name: 'weapon_id' })
  weaponId: string;

  @ManyToOne(() => WeaponEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'weapon_id' })
  weapon?: WeaponEntity;

  @Column({ type: 'varchar', length: 24 })
  kind: MarkingKind;

  @Column({ type: 'varchar', length: 16 })
  component: Component;

  /** The marking as read, every character. */
  @Column({ type: 'varchar', length: 500 })
  text: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  manufacturer: string | null;

  @Column({ type: 'char', length: 3, nullable: true })
  country: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  serial: string | null;

  @Column({ type: 'smallint', nullable: true })
  year: number | null;

  /** Alternative unique marking of ITI 8(a): the symbol scheme. */
  @Column({ type: 'varchar', length: 64, name: 'symbol_code', nullable: true })
  symbolCode: string | null;

  /** Stamped, engraved, laser, cast... */
  @Column({ type: 'varchar', length: 32, nullable: true })
  method: string | null;

  @Column({ type: 'varchar', length: 500, array: true, name: 'photo_refs', default: () => "'{}'" })
  photoRefs: string[];

  /** The correction that withdrew this marking, recorded in error: it stays on the record but no longer counts (rules, serial search). */
  @Column({ type: 'uuid', name: 'withdrawn_by', nullable: true })
  withdrawnBy: string | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;
}
