import { Module } from '@nestjs/common';
import { RecordsModule } from '../records/records.module';
import { ReferenceModule } from '../reference/reference.module';
import { StatesModule } from '../states/states.module';
import { RegistryController, WeaponsController } from './weapons.controller';
import { AbandonedImportsJob } from './imports/abandoned-imports.job';
import { ImportsRepository } from './imports/imports.repository';
import { ImportsService } from './imports/imports.service';
import { WeaponsRepository } from './weapons.repository';
import { WeaponsService } from './weapons.service';

@Module({
  imports: [RecordsModule, ReferenceModule, StatesModule],
  controllers: [WeaponsController, RegistryController],
  providers: [WeaponsService, WeaponsRepository, ImportsService, ImportsRepository, AbandonedImportsJob],
  exports: [WeaponsService, ImportsService],
})
export class RegistryModule {}
