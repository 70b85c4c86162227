import { Icon } from '@walkup/client';
import { useKiosk } from './kiosk-context.ts';

export function BackButton() {
  const store = useKiosk();
  return (
    <button class="button" type="button" onClick={store.back}>
      <Icon name="back" />
      {store.i18n.t('back')}
    </button>
  );
}
