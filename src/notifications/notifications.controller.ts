import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../common/auth/auth-user';
import { CurrentUser } from '../common/auth/decorators';
import { ListNotificationsQueryDto, NotificationDto, NotificationIdParamDto, NotificationPageDto } from './notification.dto';
import { NotificationsService } from './notifications.service';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ApiOkResponse({ type: NotificationPageDto })
  @ApiOperation({ summary: 'The caller\'s inbox, newest first' })
  list(@CurrentUser() user: AuthUser, @Query() query: ListNotificationsQueryDto): Promise<NotificationPageDto> {
    return this.notifications.list(user, query);
  }

  @Post(':id/read')
  @ApiOkResponse({ type: NotificationDto })
  @HttpCode(200)
  markRead(@CurrentUser() user: AuthUser, @Param() params: NotificationIdParamDto): Promise<NotificationDto> {
    return this.notifications.markRead(user, params.id);
  }
}
