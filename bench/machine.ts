/** The machine a benchmark ran on, in one line. */
import { cpus, totalmem, platform, release } from 'node:os';

/** CPU model, core count, memory, OS, Node and (when given) Chromium versions. */
export function describeMachine(chromium: string | null): string {
  const cpu = cpus();
  const model = cpu[0]?.model.trim() ?? 'unknown CPU';
  const memory = `${(totalmem() / 1024 ** 3).toFixed(1)} GiB RAM`;
  return [`${model}, ${cpu.length} cores`, memory, `${platform()} ${release()}`, `Node ${process.versions.node}`, chromium ? `Chromium ${chromium}` : 'no Chromium'].join('; ');
}
