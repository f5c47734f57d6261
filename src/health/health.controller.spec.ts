import { Logger, ServiceUnavailableException } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { HealthIndicatorService, TerminusModule, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { DataSource } from 'typeorm';
import { HealthController } from './health.controller';

describe('GET /health/ready', () => {
  it('says the database cannot be reached, never the driver\'s error (a host, a role name), on this public route; the log has it', async () => {
    const warnings: string[] = [];
    jest.spyOn(Logger.prototype, 'warn').mockImplementation((message: unknown) => void warnings.push(String(message)));
    const module = await Test.createTestingModule({
      imports: [TerminusModule.forRoot({ logger: false })],
      controllers: [HealthController],
      providers: [{ provide: DataSource, useValue: { showMigrations: async () => false } }],
    })
      .overrideProvider(TypeOrmHealthIndicator)
      .useFactory({
        factory: (indicators: HealthIndicatorService) => ({
          pingCheck: async () => indicators.check('database').down({ message: 'password authentication failed for user "iti_app" at 10.0.3.4:5432' }),
        }),
        inject: [HealthIndicatorService],
      })
      .compile();
    const failure = await module.get(HealthController).ready().then(() => null, (error: unknown) => error);
    expect(failure).toBeInstanceOf(ServiceUnavailableException);
    const body = JSON.stringify((failure as ServiceUnavailableException).getResponse());
    expect(body).toContain('the database cannot be reached');
    expect(body).not.toMatch(/iti_app|10\.0\.3\.4|password/);
    expect(warnings).toEqual(['readiness: the database ping failed: password authentication failed for user "iti_app" at 10.0.3.4:5432']);
    jest.restoreAllMocks();
    await module.close();
  });
});
