import { Module } from '@nestjs/common';
import { StatesModule } from '../states/states.module';
import { UsersModule } from '../users/users.module';
import { DemoService } from './demo.service';

@Module({ imports: [StatesModule, UsersModule], providers: [DemoService], exports: [DemoService] })
export class DemoModule {}
