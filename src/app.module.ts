import { DynamicModule, Module } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { AuthModule } from './auth/auth.module';
import { Clock } from './common/clock';
import { loggerOptions } from './common/logging/logger-options';
import { AppConfig } from './config/app-config';
import { CoreModule } from './core.module';
import { dataSourceOptions, SNAPSHOT_SOURCE, snapshotConnections } from './database/data-source-options';
import { HealthModule } from './health/health.module';
import { StatesModule } from './states/states.module';
import { UsersModule } from './users/users.module';
import { DemoModule } from './demo/demo.module';
import { ReferenceModule } from './reference/reference.module';
import { RegistryModule } from './registry/registry.module';
import { TracingModule } from './tracing/tracing.module';
import { NotificationsModule } from './notifications/notifications.module';
import { IdempotencyModule } from './common/idempotency/idempotency.module';
import { AuditModule } from './audit/audit.module';
import { CasesModule } from './cases/cases.module';
import { ReportsModule } from './reports/reports.module';
import { EncryptionModule } from './common/encryption/encryption.module';

export interface AppModuleOptions {
  config: AppConfig;
  /** The app role's connection for the service; the owner's for administrative CLI commands. */
  databaseUrl: string;
  jwtSecret: string;
  /** Where logs go (standard output by default); tests capture them here. */
  logDestination?: DestinationStream;
  /** The source of "now"; tests pass a controlled one. */
  clock?: Clock;
}

@Module({})
export class AppModule {
  static forRoot(options: AppModuleOptions): DynamicModule {
    const { config } = options;
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(config, options.jwtSecret, options.clock),
        LoggerModule.forRoot(loggerOptions(config, options.logDestination)),
        // No retries: the database answered the migrations just before; a connection refused now is a fault to report
        // at once, not one to wait 27 seconds for (the module's default), nor to retry after a failed start stopped it.
        TypeOrmModule.forRoot({ ...dataSourceOptions(options.databaseUrl, config.DATABASE_POOL_SIZE), retryAttempts: 0 }),
        TypeOrmModule.forRoot({ ...dataSourceOptions(options.databaseUrl, snapshotConnections(config.DATABASE_POOL_SIZE)), name: SNAPSHOT_SOURCE, retryAttempts: 0 }),
        ThrottlerModule.forRoot({
          // Named 'default', the guard answers with the standard Retry-After header (a named one adds its name to it).
          throttlers: [{ name: 'default', ttl: config.AUTH_THROTTLE_TTL_SECONDS * 1000, limit: config.AUTH_THROTTLE_LIMIT }],
        }),
        EncryptionModule,
        AuditModule,
        StatesModule,
        UsersModule,
        AuthModule,
        ReferenceModule,
        RegistryModule,
        IdempotencyModule,
        NotificationsModule,
        CasesModule,
        ReportsModule,
        TracingModule,
        HealthModule,
        DemoModule,
      ],
    };
  }
}
