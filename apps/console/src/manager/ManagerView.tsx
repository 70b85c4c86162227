import './Manager.css';
import { BoardPanel } from './BoardPanel.tsx';
import { ReportsPanel } from './ReportsPanel.tsx';
import { StaffingPanel } from './StaffingPanel.tsx';
import { ManagerBroadcastForm } from './ManagerBroadcastForm.tsx';

/** What a service manager watches (the live board) and reads (reports), in one lazily loaded tab. */
export function ManagerView() {
  return (
    // A div: the console's own <main> already holds every tab, and a page has one main landmark.
    <div class="manager-view">
      <BoardPanel />
      <ManagerBroadcastForm />
      <ReportsPanel />
      <StaffingPanel />
    </div>
  );
}
