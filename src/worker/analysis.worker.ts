/// <reference lib="webworker" />
/** The analysis worker: a thin shell over AnalysisSession. */
import { AnalysisSession } from './handlers.ts';
import type { RequestMessage, ResponseMessage } from './protocol.ts';

const session = new AnalysisSession();
const post = (message: ResponseMessage, transfer: Transferable[] = []) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(message, transfer);

self.onmessage = async (event: MessageEvent<RequestMessage>) => {
  const { id, type, payload } = event.data;
  try {
    // Reading files answers with a promise; other messages (a cancel) are handled while it waits.
    const result = await session.handle(type, payload as never, (progress) => post({ id, progress }));
    // Bytes are handed over, not copied.
    post({ id, result }, result instanceof ArrayBuffer ? [result] : []);
  } catch (error) {
    post({ id, error: error instanceof Error ? error.message : String(error) });
  }
};
