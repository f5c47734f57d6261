import { Module } from '@nestjs/common';
import { NotificationsController } from './notifications.controller';
import { NotificationsRepository } from './notifications.repository';
import { NotificationsService } from './notifications.service';
import { Mailer } from './mailer';

@Module({
  controllers: [NotificationsController],
  providers: [NotificationsService, NotificationsRepository, Mailer],
  exports: [NotificationsService],
})
export class NotificationsModule {}
