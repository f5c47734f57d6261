import { Module } from '@nestjs/common';
import { SessionsRepository } from '../auth/sessions.repository';
import { PasswordCheck } from './password-check';
import { PasswordHasher } from './password-hasher';
import { UsersController } from './users.controller';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

@Module({
  controllers: [UsersController],
  providers: [UsersService, UsersRepository, PasswordHasher, PasswordCheck, SessionsRepository],
  exports: [UsersService, UsersRepository, PasswordHasher, PasswordCheck, SessionsRepository],
})
export class UsersModule {}
