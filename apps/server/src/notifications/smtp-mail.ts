import nodemailer from 'nodemailer';

/** The shape of the appointments' SendMail port, so one SMTP transport serves both. */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  attachments?: Array<{ filename: string; content: string; contentType: string }>;
}
export type SendMail = (mail: OutgoingMail) => Promise<void>;

/** SMTP failures where the server certainly did not take the message: safe to send again later. */
export class MailNotAcceptedError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
  }
}

/**
 * SMTP through nodemailer (smtp://user:pass@host:port, smtps:// for TLS from the start). A refused
 * connection or a 4xx answer is "not accepted, retry"; 5xx is "not accepted, never will be"; a drop
 * after the message was handed over stays an ordinary error (outcome unknown).
 */
export function createSmtpMail(options: { url: string; from: string; timeoutMs?: number }): SendMail & { close(): void } {
  const timeout = options.timeoutMs ?? 30_000;
  const transport = nodemailer.createTransport({ url: options.url, connectionTimeout: timeout, greetingTimeout: timeout, socketTimeout: timeout } as Parameters<typeof nodemailer.createTransport>[0]);
  const send = async (mail: OutgoingMail): Promise<void> => {
    try {
      await transport.sendMail({ from: options.from, to: mail.to, subject: mail.subject, text: mail.text, attachments: mail.attachments });
    } catch (error) {
      const e = error as Error & { code?: string; responseCode?: number; command?: string };
      if (typeof e.responseCode === 'number') throw new MailNotAcceptedError(e.message, e.responseCode >= 500);
      if (e.code === 'ECONNECTION' || (e.command === 'CONN' && e.code !== undefined)) throw new MailNotAcceptedError(e.message, false);
      throw error;
    }
  };
  return Object.assign(send, { close: () => transport.close() });
}
