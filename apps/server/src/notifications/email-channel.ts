import { PermanentSendError, RetryableSendError, type NotificationChannel } from './notification-channel.ts';
import { emailText, notificationTitle } from './notification-text.ts';
import { MailNotAcceptedError, type SendMail } from './smtp-mail.ts';

/** Email to the address the visitor gave (kiosk email identity, guest email). */
export function createEmailChannel(sendMail: SendMail): NotificationChannel {
  return {
    name: 'email',
    reaches: (target) => target.email !== null && target.email !== '',
    async send(target, message) {
      try {
        await sendMail({ to: target.email!, subject: notificationTitle(message), text: emailText(message) });
      } catch (error) {
        if (error instanceof MailNotAcceptedError) throw error.permanent ? new PermanentSendError(error.message) : new RetryableSendError(error.message);
        throw error;
      }
    },
  };
}
