import { Module } from '@nestjs/common';
import { StatesController } from './states.controller';
import { ContactPointsRepository, StatesRepository } from './states.repository';
import { StatesService } from './states.service';

@Module({
  controllers: [StatesController],
  providers: [StatesService, StatesRepository, ContactPointsRepository],
  exports: [StatesService],
})
export class StatesModule {}
