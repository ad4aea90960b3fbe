import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export interface ChildRun {
  /** Wall time measured here, from spawn to exit. */
  wallMs: number;
  /** Peak resident set of the node process, from GNU time (%M, KiB), in MiB. */
  peakRssMiB: number;
  stdout: string;
  code: number;
}

/**
 * Runs a Shahrvand CLI command as one node process (no npx/tsx wrapper, so the peak RSS measured is that of
 * the process doing the work), under GNU time for its peak RSS. stderr (progress bars) goes to a log file.
 */
export async function runCli(
  args: string[],
  env: Record<string, string>,
  workDir: string,
  okCodes: number[] = [0],
): Promise<ChildRun> {
  const cwd = path.join(workDir, 'tree');
  const timeFile = path.join(workDir, `time-${Date.now()}.txt`);
  const logFile = path.join(workDir, `${args[0]}-${Date.now()}.log`);
  const log = fs.openSync(logFile, 'w');
  const started = performance.now();
  const child = spawn(
    '/usr/bin/time',
    ['-o', timeFile, '-f', '%e %M', process.execPath, '--import', 'tsx', 'src/cli/main.ts', ...args],
    { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', log] },
  );
  let stdout = '';
  child.stdout?.setEncoding('utf8');
  child.stdout?.on('data', (chunk: string) => {
    stdout += chunk;
  });
  const code = await new Promise<number>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (exitCode) => resolve(exitCode ?? 1));
  });
  const wallMs = performance.now() - started;
  fs.closeSync(log);
  const timeText = fs.readFileSync(timeFile, 'utf8').trim().split('\n').pop() ?? '';
  const peakKiB = Number(timeText.split(' ')[1]);
  if (!okCodes.includes(code)) {
    const tail = fs.readFileSync(logFile, 'utf8').split(/\r|\n/).filter(Boolean).slice(-15).join('\n');
    throw new Error(`CLI ${args.join(' ')} exited with ${code}\n${stdout}\n${tail}`);
  }
  return { wallMs, peakRssMiB: peakKiB / 1024, stdout, code };
}

/** Peak RSS of a CLI process that loads the command's modules and exits at once (`--help`; import exits 1). */
export async function idleCliRss(command: string, workDir: string): Promise<number> {
  return (await runCli([command, '--help'], {}, workDir, [0, 1])).peakRssMiB;
}

/**
 * Copies the code the children run (src/, the bare server, package.json, tsconfig.json; node_modules and dist
 * linked) into workDir/tree at the start, so the seed, the server and the importer all run the same code even
 * while others edit the working tree (a migration edited mid-run makes the server refuse the database).
 */
export function snapshotTree(workDir: string): string {
  const tree = path.join(workDir, 'tree');
  fs.mkdirSync(path.join(tree, 'bench'), { recursive: true });
  fs.cpSync('src', path.join(tree, 'src'), { recursive: true });
  fs.copyFileSync('bench/bare-server.ts', path.join(tree, 'bench', 'bare-server.ts'));
  for (const file of ['package.json', 'tsconfig.json']) fs.copyFileSync(file, path.join(tree, file));
  for (const dir of ['node_modules', 'dist'])
    if (fs.existsSync(dir)) fs.symlinkSync(path.resolve(dir), path.join(tree, dir));
  return tree;
}

/** Like bench/lib startProcess (own process group, stderr shown), run in the snapshot. */
export function startInTree(
  workDir: string,
  command: string,
  args: string[],
  env: Record<string, string>,
): ChildProcess {
  return spawn(command, args, {
    cwd: path.join(workDir, 'tree'),
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
}
