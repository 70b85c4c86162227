import { useState } from 'preact/hooks';
import { useConsole } from '../console-context.ts';
import { AppointmentSettingsForm } from './AppointmentSettingsForm.tsx';
import { AuditLogPanel } from './AuditLogPanel.tsx';
import { ConfigurationPanel } from './config/ConfigurationPanel.tsx';
import { useAdminText, type AdminMessage } from './admin-messages.ts';
import { DevicesPanel } from './DevicesPanel.tsx';
import { ItsmConnectionsPanel } from './itsm/ItsmConnectionsPanel.tsx';
import { PersonDataForm } from './PersonDataForm.tsx';
import { RemoteCheckInForm } from './RemoteCheckInForm.tsx';
import { SitePrivacyForm } from './SitePrivacyForm.tsx';
import { UsersPanel } from './UsersPanel.tsx';
import './Admin.css';

type Section = Extract<AdminMessage, 'devices' | 'users' | 'audit' | 'privacy' | 'configuration' | 'itsmConnections'>;
const sections: Section[] = ['devices', 'users', 'audit', 'privacy', 'configuration', 'itsmConnections'];

function PrivacyPanel() {
  return (
    <>
      <SitePrivacyForm />
      <PersonDataForm />
      <AppointmentSettingsForm />
      <RemoteCheckInForm />
    </>
  );
}

const panels: Record<Section, () => preact.JSX.Element> = { devices: DevicesPanel, users: UsersPanel, audit: AuditLogPanel, privacy: PrivacyPanel, configuration: ConfigurationPanel, itsmConnections: ItsmConnectionsPanel };

/** What a site admin configures: their sites and those sites' screens; the rest is the company's. */
const siteAdminSections: Section[] = ['configuration', 'devices'];

/** The Admin tab (admins, and site admins for their sites; the server enforces it on every route regardless). */
export function AdminView() {
  const t = useAdminText();
  const scoped = useConsole().session.value?.role === 'site_admin';
  const offered = scoped ? siteAdminSections : sections;
  const [section, setSection] = useState<Section>(offered[0]!);
  const Panel = panels[section];
  return (
    <div class="admin-view">
      <nav class="admin-sections" aria-label={t('sections')}>
        {offered.map((id) => (
          <button key={id} type="button" class="btn" aria-current={section === id ? 'page' : undefined} onClick={() => setSection(id)}>
            {t(id)}
          </button>
        ))}
      </nav>
      <Panel />
    </div>
  );
}
