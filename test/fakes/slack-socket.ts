// A local Socket Mode endpoint: what Slack's wss:// server does for an app connected by Socket Mode.
// It greets with "hello", pushes envelopes, and collects the app's acks.
import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import { type WebSocket, WebSocketServer } from "ws";

export type Ack = { envelope_id: string; payload?: unknown };

export class FakeSlackSocket {
  readonly acks: Ack[] = [];
  private server: WebSocketServer | null = null;
  private socket: WebSocket | null = null;
  private connected: Promise<void> = Promise.resolve();

  async start(): Promise<this> {
    this.server = new WebSocketServer({ host: "127.0.0.1", port: 0 });
    await new Promise<void>((resolve) => this.server!.once("listening", () => resolve()));
    this.connected = new Promise((resolve) => {
      this.server!.on("connection", (socket) => {
        this.socket = socket;
        socket.on("message", (data) => this.acks.push(JSON.parse(String(data)) as Ack));
        socket.send(
          JSON.stringify({
            type: "hello",
            num_connections: 1,
            debug_info: { host: "fake", approximate_connection_time: 3600 },
            connection_info: { app_id: "A-ENNAKKO" },
          }),
        );
        resolve();
      });
    });
    return this;
  }

  get url(): string {
    return `ws://127.0.0.1:${(this.server!.address() as AddressInfo).port}/link`;
  }

  waitForConnection(): Promise<void> {
    return this.connected;
  }

  /** Pushes one envelope and resolves with the app's ack for it. */
  async send(
    type: "slash_commands" | "interactive" | "events_api",
    payload: Record<string, unknown>,
    timeoutMs = 20_000,
  ): Promise<Ack> {
    const envelopeId = randomUUID();
    this.socket!.send(
      JSON.stringify({
        envelope_id: envelopeId,
        type,
        payload,
        accepts_response_payload: type !== "events_api",
        retry_attempt: 0,
        retry_reason: "",
      }),
    );
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const ack = this.acks.find((a) => a.envelope_id === envelopeId);
      if (ack) return ack;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(`no ack for ${type} envelope`);
  }

  /** Slack's end drops every connection (the server stays up): the app must reconnect. */
  dropConnections(): void {
    for (const client of this.server?.clients ?? []) client.terminate();
  }

  async stop(): Promise<void> {
    for (const client of this.server?.clients ?? []) client.terminate();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
