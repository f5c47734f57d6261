import { Global, Logger, Module } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { DataKeysRepository } from './data-keys.repository';
import { Envelope } from './envelope';
import { loadKeyProvider } from './key-provider';
import { KeyRotation } from './key-rotation';
import { RecordSealing } from './record-cipher';

/** Envelope encryption of confidential fields, for every module that keeps some. */
@Global()
@Module({
  providers: [
    {
      provide: Envelope,
      inject: [AppConfig],
      useFactory: (config: AppConfig) =>
        new Envelope(loadKeyProvider(config, (message) => new Logger('Encryption').warn(message)).provider, config.ENCRYPTION_AT_REST),
    },
    RecordSealing,
    DataKeysRepository,
    KeyRotation,
  ],
  exports: [Envelope, RecordSealing, KeyRotation],
})
export class EncryptionModule {}
