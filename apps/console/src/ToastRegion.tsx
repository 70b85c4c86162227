import { useConsole } from './console-context.ts';
import './ToastRegion.css';

/** Always in the DOM so screen readers pick up messages added later. */
export function ToastRegion() {
  const store = useConsole();
  const { list, dismiss } = store.toasts;
  return (
    <div class="toasts" role="status" aria-live="assertive" aria-atomic="false">
      {list.value.map((toast) => (
        <div key={toast.id} class={`toast toast-${toast.kind}`} data-testid="toast">
          <span>{toast.text}</span>
          <button type="button" class="toast-close" aria-label={store.i18n.t('dismiss')} onClick={() => dismiss(toast.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
