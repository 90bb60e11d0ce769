/**
 * `npm run --silent bench:json`: what the build should emit for the data a
 * bundle carries: an object literal (what Vite 8 writes for a JSON import)
 * or `JSON.parse('…')`. Each form is compiled and run in a fresh V8 context,
 * alternately, with a unique comment so no compilation cache helps either.
 * Prints medians side by side; asserts nothing.
 */
import { runInNewContext } from 'node:vm';
import { dataset } from '../utils/dataset/bundled';
import { encodeSlim } from '../utils/dataset/slim';

const ROUNDS = 30;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;

function compare(label: string, data: unknown) {
  const json = JSON.stringify(data);
  const literal = (i: number) => `/*${i}*/ (${json})`;
  const parsed = (i: number) => `/*${i}*/ JSON.parse(${JSON.stringify(json)})`;
  const times = { literal: [] as number[], parsed: [] as number[] };
  for (let i = 0; i < ROUNDS; i++) {
    for (const [form, make] of [
      ['literal', literal],
      ['parsed', parsed],
    ] as const) {
      const code = make(i);
      const start = performance.now();
      runInNewContext(code);
      times[form].push(performance.now() - start);
    }
  }
  const [a, b] = [median(times.literal), median(times.parsed)];
  console.log(
    `${label.padEnd(34)} ${(json.length / 1024).toFixed(0).padStart(5)} KB   object literal ${a.toFixed(2)} ms   JSON.parse ${b.toFixed(2)} ms   (${(a / b).toFixed(1)}×)`,
  );
}

console.log(`compile and run in a fresh context, median of ${ROUNDS}:`);
compare('full dataset (options page)', dataset);
compare('slim dataset (background, popup)', encodeSlim(dataset));
