import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { createTransport, Transporter } from 'nodemailer';
import { AppConfig } from '../config/app-config';

/** Connections to the SMTP server at most: more mails wait their turn. */
const SMTP_CONNECTIONS = 3;

/**
 * Optional e-mail copies of notifications, through SMTP_URL. The mail says only that something
 * happened and where to look: no trace content leaves the system by e-mail.
 */
@Injectable()
export class Mailer implements OnModuleDestroy {
  private readonly logger = new Logger(Mailer.name);
  private readonly transport: Transporter | null;

  constructor(@Inject(AppConfig) private readonly config: AppConfig) {
    // Pooled: the reminders of one run of the deadline job go through a few connections, one mail after
    // another, rather than one connection each at once, which a mail server's limit per client refuses.
    this.transport = config.SMTP_URL ? createTransport({ url: config.SMTP_URL, pool: true, maxConnections: SMTP_CONNECTIONS }) : null;
  }

  /** Closes the pool's connections (on shutdown). */
  close(): void {
    this.transport?.close();
  }

  onModuleDestroy(): void {
    this.close();
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
      // The codes only: the server's reply, which the error's message quotes, names the addresses it refused.
      const { code, responseCode } = error as { code?: string; responseCode?: number };
      this.logger.warn(`notification e-mail not sent to ${to.length} recipient(s): ${code ?? 'error'}${responseCode ? ` (SMTP ${responseCode})` : ''}`);
    }
  }
}
