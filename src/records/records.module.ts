import { Module } from '@nestjs/common';
import { RecordEventsRepository } from './record-events.repository';
import { RetentionPolicy } from './retention';

/** The append-only history of weapons (record events) and its retention (ITI 11–13). */
@Module({ providers: [RecordEventsRepository, RetentionPolicy], exports: [RecordEventsRepository, RetentionPolicy] })
export class RecordsModule {}
