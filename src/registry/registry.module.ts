import { Module } from '@nestjs/common';
import { RecordsModule } from '../records/records.module';
import { ReferenceModule } from '../reference/reference.module';
import { StatesModule } from '../states/states.module';
import { RegistryController, WeaponsController } from './weapons.controller';
import { WeaponsRepository } from './weapons.repository';
import { WeaponsService } from './weapons.service';

@Module({
  imports: [RecordsModule, ReferenceModule, StatesModule],
  controllers: [WeaponsController, RegistryController],
  providers: [WeaponsService, WeaponsRepository],
  exports: [WeaponsService],
})
export class RegistryModule {}
