import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { createTransport, Transporter } from 'nodemailer';
import { AppConfig } from '../config/app-config';

/** Connections to the SMTP server at most: more mails wait their turn. */
const SMTP_CONNECTIONS = 3;
/** How long a shutdown waits for the mails still being sent, once the requests have finished (within SHUTDOWN_GRACE_SECONDS). */
const SHUTDOWN_SEND_MS = 2_000;

/**
 * Optional e-mail copies of notifications, through SMTP_URL. The mail says only that something
 * happened and where to look: no trace content leaves the system by e-mail.
 */
@Injectable()
export class Mailer implements OnApplicationShutdown {
  private readonly logger = new Logger(Mailer.name);
  private readonly transport: Transporter | null;
  /** Mails being sent: a shutdown lets them go before it closes the pool. */
  private readonly sending = new Set<Promise<void>>();
  private closed = false;

  constructor(@Inject(AppConfig) private readonly config: AppConfig) {
    // Pooled: the reminders of one run of the deadline job go through a few connections, one mail after
    // another, rather than one connection each at once, which a mail server's limit per client refuses.
    // Credentials over smtp:// go only once STARTTLS has encrypted the connection: nodemailer would otherwise send
    // them in clear whenever the server (or someone between) does not offer it. `?requireTLS=false` in the URL
    // allows a relay without TLS, knowingly.
    this.transport = config.SMTP_URL
      ? createTransport({ url: config.SMTP_URL, pool: true, maxConnections: SMTP_CONNECTIONS, requireTLS: sendsCredentialsInClear(config.SMTP_URL) })
      : null;
  }

  /** Closes the pool's connections: a mail asked for after that is not sent, and the log says so. */
  close(): void {
    this.closed = true;
    this.transport?.close();
  }

  /**
   * At the application's last shutdown step, after the requests, the outbox and the periodic jobs have
   * finished (their modules import this one, so their hooks run first): the mails they asked for are sent
   * (for SHUTDOWN_SEND_MS at most), then the pool closes.
   */
  async onApplicationShutdown(): Promise<void> {
    if (this.sending.size > 0) {
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<void>((resolve) => (timer = setTimeout(resolve, SHUTDOWN_SEND_MS)));
      await Promise.race([Promise.allSettled([...this.sending]), late]);
      clearTimeout(timer);
    }
    this.close();
  }

  get enabled(): boolean {
    return this.transport !== null;
  }

  /** Best effort: a failed delivery is logged (without addresses) and never fails the caller. */
  send(to: string[], subject: string, text: string): Promise<void> {
    if (!this.transport || to.length === 0) return Promise.resolve();
    if (this.closed) {
      this.logger.warn(`notification e-mail not sent to ${to.length} recipient(s): the service is shutting down`);
      return Promise.resolve();
    }
    const sending = this.deliver(this.transport, to, subject, text).finally(() => this.sending.delete(sending));
    this.sending.add(sending);
    return sending;
  }

  private async deliver(transport: Transporter, to: string[], subject: string, text: string): Promise<void> {
    try {
      await transport.sendMail({ from: this.config.SMTP_FROM, bcc: to, subject, text });
    } catch (error) {
      // The codes only: the server's reply, which the error's message quotes, names the addresses it refused.
      const { code, responseCode } = error as { code?: string; responseCode?: number };
      this.logger.warn(`notification e-mail not sent to ${to.length} recipient(s): ${code ?? 'error'}${responseCode ? ` (SMTP ${responseCode})` : ''}`);
    }
  }
}

/** Whether a URL names credentials that would travel over a connection not encrypted from the start (smtp://, not smtps://). */
function sendsCredentialsInClear(url: string): boolean {
  const parsed = new URL(url);
  return parsed.protocol === 'smtp:' && (parsed.username !== '' || parsed.password !== '');
}
