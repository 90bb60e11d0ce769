import { describe, expect, it } from 'vitest';
import { serialQueue } from '../extension/serial-queue';

const tick = () => new Promise((done) => setTimeout(done, 0));

describe('serialQueue', () => {
  it('never runs two at once, and runs in the order asked', async () => {
    const log: string[] = [];
    let active = 0;
    let n = 0;
    const gates: (() => void)[] = [];
    const queue = serialQueue(
      async () => {
        const me = ++n;
        active++;
        expect(active).toBe(1);
        log.push(`start ${me}`);
        await new Promise<void>((done) => gates.push(done));
        log.push(`end ${me}`);
        active--;
      },
      () => {},
    );
    const first = queue();
    await tick();
    const second = queue();
    await tick();
    expect(log).toEqual(['start 1']);
    gates.shift()!();
    await tick();
    await tick();
    expect(log).toEqual(['start 1', 'end 1', 'start 2']);
    gates.shift()!();
    await Promise.all([first, second]);
    expect(log).toEqual(['start 1', 'end 1', 'start 2', 'end 2']);
  });

  it('joins requests made while a run waits to start into that run', async () => {
    let runs = 0;
    let release: () => void = () => {};
    const queue = serialQueue(
      async () => {
        runs++;
        if (runs === 1) await new Promise<void>((done) => (release = done));
      },
      () => {},
    );
    const first = queue();
    await tick();
    const waiting = [queue(), queue(), queue()];
    expect(new Set(waiting).size).toBe(1);
    release();
    await Promise.all([first, ...waiting]);
    expect(runs).toBe(2);
  });

  it('goes on after a run that failed, and reports the failure', async () => {
    const errors: unknown[] = [];
    let runs = 0;
    const queue = serialQueue(
      async () => {
        runs++;
        if (runs === 1) throw new Error('refused');
      },
      (error) => errors.push(error),
    );
    await queue();
    await queue();
    expect(runs).toBe(2);
    expect(String(errors[0])).toMatch(/refused/);
  });
});
