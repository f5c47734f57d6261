import { Module } from '@nestjs/common';
import { SessionsRepository } from '../auth/sessions.repository';
import { PasswordHasher } from './password-hasher';
import { UsersController } from './users.controller';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

@Module({
  controllers: [UsersController],
  providers: [UsersService, UsersRepository, PasswordHasher, SessionsRepository],
  exports: [UsersService, UsersRepository, PasswordHasher, SessionsRepository],
})
export class UsersModule {}
