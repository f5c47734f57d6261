import { AuditEventEntity, AuditHeadEntity } from '../audit/entities/audit-event.entity';
import { CaseMemberEntity } from '../cases/entities/case-member.entity';
import { CaseEntity } from '../cases/entities/case.entity';
import { TracePhotoEntity } from '../tracing/entities/trace-photo.entity';
import { TraceEntity } from '../tracing/entities/trace.entity';
import { OutboxMessageEntity } from '../tracing/entities/outbox-message.entity';
import { NotificationEntity } from '../notifications/entities/notification.entity';
import { IdempotencyKeyEntity } from '../common/idempotency/idempotency-key.entity';
import { AuthSessionEntity } from '../auth/entities/auth-session.entity';
import { RefreshTokenEntity } from '../auth/entities/refresh-token.entity';
import { ContactPointEntity } from '../states/entities/contact-point.entity';
import { StateEntity } from '../states/entities/state.entity';
import { UserEntity } from '../users/entities/user.entity';
import { RecordEventEntity } from '../records/entities/record-event.entity';
import { CalibreEntity, ManufacturerEntity, ReferenceAdditionEntity, WeaponTypeEntity } from '../reference/entities/reference.entities';
import { MarkingEntity } from '../registry/entities/marking.entity';
import { RegistrySettingsEntity } from '../registry/entities/registry-settings.entity';
import { ClosedCustodianEntity } from '../registry/entities/closed-custodian.entity';
import { WeaponEntity } from '../registry/entities/weapon.entity';
import { ImportRejectionEntity, WeaponImportEntity } from '../registry/imports/weapon-import.entity';

/** Every entity of the schema; migrations are generated from this list. */
export const entities = [
  StateEntity,
  ContactPointEntity,
  UserEntity,
  AuthSessionEntity,
  RefreshTokenEntity,
  WeaponTypeEntity,
  CalibreEntity,
  ManufacturerEntity,
  ReferenceAdditionEntity,
  WeaponEntity,
  MarkingEntity,
  RecordEventEntity,
  RegistrySettingsEntity,
  ClosedCustodianEntity,
  WeaponImportEntity,
  ImportRejectionEntity,
  TraceEntity,
  TracePhotoEntity,
  OutboxMessageEntity,
  NotificationEntity,
  IdempotencyKeyEntity,
  CaseEntity,
  CaseMemberEntity,
  AuditEventEntity,
  AuditHeadEntity,
];
