import WebSocket from 'ws';

/** A raw protocol client: records every frame and the close code. */
export interface RawClient {
  ws: WebSocket;
  frames: Uint8Array[];
  closeCode: number | null;
}

/**
 * Opens a raw WebSocket; resolves with the HTTP status when the upgrade is refused. Frames
 * are recorded from the start: the first one can arrive in the same packet as the upgrade.
 */
export function tryUpgrade(url: string, headers: Record<string, string>): Promise<{ status: number } | { client: RawClient }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    const client: RawClient = { ws, frames: [], closeCode: null };
    ws.on('message', (data: Buffer) => client.frames.push(new Uint8Array(data)));
    ws.on('close', (code) => {
      client.closeCode = code;
    });
    ws.once('unexpected-response', (_req, res) => {
      resolve({ status: res.statusCode ?? 0 });
      res.resume();
      ws.terminate();
    });
    ws.once('open', () => resolve({ client }));
    ws.on('error', (err) => {
      if (!/Unexpected server response/.test(err.message)) reject(err);
    });
  });
}

export async function openRaw(url: string, headers: Record<string, string>): Promise<RawClient> {
  const result = await tryUpgrade(url, headers);
  if (!('client' in result)) throw new Error(`upgrade refused with ${result.status}`);
  return result.client;
}
