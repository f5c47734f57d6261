"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.entities = void 0;
const audit_event_entity_1 = require("../audit/entities/audit-event.entity");
const case_member_entity_1 = require("../cases/entities/case-member.entity");
const case_entity_1 = require("../cases/entities/case.entity");
const trace_photo_entity_1 = require("../tracing/entities/trace-photo.entity");
const trace_entity_1 = require("../tracing/entities/trace.entity");
const outbox_message_entity_1 = require("../tracing/entities/outbox-message.entity");
const notification_entity_1 = require("../notifications/entities/notification.entity");
const idempotency_key_entity_1 = require("../common/idempotency/idempotency-key.entity");
const auth_session_entity_1 = require("../auth/entities/auth-session.entity");
const refresh_token_entity_1 = require("../auth/entities/refresh-token.entity");
const contact_point_entity_1 = require("../states/entities/contact-point.entity");
const state_entity_1 = require("../states/entities/state.entity");
const user_entity_1 = require("../users/entities/user.entity");
const record_event_entity_1 = require("../records/entities/record-event.entity");
const reference_entities_1 = require("../reference/entities/reference.entities");
const marking_entity_1 = require("../registry/entities/marking.entity");
const registry_settings_entity_1 = require("../registry/entities/registry-settings.entity");
const closed_custodian_entity_1 = require("../registry/entities/closed-custodian.entity");
const weapon_entity_1 = require("../registry/entities/weapon.entity");
const weapon_import_entity_1 = require("../registry/imports/weapon-import.entity");
/** Every entity of the schema; migrations are generated from this list. */
exports.entities = [
    state_entity_1.StateEntity,
    contact_point_entity_1.ContactPointEntity,
    user_entity_1.UserEntity,
    auth_session_entity_1.AuthSessionEntity,
    refresh_token_entity_1.RefreshTokenEntity,
    reference_entities_1.WeaponTypeEntity,
    reference_entities_1.CalibreEntity,
    reference_entities_1.ManufacturerEntity,
    reference_entities_1.ReferenceAdditionEntity,
    weapon_entity_1.WeaponEntity,
    marking_entity_1.MarkingEntity,
    record_event_entity_1.RecordEventEntity,
    registry_settings_entity_1.RegistrySettingsEntity,
    closed_custodian_entity_1.ClosedCustodianEntity,
    weapon_import_entity_1.WeaponImportEntity,
    weapon_import_entity_1.ImportRejectionEntity,
    trace_entity_1.TraceEntity,
    trace_photo_entity_1.TracePhotoEntity,
    outbox_message_entity_1.OutboxMessageEntity,
    notification_entity_1.NotificationEntity,
    idempotency_key_entity_1.IdempotencyKeyEntity,
    case_entity_1.CaseEntity,
    case_member_entity_1.CaseMemberEntity,
    audit_event_entity_1.AuditEventEntity,
    audit_event_entity_1.AuditHeadEntity,
];
//# sourceMappingURL=entities.js.map