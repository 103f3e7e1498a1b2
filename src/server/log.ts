export type LogEntry = Record<string, string | number | boolean | undefined>;
export type Logger = (entry: LogEntry) => void;

/** Structured, one JSON object a line. Never given message or note text, or credentials. */
export const jsonLogger: Logger = (entry) =>
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), ...entry })}\n`);
