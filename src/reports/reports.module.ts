import { Module } from '@nestjs/common';
import { RegistryModule } from '../registry/registry.module';
import { StatesModule } from '../states/states.module';
import { ReportsController } from './reports.controller';
import { ReportsRepository } from './reports.repository';
import { ReportsService } from './reports.service';

@Module({
  imports: [RegistryModule, StatesModule],
  controllers: [ReportsController],
  providers: [ReportsRepository, ReportsService],
})
export class ReportsModule {}
