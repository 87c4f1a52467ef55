/**
 * The embedded emulator never outlives a failed start: when Azurite does not open its ports in time, the
 * process is stopped before the error reaches the caller (who has nothing to stop it with).
 */
import { execFileSync } from 'node:child_process';
import { startAzurite } from '../../bot/src/devstack/azurite';

function azuriteProcessesOnPort(port: number): string[] {
  const lines = execFileSync('ps', ['-eo', 'pid,args'], { encoding: 'utf8' }).split('\n');
  return lines.filter((line) => line.includes('azurite.js') && line.includes(`--tablePort ${port}`));
}

describe('startAzurite', () => {
  it('stops the emulator it started when its ports do not open in time', async () => {
    const tablePort = 20_000 + Math.floor(Math.random() * 20_000);
    await expect(startAzurite({ tablePort, startTimeoutMs: 0 })).rejects.toThrow(/did not open port/);
    for (let waited = 0; waited < 5_000 && azuriteProcessesOnPort(tablePort).length > 0; waited += 100) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(azuriteProcessesOnPort(tablePort)).toEqual([]);
  });

  it('starts and answers on its table port within the normal wait', async () => {
    const azurite = await startAzurite();
    try {
      expect(azuriteProcessesOnPort(azurite.ports.table)).toHaveLength(1);
    } finally {
      await azurite.stop();
    }
    expect(azuriteProcessesOnPort(azurite.ports.table)).toEqual([]);
  });
});
