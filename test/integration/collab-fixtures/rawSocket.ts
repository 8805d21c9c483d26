import WebSocket from 'ws';

/** Opens a raw WebSocket; resolves with the HTTP status when the upgrade is refused. */
export function tryUpgrade(url: string, headers: Record<string, string>): Promise<{ status: number } | { ws: WebSocket }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    ws.once('unexpected-response', (_req, res) => {
      resolve({ status: res.statusCode ?? 0 });
      res.resume();
      ws.terminate();
    });
    ws.once('open', () => resolve({ ws }));
    ws.once('error', (err) => {
      if (!/Unexpected server response/.test(err.message)) reject(err);
    });
  });
}

/** A raw protocol client: records every frame and the close code. */
export interface RawClient {
  ws: WebSocket;
  frames: Uint8Array[];
  closeCode: number | null;
}

export async function openRaw(url: string, headers: Record<string, string>): Promise<RawClient> {
  const result = await tryUpgrade(url, headers);
  if (!('ws' in result)) throw new Error(`upgrade refused with ${result.status}`);
  const client: RawClient = { ws: result.ws, frames: [], closeCode: null };
  result.ws.on('message', (data: Buffer) => client.frames.push(new Uint8Array(data)));
  result.ws.on('close', (code) => {
    client.closeCode = code;
  });
  result.ws.on('error', () => {});
  return client;
}
