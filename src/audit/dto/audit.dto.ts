import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsString, IsUUID } from 'class-validator';
import { MaxChars } from '../../common/http/max-chars';
import { lower } from '../../common/http/transforms';
import { canonicalId } from '../../common/uuid';
import { IsInstant } from '../../common/http/instant';
import { Optional } from '../../common/http/optional';
import { PageQueryDto } from '../../common/http/pagination';
import { AuditEventEntity } from '../entities/audit-event.entity';

export class ListAuditEventsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'POST /traces/:id/send' }) @Optional() @IsString() @MaxChars(120)
  action?: string;

  @ApiPropertyOptional() @Optional() @Transform(lower) @IsUUID('all', { message: 'actorId must be a UUID' })
  actorId?: string;

  @ApiPropertyOptional({ example: 'traces' }) @Optional() @IsString() @MaxChars(40)
  targetType?: string;

  @ApiPropertyOptional() @Optional() @IsString() @MaxChars(100) @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? canonicalId(value) : value))
  targetId?: string;

  @ApiPropertyOptional({ enum: ['success', 'failure', 'denied'] })
  @Optional() @IsIn(['success', 'failure', 'denied'], { message: 'outcome must be one of: success, failure, denied' })
  outcome?: string;

  @ApiPropertyOptional({ description: 'ISO date-time, inclusive' }) @Optional() @IsInstant('from')
  from?: string;

  @ApiPropertyOptional({ description: 'ISO date-time, exclusive' }) @Optional() @IsInstant('to')
  to?: string;
}

export class AuditEventDto {
  @ApiProperty({ example: '42' }) seq: string;
  @ApiProperty() at: string;
  @ApiProperty({ type: String, nullable: true }) actorId: string | null;
  @ApiProperty() action: string;
  @ApiProperty({ type: String, nullable: true }) targetType: string | null;
  @ApiProperty({ type: String, nullable: true }) targetId: string | null;
  @ApiProperty({ enum: ['success', 'failure', 'denied'] }) outcome: string;
  @ApiProperty({ type: String, nullable: true }) requestId: string | null;
  @ApiProperty({ type: String, nullable: true }) sourceIp: string | null;
  @ApiProperty({ type: Object }) details: Record<string, unknown>;
  @ApiProperty({ description: 'SHA-256 of this event and the previous hash (hex)' }) hash: string;
  @ApiProperty() prevHash: string;
  @ApiProperty({ description: 'at as the hash covers it: UTC with microseconds (YYYY-MM-DDTHH:MM:SS.ffffffZ)', example: '2026-11-25T14:03:07.123456Z' })
  hashedAt: string;
  @ApiProperty({ description: 'details as the hash covers it: the text PostgreSQL gives of the stored jsonb' })
  hashedDetails: string;

  /** `hashed`: the event's time and details in the text forms its hash covers (AuditRepository.hashedForms). */
  static from(e: AuditEventEntity, hashed: { at: string; details: string }): AuditEventDto {
    return {
      seq: e.seq, at: e.at.toISOString(), actorId: e.actorId, action: e.action, targetType: e.targetType, targetId: e.targetId, outcome: e.outcome,
      requestId: e.requestId, sourceIp: e.sourceIp, details: e.details, hash: e.hash.toString('hex'), prevHash: e.prevHash.toString('hex'),
      hashedAt: hashed.at, hashedDetails: hashed.details,
    };
  }
}

export class AuditEventPageDto {
  @ApiProperty({ type: [AuditEventDto] }) items: AuditEventDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class ChainHeadDto {
  @ApiProperty() seq: string;
  @ApiProperty() hash: string;
}

export class BrokenLinkDto {
  @ApiProperty() seq: string;
  @ApiProperty({ enum: ['sequence_gap', 'prev_hash_mismatch', 'hash_mismatch', 'wrong_chain'] }) reason: string;
  @ApiProperty() message: string;
}

export class AuditVerificationDto {
  @ApiProperty() stateCode: string;
  @ApiProperty() ok: boolean;
  @ApiProperty() checked: number;
  @ApiProperty({ type: ChainHeadDto, nullable: true }) head: ChainHeadDto | null;
  @ApiProperty({ type: BrokenLinkDto, nullable: true }) firstBroken: BrokenLinkDto | null;
}

export class AuditCheckpointDto {
  @ApiProperty({ example: 'iti-trace/audit-checkpoint' }) format: 'iti-trace/audit-checkpoint';
  @ApiProperty({ example: 1 }) version: 1;
  @ApiProperty() stateCode: string;
  @ApiProperty() seq: string;
  @ApiProperty() hash: string;
  @ApiProperty() signedAt: string;
  @ApiProperty({ description: 'Raw Ed25519 public key of the node, base64' }) publicKey: string;
  @ApiProperty({ description: 'Ed25519 signature over the canonical JSON of the other fields, base64' }) signature: string;
}
