import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { RuleId, RulePolicy } from '../marking-rules';

/** A State's choices for its registry: refuse or flag each ITI marking rule. */
@Entity({ name: 'registry_settings' })
export class RegistrySettingsEntity {
  @PrimaryColumn({ type: 'char', length: 3, name: 'state_code' })
  stateCode: string;

  @Column({ type: 'jsonb', name: 'rule_policies' })
  rulePolicies: Record<RuleId, RulePolicy>;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt: Date;
}
