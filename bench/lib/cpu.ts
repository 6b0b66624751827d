/**
 * CPU time, which other work on a shared machine disturbs far less than wall time: this
 * process (all its threads, so tesseract.js workers count) and its finished child processes.
 */
import { readFileSync } from 'node:fs';

/** CPU milliseconds this process has used, all threads. */
export function ownCpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** CPU milliseconds used by child processes that have exited and been waited for (Linux only; NaN elsewhere). */
export function childrenCpuMs(): number {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields after the command: state(0) ... cutime(13) cstime(14), in clock ticks (USER_HZ, 100 on Linux)
    return ((Number(fields[13]) + Number(fields[14])) * 1000) / 100;
  } catch {
    return Number.NaN;
  }
}
