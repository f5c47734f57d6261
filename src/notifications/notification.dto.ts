import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsUUID } from 'class-validator';
import { Optional } from '../common/http/optional';
import { PageQueryDto } from '../common/http/pagination';
import { lower } from '../common/http/transforms';
import { NotificationEntity } from './entities/notification.entity';

export class ListNotificationsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Only unread notifications' })
  @Optional() @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value)) @IsBoolean({ message: 'unread must be true or false' })
  unread?: boolean;
}

export class NotificationIdParamDto {
  @ApiProperty() @Transform(lower) @IsUUID('all', { message: 'id must be a UUID' })
  id: string;
}

export class NotificationDto {
  @ApiProperty() id: string;
  @ApiProperty() kind: string;
  @ApiProperty({ type: String, nullable: true }) traceId: string | null;
  @ApiProperty() message: string;
  @ApiProperty() createdAt: string;
  @ApiProperty({ type: String, nullable: true }) readAt: string | null;

  static from(n: NotificationEntity): NotificationDto {
    return { id: n.id, kind: n.kind, traceId: n.traceId, message: n.message, createdAt: n.createdAt.toISOString(), readAt: n.readAt?.toISOString() ?? null };
  }
}

export class NotificationPageDto {
  @ApiProperty({ type: [NotificationDto] }) items: NotificationDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
