/**
 * The frame source: while the clock runs, it sends `frame { dtMs }` to the controller once per display frame.
 * Invoked only in the running state, so pausing stops it. Outside a browser (tests, Node) it falls back to a
 * 16 ms interval; tests usually replace it with a silent actor and send frames themselves.
 */
import { fromCallback } from 'xstate';

export type FrameEvent = { type: 'frame'; dtMs: number };

export const frameSource = fromCallback<{ type: 'noop' }>(({ sendBack }) => {
  const send = (dtMs: number) => sendBack({ type: 'frame', dtMs } satisfies FrameEvent);
  if (typeof requestAnimationFrame === 'function') {
    let last: number | undefined;
    let handle = 0;
    const loop = (now: number) => {
      if (last !== undefined) send(now - last);
      last = now;
      handle = requestAnimationFrame(loop);
    };
    handle = requestAnimationFrame(loop);
    return () => cancelAnimationFrame(handle);
  }
  const timer = setInterval(() => send(16), 16);
  return () => clearInterval(timer);
});
