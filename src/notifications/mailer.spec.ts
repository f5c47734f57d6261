import { Logger } from '@nestjs/common';
import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { loadConfig } from '../config/app-config';
import { Mailer } from './mailer';

/** A real SMTP server on loopback that takes at most `maxClients` connections at once. */
async function smtpServer(options: { maxClients: number; refuse?: string }): Promise<{ server: SMTPServer; port: number; received: string[][]; logins: string[] }> {
  const received: string[][] = [];
  const logins: string[] = [];
  const server = new SMTPServer({
    authOptional: true,
    onAuth(auth, _session, callback) {
      logins.push(`${auth.username}:${auth.password}`);
      callback(null, { user: auth.username });
    },
    disabledCommands: ['STARTTLS'],
    maxClients: options.maxClients,
    onRcptTo(address, _session, callback) {
      if (address.address === options.refuse) return callback(new Error(`<${address.address}>: Recipient address rejected`));
      callback();
    },
    onData(stream, session, callback) {
      stream.on('data', () => undefined);
      stream.on('end', () => {
        received.push(session.envelope.rcptTo.map((r) => r.address));
        callback();
      });
    },
    logger: false,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return { server, port: (server.server.address() as AddressInfo).port, received, logins };
}

describe('Mailer', () => {
  const warnings: string[] = [];
  beforeEach(() => {
    warnings.length = 0;
    jest.spyOn(Logger.prototype, 'warn').mockImplementation((message: unknown) => void warnings.push(String(message)));
  });
  afterEach(() => jest.restoreAllMocks());

  it('delivers a burst of reminders through a server that takes as many connections at a time as the pool opens (3)', async () => {
    const { server, port, received } = await smtpServer({ maxClients: 3 });
    const mailer = new Mailer(loadConfig({ SMTP_URL: `smtp://127.0.0.1:${port}`, SMTP_FROM: 'trace@example.org' }));
    try {
      await Promise.all(Array.from({ length: 20 }, (_, i) => mailer.send([`npc${i}@example.org`], 'ITI Trace: trace overdue', 'See GET /notifications')));
      expect(warnings).toEqual([]);
      expect(received.flat().sort()).toEqual(Array.from({ length: 20 }, (_, i) => `npc${i}@example.org`).sort());
    } finally {
      mailer.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('sends, at shutdown, the mails asked for before it, then closes; one asked for after is logged as not sent', async () => {
    const { server, port, received } = await smtpServer({ maxClients: 3 });
    const mailer = new Mailer(loadConfig({ SMTP_URL: `smtp://127.0.0.1:${port}`, SMTP_FROM: 'trace@example.org' }));
    try {
      const asked = Array.from({ length: 5 }, (_, i) => mailer.send([`npc${i}@example.org`], 'ITI Trace: trace overdue', 'See GET /notifications'));
      await mailer.onApplicationShutdown();
      expect(received.flat().sort()).toEqual(Array.from({ length: 5 }, (_, i) => `npc${i}@example.org`).sort());
      await Promise.all(asked);
      await mailer.send(['late@example.org'], 'ITI Trace: trace overdue', 'See GET /notifications');
      expect(warnings).toEqual(['notification e-mail not sent to 1 recipient(s): the service is shutting down']);
      expect(received.flat()).not.toContain('late@example.org');
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('logs a refused delivery without the addresses the server names', async () => {
    const { server, port } = await smtpServer({ maxClients: 5, refuse: 'jeanne.martin@interieur.example' });
    const mailer = new Mailer(loadConfig({ SMTP_URL: `smtp://127.0.0.1:${port}`, SMTP_FROM: 'trace@example.org' }));
    try {
      await mailer.send(['jeanne.martin@interieur.example'], 'ITI Trace: trace overdue', 'See GET /notifications');
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(/not sent to 1 recipient\(s\): EENVELOPE \(SMTP 550\)/);
      expect(warnings[0]).not.toContain('jeanne');
    } finally {
      mailer.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('never sends credentials over smtp:// before STARTTLS: a server that does not offer it gets no password, unless the URL says requireTLS=false', async () => {
    // The test server offers no STARTTLS, as a server would look to someone who strips it on the way.
    const { server, port, received, logins } = await smtpServer({ maxClients: 3 });
    const guarded = new Mailer(loadConfig({ SMTP_URL: `smtp://npc-mail:s3cret@127.0.0.1:${port}`, SMTP_FROM: 'trace@example.org' }));
    const knowingly = new Mailer(loadConfig({ SMTP_URL: `smtp://npc-mail:s3cret@127.0.0.1:${port}?requireTLS=false`, SMTP_FROM: 'trace@example.org' }));
    try {
      await guarded.send(['npc@example.org'], 'ITI Trace: trace overdue', 'See GET /notifications');
      expect(logins).toEqual([]);
      expect(received).toEqual([]);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).not.toContain('s3cret');
      await knowingly.send(['npc@example.org'], 'ITI Trace: trace overdue', 'See GET /notifications');
      expect(logins).toEqual(['npc-mail:s3cret']);
      expect(received).toEqual([['npc@example.org']]);
    } finally {
      guarded.close();
      knowingly.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
