import { useState } from 'preact/hooks';
import { AuditLogPanel } from './AuditLogPanel.tsx';
import { useAdminText, type AdminMessage } from './admin-messages.ts';
import { DevicesPanel } from './DevicesPanel.tsx';
import { PersonDataForm } from './PersonDataForm.tsx';
import { SitePrivacyForm } from './SitePrivacyForm.tsx';
import { UsersPanel } from './UsersPanel.tsx';
import './Admin.css';

type Section = Extract<AdminMessage, 'devices' | 'users' | 'audit' | 'privacy'>;
const sections: Section[] = ['devices', 'users', 'audit', 'privacy'];

function PrivacyPanel() {
  return (
    <>
      <SitePrivacyForm />
      <PersonDataForm />
    </>
  );
}

const panels: Record<Section, () => preact.JSX.Element> = { devices: DevicesPanel, users: UsersPanel, audit: AuditLogPanel, privacy: PrivacyPanel };

/** The Admin tab (admin accounts only; the server enforces it on every route regardless). */
export function AdminView() {
  const t = useAdminText();
  const [section, setSection] = useState<Section>('devices');
  const Panel = panels[section];
  return (
    <div class="admin-view">
      <nav class="admin-sections" aria-label={t('sections')}>
        {sections.map((id) => (
          <button key={id} type="button" class="btn" aria-current={section === id ? 'page' : undefined} onClick={() => setSection(id)}>
            {t(id)}
          </button>
        ))}
      </nav>
      <Panel />
    </div>
  );
}
