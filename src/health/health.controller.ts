import { Controller, Get, Logger } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { DataSource } from 'typeorm';
import { Public } from '../common/auth/decorators';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  private readonly logger = new Logger(HealthController.name);

  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    private readonly dataSource: DataSource,
  ) {}

  /** The process is up. */
  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Ready for traffic: the database answers and every migration is applied. */
  @Get('ready')
  @HealthCheck()
  ready() {
    return this.health.check([
      // Public: a failed ping says that the database cannot be reached, not the driver's error (a host, a role
      // name), which goes to the service's log for its operators.
      async () => {
        const ping = await this.database.pingCheck('database', { timeout: 2000 });
        if (ping.database?.status === 'up') return ping;
        this.logger.warn(`readiness: the database ping failed: ${String(ping.database?.message ?? 'no reason given')}`);
        return this.indicators.check('database').down({ reason: 'the database cannot be reached' });
      },
      async () => {
        const indicator = this.indicators.check('migrations');
        try {
          const pending = await this.dataSource.showMigrations();
          return pending ? indicator.down({ pending: true }) : indicator.up();
        } catch {
          return indicator.down({ reason: 'the migrations table could not be read' });
        }
      },
    ]);
  }
}
