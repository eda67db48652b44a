import { createConnection, createServer, type Server, type Socket } from 'node:net';

/**
 * What a Kubernetes Service does for replicas, reduced to a TCP proxy: each new connection goes to the next
 * replica in turn; a replica that refuses the connection (killed, restarting) is skipped for that connection,
 * as an endpoint that fails readiness is. Keep-alive connections stay with the replica they reached.
 */
export class RoundRobinService {
  private server: Server | null = null;
  private next = 0;
  private readonly sockets = new Set<Socket>();

  constructor(private readonly ports: () => readonly number[]) {}

  async listen(port: number): Promise<void> {
    this.server = createServer((client) => this.route(client, 0));
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(port, '127.0.0.1', () => resolve());
    });
  }

  private route(client: Socket, tried: number): void {
    const ports = this.ports();
    if (tried >= ports.length) {
      client.destroy();
      return;
    }
    const port = ports[this.next++ % ports.length]!;
    client.pause();
    const upstream = createConnection({ host: '127.0.0.1', port });
    let connected = false;
    upstream.once('connect', () => {
      connected = true;
      this.sockets.add(client).add(upstream);
      client.pipe(upstream).pipe(client);
      client.resume();
    });
    upstream.once('error', (error: NodeJS.ErrnoException) => {
      if (!connected && error.code === 'ECONNREFUSED') return this.route(client, tried + 1);
      client.destroy();
    });
    const forget = () => {
      this.sockets.delete(client);
      this.sockets.delete(upstream);
      client.destroy();
      upstream.destroy();
    };
    client.once('error', forget);
    client.once('close', forget);
    upstream.once('close', () => {
      if (this.sockets.has(upstream)) forget();
    });
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    if (this.server) await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }
}
