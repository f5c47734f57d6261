import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../common/auth/auth-user';
import { Clock } from '../common/clock';
import { Db } from '../database/db';
import { Mailer } from './mailer';
import { NotFoundError } from '../common/errors/app-error';
import { mapPage, Page } from '../common/http/pagination';
import { ListNotificationsQueryDto, NotificationDto } from './notification.dto';
import { NewNotification, NotificationsRepository } from './notifications.repository';

@Injectable()
export class NotificationsService {
  constructor(
    private readonly notifications: NotificationsRepository,
    private readonly clock: Clock,
    private readonly mailer: Mailer,
    private readonly db: Db,
  ) {}

  /**
   * Writes to the inbox of the State's users holding `roles` and of `userIds`, in the caller's
   * transaction; with SMTP_URL set, an e-mail goes out once that transaction has committed.
   */
  async notify(stateCode: string, roles: string[], userIds: (string | null)[], notification: NewNotification): Promise<number> {
    const emails = await this.notifications.addForUsers(stateCode, roles, userIds.filter((id): id is string => !!id), notification, this.clock.now());
    if (this.mailer.enabled && emails.length > 0) {
      const subject = `ITI Trace: ${notification.kind.replace(/_/g, ' ')}`;
      const text = `There is a new notification for you in ITI Trace (${notification.kind.replace(/_/g, ' ')}).\nSign in and open your notifications to read it.`;
      this.db.afterCommit(() => void this.mailer.send(emails, subject, text));
    }
    return emails.length;
  }

  async list(actor: AuthUser, query: ListNotificationsQueryDto): Promise<Page<NotificationDto>> {
    return mapPage(await this.notifications.list(actor.stateCode, actor.id, query.unread === true, query), NotificationDto.from);
  }

  async markRead(actor: AuthUser, id: string): Promise<NotificationDto> {
    const found = await this.notifications.markRead(actor.stateCode, actor.id, id, this.clock.now());
    if (!found) throw new NotFoundError('Notification', 'NOTIFICATION_NOT_FOUND');
    return NotificationDto.from(found);
  }
}
