import { Inject, Injectable, Logger } from '@nestjs/common';
import { createTransport, Transporter } from 'nodemailer';
import { AppConfig } from '../config/app-config';

/**
 * Optional e-mail copies of notifications, through SMTP_URL. The mail says only that something
 * happened and where to look: no trace content leaves the system by e-mail.
 */
@Injectable()
export class Mailer {
  private readonly logger = new Logger(Mailer.name);
  private readonly transport: Transporter | null;

  constructor(@Inject(AppConfig) private readonly config: AppConfig) {
    this.transport = config.SMTP_URL ? createTransport(config.SMTP_URL) : null;
  }

  get enabled(): boolean {
    return this.transport !== null;
  }

  /** Best effort: a failed delivery is logged (without addresses) and never fails the caller. */
  async send(to: string[], subject: string, text: string): Promise<void> {
    if (!this.transport || to.length === 0) return;
    try {
      await this.transport.sendMail({ from: this.config.SMTP_FROM, bcc: to, subject, text });
    } catch (error) {
      this.logger.warn(`notification e-mail not sent to ${to.length} recipient(s): ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
