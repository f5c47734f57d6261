import { Global, Module } from '@nestjs/common';
import { StatesModule } from '../../states/states.module';
import { IdempotencyPurgeJob } from './idempotency-purge.job';
import { IdempotencyInterceptor } from './idempotency.interceptor';
import { IdempotencyRepository } from './idempotency.repository';

/** Idempotency-Key support for POST routes (`@UseInterceptors(IdempotencyInterceptor)`), and the purge of old keys. */
@Global()
@Module({
  imports: [StatesModule],
  providers: [IdempotencyRepository, IdempotencyInterceptor, IdempotencyPurgeJob],
  exports: [IdempotencyRepository, IdempotencyInterceptor, IdempotencyPurgeJob],
})
export class IdempotencyModule {}
