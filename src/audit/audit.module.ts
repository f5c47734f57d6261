import { Global, Logger, Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { loadAuditSigningKey } from './audit-chain';
import { AuditController } from './audit.controller';
import { AuditRepository } from './audit.repository';
import { AUDIT_SIGNING_KEY, AuditService } from './audit.service';
import { AuditTrail } from './audit-trail';

/** The audit trail: every module records into it (global), auditors read and verify it. */
@Global()
@Module({
  controllers: [AuditController],
  providers: [
    AuditRepository,
    AuditTrail,
    AuditService,
    {
      provide: AUDIT_SIGNING_KEY,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => loadAuditSigningKey(config, (message) => new Logger('AuditTrail').warn(message)),
    },
  ],
  exports: [AuditTrail, AuditService],
})
export class AuditModule {}
