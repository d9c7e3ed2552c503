/**
 * Where the process is in its life, for GET /readyz and /healthz:
 * `starting` (listening, start-up not finished) → `ready` → on SIGTERM `draining` (still serving,
 * /readyz 503 so load balancers stop sending, for CDS_DRAIN_MS) → `stopping` (listener closed,
 * running requests finish).
 */
export type LifecycleState = 'starting' | 'ready' | 'draining' | 'stopping';

export interface Lifecycle {
  readonly state: LifecycleState;
  ready(): void;
  drain(): void;
  stop(): void;
}

export function createLifecycle(initial: LifecycleState = 'starting'): Lifecycle {
  let state = initial;
  return {
    get state() {
      return state;
    },
    ready: () => {
      if (state === 'starting') state = 'ready';
    },
    drain: () => {
      if (state === 'starting' || state === 'ready') state = 'draining';
    },
    stop: () => {
      state = 'stopping';
    },
  };
}

/** Shutdown has begun (draining or stopping). */
export function isShuttingDown(lifecycle: Lifecycle): boolean {
  return lifecycle.state === 'draining' || lifecycle.state === 'stopping';
}
