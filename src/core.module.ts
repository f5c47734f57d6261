import { DynamicModule, Global, Module } from '@nestjs/common';
import { JWT_SECRET } from './auth/jwt-secret';
import { Clock } from './common/clock';
import { AppConfig } from './config/app-config';
import { Db } from './database/db';

/** What every module may inject: the validated configuration, the clock and the unit of work. */
@Global()
@Module({})
export class CoreModule {
  static forRoot(config: AppConfig, jwtSecret: string, clock: Clock = new Clock()): DynamicModule {
    return {
      module: CoreModule,
      providers: [{ provide: AppConfig, useValue: config }, { provide: JWT_SECRET, useValue: jwtSecret }, { provide: Clock, useValue: clock }, Db],
      exports: [AppConfig, JWT_SECRET, Clock, Db],
    };
  }
}
