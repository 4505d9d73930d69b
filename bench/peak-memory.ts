import { resourceUsage } from 'node:process';

/**
 * Peak resident set (from the OS, for the whole process: the embedded store's LevelDB and
 * dynalite included) and the largest JS heap seen, sampled every quarter second.
 */
export class PeakMemory {
  private heap = 0;
  private readonly timer: NodeJS.Timeout;

  constructor() {
    this.timer = setInterval(() => this.sample(), 250);
    this.timer.unref();
  }

  sample(): void {
    this.heap = Math.max(this.heap, process.memoryUsage().heapUsed);
  }

  currentRssMb(): number {
    return process.memoryUsage().rss / 1024 / 1024;
  }

  peakRssMb(): number {
    return resourceUsage().maxRSS / 1024;
  }

  peakHeapMb(): number {
    this.sample();
    return this.heap / 1024 / 1024;
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
