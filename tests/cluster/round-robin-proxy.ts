import http from 'node:http';
import net from 'node:net';

/**
 * A small reverse proxy spreading requests and websocket upgrades over several backends in turn, as a
 * load balancer does; a backend that refuses the connection is skipped (the request goes to the next).
 */
export async function startRoundRobinProxy(backends: () => number[]): Promise<{ port: number; close(): Promise<void> }> {
  let turn = 0;
  const pick = () => {
    const ports = backends();
    return ports[turn++ % ports.length]!;
  };
  const server = http.createServer((request, response) => {
    const forward = (attempt: number) => {
      const upstream = http.request({ host: '127.0.0.1', port: pick(), method: request.method, path: request.url, headers: request.headers }, (reply) => {
        response.writeHead(reply.statusCode ?? 502, reply.headers);
        reply.pipe(response);
      });
      upstream.on('error', () => {
        if (attempt < 3 && !response.headersSent) forward(attempt + 1);
        else response.destroy();
      });
      body.then((chunks) => upstream.end(Buffer.concat(chunks)));
    };
    const body = new Promise<Buffer[]>((resolve) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => resolve(chunks));
    });
    forward(1);
  });
  server.on('upgrade', (request, socket, head) => {
    const upstream = net.connect(pick(), '127.0.0.1', () => {
      const lines = [`${request.method} ${request.url} HTTP/1.1`, ...Object.entries(request.headers).map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(', ') : v}`)];
      upstream.write(`${lines.join('\r\n')}\r\n\r\n`);
      upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
