/// <reference lib="webworker" />
/** The analysis worker: a thin shell over AnalysisSession. */
import { AnalysisSession } from './handlers.ts';
import type { RequestMessage, ResponseMessage } from './protocol.ts';

const session = new AnalysisSession();
const post = (message: ResponseMessage) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(message);

self.onmessage = (event: MessageEvent<RequestMessage>) => {
  const { id, type, payload } = event.data;
  try {
    const result = session.handle(type, payload as never, (progress) => post({ id, progress }));
    post({ id, result });
  } catch (error) {
    post({ id, error: error instanceof Error ? error.message : String(error) });
  }
};
