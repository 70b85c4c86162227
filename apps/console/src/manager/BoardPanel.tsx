import { createBoardConnection, formatElapsed, formatWait } from '@walkup/client';
import type { BoardAlert, ManagerBoard } from '@walkup/domain';
import { useEffect, useState } from 'preact/hooks';
import { useConsole } from '../console-context.ts';
import { useManagerText } from './manager-messages.ts';

const minutesText = (seconds: number) => `${Math.round(seconds / 60)} min`;

function AlertText({ alert, board }: { alert: BoardAlert; board: ManagerBoard }) {
  const t = useManagerText();
  const lang = useConsole().i18n.lang.value;
  const queue = board.queues.find((q) => q.queueId === alert.queueId);
  const queueName = queue ? (queue.name[lang] ?? queue.name.en ?? alert.queueId) : alert.queueId;
  if (alert.kind === 'wait_beyond_target') return <>{t('alert_wait_beyond_target', { ticket: alert.ticketNumber, duration: minutesText(alert.waitedSeconds), queue: queueName, target: minutesText(alert.targetSeconds) })}</>;
  if (alert.kind === 'queue_unstaffed') return <>{t('alert_queue_unstaffed', { queue: queueName, waiting: alert.waiting })}</>;
  return <>{t('alert_called_not_arrived', { ticket: alert.ticketNumber, duration: minutesText(alert.calledSecondsAgo) })}</>;
}

function SiteBoard({ board, siteName }: { board: ManagerBoard; siteName: string }) {
  const t = useManagerText();
  const lang = useConsole().i18n.lang.value;
  return (
    <section class="panel" aria-labelledby={`board-${board.siteId}`} data-testid="site-board">
      <h3 id={`board-${board.siteId}`}>{siteName}</h3>
      <div role="region" aria-live="polite" aria-label={t('alertsTitle')} class="board-alerts">
        <h4>{t('alertsTitle')}</h4>
        {board.alerts.length === 0 ? (
          <p class="muted">{t('noAlerts')}</p>
        ) : (
          <ul>
            {board.alerts.map((alert) => (
              <li key={`${alert.kind}-${'visitId' in alert ? alert.visitId : alert.queueId}`} class={`board-alert board-alert-${alert.kind}`} data-testid="board-alert">
                <AlertText alert={alert} board={board} />
              </li>
            ))}
          </ul>
        )}
      </div>
      <table class="data-table">
        <caption class="visually-hidden">{t('queue')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('queue')}</th>
            <th scope="col">{t('waiting')}</th>
            <th scope="col">{t('longestWait')}</th>
            <th scope="col">{t('estimate')}</th>
            <th scope="col">{t('availableTechnicians')}</th>
          </tr>
        </thead>
        <tbody>
          {board.queues.map((queue) => (
            <tr key={queue.queueId}>
              <th scope="row">{queue.name[lang] ?? queue.name.en ?? queue.queueId}</th>
              <td>{queue.waiting}</td>
              <td>{queue.longestWaitSeconds === null ? t('nobody') : formatElapsed(queue.longestWaitSeconds)}</td>
              <td>{formatWait(queue.estimate, lang)}</td>
              <td>{queue.availableTechnicians}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table class="data-table">
        <caption class="visually-hidden">{t('desk')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('desk')}</th>
            <th scope="col">{t('technician')}</th>
            <th scope="col">{t('status')}</th>
            <th scope="col">{t('serving')}</th>
          </tr>
        </thead>
        <tbody>
          {board.desks.map((desk) => (
            <tr key={desk.deskId}>
              <th scope="row">{desk.name}</th>
              <td>{desk.technicianName ?? t('nobody')}</td>
              <td>{t(`status_${desk.status}`)}</td>
              <td>{desk.serving ? t('servingSince', { ticket: desk.serving.ticketNumber, state: t(`state_${desk.serving.state}`), duration: formatElapsed(desk.serving.sinceSeconds) }) : t('nobody')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** Every site the manager sees, live over the manager channel of the websocket. */
export function BoardPanel() {
  const store = useConsole();
  const t = useManagerText();
  const [boards, setBoards] = useState<ManagerBoard[] | null>(null);
  const [connected, setConnected] = useState(false);
  useEffect(() => {
    const connection = createBoardConnection({ onBoards: setBoards, onConnectedChange: setConnected, onError: (_code, message) => store.toasts.show(message) });
    return () => connection.close();
  }, [store]);
  const nameOf = (siteId: string) => store.sites.value.find((s) => s.id === siteId)?.name ?? siteId;
  return (
    <section class="panel" aria-labelledby="board-title">
      <div class="panel-heading">
        <h2 id="board-title">{t('boardTitle')}</h2>
        <span class={connected ? 'status-on' : 'status-off'} role="status">
          {connected ? t('live') : t('offline')}
        </span>
      </div>
      {boards === null ? <p role="status">{store.i18n.t('loading')}</p> : boards.map((board) => <SiteBoard key={board.siteId} board={board} siteName={nameOf(board.siteId)} />)}
    </section>
  );
}
