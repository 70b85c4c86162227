import type { WalkupServer } from './walkup-server.ts';

/**
 * The demo technician (Alex Martin) and the demo kiosk over plain HTTP: browser tests about the
 * visitor's phone drive the rest of the building through the API, not through other screens.
 * Signed in as the demo admin instead, a test sets up what no screen offers yet.
 */
export async function signInStaff(server: WalkupServer, account: { username: string; password: string } = server.access.technician) {
  const login = await fetch(`${server.baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(account),
  });
  if (!login.ok) throw new Error(`sign-in failed: ${login.status} ${await login.text()}`);
  const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const technicianId = 'tech-alex';

  async function post<T>(url: string, body: unknown, headers: Record<string, string> = { cookie, 'x-csrf-token': csrfToken }): Promise<T> {
    const response = await fetch(`${server.baseUrl}${url}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
    if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`);
    return (response.status === 204 ? null : await response.json()) as T;
  }

  return {
    technicianId,
    async seat(deskId: string) {
      const response = await fetch(`${server.baseUrl}/api/technicians/${technicianId}/presence`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
        body: JSON.stringify({ siteId: server.access.siteId, deskId, status: 'available' }),
      });
      if (!response.ok) throw new Error(`seat: ${response.status} ${await response.text()}`);
    },
    checkIn: (categoryId: string, visitor: Record<string, string>) =>
      post<{ id: string; ticketNumber: string; visitorLink: string }>(`/api/sites/${server.access.siteId}/visits`, { categoryId, visitor }, { authorization: `Bearer ${server.access.kioskToken}` }),
    callNext: (deskId: string) => post<{ id: string; ticketNumber: string }>(`/api/desks/${deskId}/call-next`, { technicianId }),
    act: (visitId: string, action: string, body: Record<string, unknown> = {}) => post(`/api/visits/${visitId}/${action}`, { technicianId, ...body }),
    post,
    async get<T>(url: string): Promise<T> {
      const response = await fetch(`${server.baseUrl}${url}`, { headers: { cookie } });
      if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`);
      return (await response.json()) as T;
    },
    async patch<T>(url: string, body: unknown): Promise<T> {
      const response = await fetch(`${server.baseUrl}${url}`, { method: 'PATCH', headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken }, body: JSON.stringify(body) });
      if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`);
      return (await response.json()) as T;
    },
    async remove(url: string) {
      const response = await fetch(`${server.baseUrl}${url}`, { method: 'DELETE', headers: { cookie, 'x-csrf-token': csrfToken } });
      if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`);
    },
  };
}
