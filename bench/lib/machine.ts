/** The machine a benchmark ran on, for the record. */
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';

export interface MachineInfo {
  cpuModel: string;
  cores: number;
  memoryGiB: number;
  node: string;
  platform: string;
  /** ISO timestamp of the run. */
  date: string;
  /** 1-minute load average when the run started (other work on the machine skews the figures). */
  loadAverage: number;
}

export function machineInfo(): MachineInfo {
  const cpuList = cpus();
  return {
    cpuModel: cpuList[0]?.model.trim() || 'unknown',
    cores: availableParallelism(),
    memoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    date: new Date().toISOString(),
    loadAverage: Math.round(loadavg()[0] * 100) / 100,
  };
}

export function machineMarkdown(m: MachineInfo, loadAtEnd?: number): string {
  const load = loadAtEnd === undefined ? `${m.loadAverage}` : `${m.loadAverage} at the start, ${loadAtEnd} at the end`;
  return [
    `- CPU: ${m.cpuModel}, ${m.cores} cores available to Node (${m.platform})`,
    `- Memory: ${m.memoryGiB} GiB`,
    `- Node: ${m.node}`,
    `- Date: ${m.date}`,
    `- 1-minute load average: ${load}${m.loadAverage > m.cores ? ' (above the core count: other processes were competing for the CPU, so throughput figures are lower than on an idle machine)' : ''}`,
  ].join('\n');
}

export const currentLoad = () => Math.round(loadavg()[0] * 100) / 100;
