/**
 * Crash injection: wraps the pipeline's ports so that one chosen call fails once, either before
 * it reaches the real adapter (the effect never happens) or after (the effect happened, then the
 * process "died" before it could go on). Everything else passes through untouched.
 */
import type { PipelineDeps } from '../../shared/pipeline/process-document.js';

export class InjectedCrash extends Error {
  constructor(readonly at: string) {
    super(`injected crash ${at}`);
    this.name = 'InjectedCrash';
  }
}

export type Port = 'uploads' | 'archive' | 'records' | 'ocr' | 'signer';

export interface Fault {
  port: Port;
  method: string;
  /** `before`: the call fails without effect; `after`: the call takes effect, then fails. */
  when: 'before' | 'after';
  /** Which call of that method fails, counting from 1. @default 1 */
  nth?: number;
}

export const describeFault = (f: Fault) => `${f.when} ${f.port}.${f.method}${f.nth && f.nth > 1 ? ` #${f.nth}` : ''}`;

/** The ports of `deps`, with `fault` armed; `fired()` tells whether it went off. */
export function withFault(deps: PipelineDeps, fault: Fault): { deps: PipelineDeps; fired: () => boolean } {
  let calls = 0;
  let fired = false;
  const wrap = <T extends object>(target: T): T =>
    new Proxy(target, {
      get(obj, prop, receiver) {
        const value = Reflect.get(obj, prop, receiver);
        if (typeof value !== 'function') return value;
        // adapters may keep #private state: always call them on themselves, not on the proxy
        if (prop !== fault.method) return (value as (...a: unknown[]) => unknown).bind(obj);
        return async (...args: unknown[]) => {
          const due = !fired && ++calls === (fault.nth ?? 1);
          if (due && fault.when === 'before') {
            fired = true;
            throw new InjectedCrash(describeFault(fault));
          }
          const result = await (value as (...a: unknown[]) => Promise<unknown>).apply(obj, args);
          if (due) {
            fired = true;
            throw new InjectedCrash(describeFault(fault));
          }
          return result;
        };
      },
    });
  return { deps: { ...deps, [fault.port]: wrap(deps[fault.port]) }, fired: () => fired };
}
