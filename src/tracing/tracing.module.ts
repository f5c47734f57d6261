import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { ReferenceModule } from '../reference/reference.module';
import { RegistryModule } from '../registry/registry.module';
import { StatesModule } from '../states/states.module';
import { DeadlineJob, OutboxWorker } from './outbox.worker';
import { TracesController } from './traces.controller';
import { TracesRepository } from './traces.repository';
import { TracingService } from './tracing.service';

@Module({
  imports: [RegistryModule, ReferenceModule, StatesModule, NotificationsModule, CasesModule],
  controllers: [TracesController],
  providers: [TracingService, TracesRepository, OutboxWorker, DeadlineJob],
  exports: [TracingService, OutboxWorker, DeadlineJob],
})
export class TracingModule {}
