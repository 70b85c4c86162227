import type { ItsmConnectionView } from '@walkup/client';
import { expect, it } from 'vitest';
import { connectionBody, initialValues } from '../src/admin/itsm/vendor-fields.ts';

const stored: ItsmConnectionView = {
  name: 'campus',
  vendor: 'rt',
  source: 'stored',
  settings: { url: 'https://rt.campus.test/REST/2.0', queue: 'Walk-up', statuses: { noShow: 'rejected' }, visitIdField: 'VisitId' },
  secrets: { token: { set: true } },
  sites: [],
  updatedAt: null,
};

it('starts an edit from the stored settings with every secret blank', () => {
  expect(initialValues('rt', stored)).toEqual({ url: 'https://rt.campus.test/REST/2.0', token: '', queue: 'Walk-up', visitIdField: 'VisitId' });
});

it('keeps the options the form does not show, sends a blank secret blank (kept by the server), and drops an emptied option', () => {
  const values = { ...initialValues('rt', stored), queue: 'General', visitIdField: ' ' };
  expect(connectionBody('rt', values, stored)).toEqual({ vendor: 'rt', url: 'https://rt.campus.test/REST/2.0', token: '', queue: 'General', statuses: { noShow: 'rejected' } });
});

it('builds nested fields, and a new ServiceNow connection signs in with a user name and password', () => {
  const values = { instanceUrl: 'https://acme.service-now.com', 'auth.username': 'walkup', 'auth.password': 's3cret', table: '' };
  expect(connectionBody('servicenow', values, null)).toEqual({ vendor: 'servicenow', instanceUrl: 'https://acme.service-now.com', auth: { kind: 'basic', username: 'walkup', password: 's3cret' } });
});

it('does not carry one vendor’s settings into another', () => {
  expect(connectionBody('webhook', { url: 'https://hooks.test/walkup', secret: '' }, stored)).toEqual({ vendor: 'webhook', url: 'https://hooks.test/walkup', secret: '' });
});
