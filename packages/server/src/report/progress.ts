/**
 * Progress on stderr, so stdout or the output file holds only the report. On a terminal one line is
 * rewritten in place; otherwise (CI logs, pipes) a line is printed at most every `intervalMs`.
 */

export interface ProgressSink {
  /** A state that may be shown now or skipped (throttled). */
  update(message: string): void;
  /** A message that is always shown (start, resume, done). */
  note(message: string): void;
}

export function stderrProgress(stream: NodeJS.WriteStream = process.stderr, intervalMs = 1000, now: () => number = Date.now): ProgressSink {
  let last = -Infinity;
  let open = false;
  const tty = Boolean(stream.isTTY);
  const end = () => {
    if (open) stream.write('\n');
    open = false;
  };
  return {
    update(message) {
      if (now() - last < intervalMs) return;
      last = now();
      if (tty) {
        stream.write(`\r\u001b[2K${message}`);
        open = true;
      } else {
        stream.write(`${message}\n`);
      }
    },
    note(message) {
      end();
      stream.write(`${message}\n`);
    },
  };
}
