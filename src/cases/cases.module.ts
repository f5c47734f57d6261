import { Module } from '@nestjs/common';
import { StatesModule } from '../states/states.module';
import { UsersModule } from '../users/users.module';
import { CasesController } from './cases.controller';
import { CasesRepository } from './cases.repository';
import { CasesService } from './cases.service';

@Module({
  imports: [UsersModule, StatesModule],
  controllers: [CasesController],
  providers: [CasesRepository, CasesService],
  exports: [CasesService],
})
export class CasesModule {}
