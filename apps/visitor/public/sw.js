/* global self, URL */
// The phone page's service worker: shows walkup's push notifications and brings the ticket page back on tap.
self.addEventListener('push', (event) => {
  const data = event.data ? event.data.json() : { title: 'walkup', body: '' };
  event.waitUntil(self.registration.showNotification(data.title, { body: data.body, tag: data.tag, renotify: true }));
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  event.waitUntil(
    self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then((windows) => {
      const page = windows.find((w) => new URL(w.url).pathname.startsWith('/visitor/'));
      return page ? page.focus() : self.clients.openWindow('/visitor/');
    }),
  );
});
