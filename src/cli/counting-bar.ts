import cliProgress from 'cli-progress';

/** A progress bar on stderr for a command that counts through a known total: "<what> [███░░] 40% | 400/1000 | …". */
export function countingBar(what: string, options: { etaBuffer?: number } = {}) {
  return new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: `${what} [{bar}] {percentage}% | {value}/{total} | {duration_formatted} elapsed, ETA {eta_formatted}`,
      hideCursor: true,
      ...options,
    },
    cliProgress.Presets.shades_classic,
  );
}

/**
 * Parses a command's arguments: the options, or the exit code when there is nothing to run (usage printed on
 * `--help`, the error and the usage on bad arguments).
 */
export function parseOrExit<T>(
  args: string[],
  parse: (args: string[]) => T | 'help',
  usage: string,
): T | number {
  try {
    const options = parse(args);
    if (options !== 'help') return options;
    process.stdout.write(usage);
    return 0;
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n\n${usage}`);
    return 1;
  }
}
