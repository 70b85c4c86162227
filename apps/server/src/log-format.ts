/**
 * Readable console lines from pino's JSON, without a pretty-printing dependency: the server logs
 * little once access logs are off (start, shutdown, warnings, errors), so one line per entry,
 * "12:04:31 WARN  message key=value", reads better than JSON. `WALKUP_LOG_FORMAT=json` keeps the
 * JSON for log collectors.
 */
const levelNames: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };
/** pino's own fields, shown in the line's frame or not at all. */
const frameFields = new Set(['level', 'time', 'msg', 'pid', 'hostname', 'v']);

function formatValue(value: unknown): string {
  if (typeof value === 'string') return /[\s"=]/.test(value) ? JSON.stringify(value) : value;
  return JSON.stringify(value) ?? String(value);
}

/** One pino JSON line as a one-line message; an error's stack follows on indented lines. */
export function formatLogLine(json: string): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return json.trimEnd();
  }
  const time = new Date(typeof entry.time === 'number' ? entry.time : Date.now()).toISOString().slice(11, 19);
  const level = (levelNames[entry.level as number] ?? String(entry.level)).padEnd(5);
  let stack = '';
  const fields = Object.entries(entry)
    .filter(([key]) => !frameFields.has(key))
    .map(([key, value]) => {
      if (key === 'err' && value && typeof value === 'object') {
        const error = value as { message?: string; stack?: string };
        stack = error.stack ? `\n    ${error.stack.split('\n').slice(1).map((line) => line.trim()).join('\n    ')}` : '';
        return `err=${formatValue(error.message ?? '')}`;
      }
      return `${key}=${formatValue(value)}`;
    });
  return `${time} ${level} ${String(entry.msg ?? '')}${fields.length ? ` ${fields.join(' ')}` : ''}${stack}`;
}

/** A pino destination writing formatted lines to `out` (stdout by default). */
export function createTextLogStream(out: { write(text: string): unknown } = process.stdout) {
  return {
    write(chunk: string): void {
      for (const line of chunk.split('\n')) if (line) out.write(`${formatLogLine(line)}\n`);
    },
  };
}
