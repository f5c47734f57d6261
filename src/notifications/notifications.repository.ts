import { Injectable } from '@nestjs/common';
import { keysetPage, Page, PageQueryDto } from '../common/http/pagination';
import { Db } from '../database/db';
import { NotificationEntity } from './entities/notification.entity';

export interface NewNotification {
  kind: string;
  traceId: string | null;
  message: string;
}

@Injectable()
export class NotificationsRepository {
  constructor(private readonly db: Db) {}

  /** One notification for every active user of the State holding one of the roles, plus the named users; their e-mail addresses. */
  async addForUsers(stateCode: string, roles: string[], userIds: string[], notification: NewNotification, at: Date): Promise<string[]> {
    const rows: { email: string | null }[] = await this.db.manager.query(
      `WITH added AS (
         INSERT INTO notifications (state_code, user_id, kind, trace_id, message, created_at)
         SELECT $1, u.id, $4, $5, $6, $7 FROM users u
          WHERE u.state_code = $1 AND u.disabled_at IS NULL AND (u.roles && $2::varchar[] OR u.id = ANY($3::uuid[]))
         RETURNING user_id)
       SELECT u.email FROM added JOIN users u ON u.id = added.user_id`,
      [stateCode, roles, userIds, notification.kind, notification.traceId, notification.message, at],
    );
    return rows.map((r) => r.email).filter((email): email is string => !!email);
  }

  list(stateCode: string, userId: string, unreadOnly: boolean, page: PageQueryDto): Promise<Page<NotificationEntity>> {
    const query = this.db.repository(NotificationEntity)
      .createQueryBuilder('n')
      .where('n.state_code = :stateCode AND n.user_id = :userId', { stateCode, userId });
    if (unreadOnly) query.andWhere('n.read_at IS NULL');
    // Newest first, as an inbox reads.
    return keysetPage(query, [{ property: 'createdAt', column: 'n.created_at' }, { property: 'id', column: 'n.id' }], page, 'DESC');
  }

  async markRead(stateCode: string, userId: string, id: string, at: Date): Promise<NotificationEntity | null> {
    const repository = this.db.repository(NotificationEntity);
    // Locked: of two marks at once, the second sees the first's time and keeps it.
    const found = await repository.createQueryBuilder('n').where('n.state_code = :stateCode AND n.user_id = :userId AND n.id = :id', { stateCode, userId, id }).setLock('pessimistic_write').getOne();
    if (!found) return null;
    if (!found.readAt) {
      found.readAt = at;
      await repository.update({ stateCode, id }, { readAt: at });
    }
    return found;
  }
}
