import { QrCode } from '@walkup/client';
import { useLayoutEffect, useRef } from 'preact/hooks';
import { useConsole } from './console-context.ts';

export interface IssuedPhoneLink {
  ticketNumber: string;
  link: string;
}

/**
 * A new phone link for a visitor who lost theirs (or whose link was shared): the old one stopped
 * working; the technician shows this code or reads the link out.
 */
export function PhoneLinkPanel({ issued, onClose }: { issued: IssuedPhoneLink; onClose: () => void }) {
  const { t } = useConsole().i18n;
  const heading = useRef<HTMLHeadingElement>(null);
  useLayoutEffect(() => heading.current?.focus(), [issued]);
  const url = new URL(issued.link, globalThis.location.origin).href;
  return (
    <div class="phone-link" role="region" aria-labelledby="phone-link-title" data-testid="phone-link">
      <h3 id="phone-link-title" ref={heading} tabIndex={-1}>
        {t('phoneLinkTitle', { ticket: issued.ticketNumber })}
      </h3>
      <QrCode text={url} label={t('phoneLinkQr', { ticket: issued.ticketNumber })} testId="phone-link-qr" />
      <p class="phone-link-text">
        <code>{url}</code>
      </p>
      <p class="muted">{t('phoneLinkHint')}</p>
      <button class="btn" type="button" onClick={onClose}>
        {t('close')}
      </button>
    </div>
  );
}
