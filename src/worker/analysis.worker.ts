/// <reference lib="webworker" />
/** The analysis worker: a thin shell over AnalysisSession. */
import { AnalysisSession } from './handlers.ts';
import type { RequestMessage, ResponseMessage } from './protocol.ts';

const session = new AnalysisSession();
const post = (message: ResponseMessage, transfer: Transferable[] = []) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(message, transfer);

function transferables(result: unknown): Transferable[] {
  if (result instanceof ArrayBuffer) return [result];
  const analysis = (result as { analysis?: unknown } | null)?.analysis;
  return analysis instanceof ArrayBuffer ? [analysis] : [];
}

self.onmessage = async (event: MessageEvent<RequestMessage>) => {
  const { id, type, payload } = event.data;
  try {
    // Reading files answers with a promise; other messages (a cancel) are handled while it waits.
    const result = await session.handle(type, payload as never, (progress) => post({ id, progress }));
    // Bytes are handed over, not copied (an imported analysis is hundreds of megabytes).
    post({ id, result }, transferables(result));
  } catch (error) {
    post({ id, error: error instanceof Error ? error.message : String(error) });
  }
};
