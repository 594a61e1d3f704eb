import { type ParseArgsConfig, parseArgs } from 'node:util';

/**
 * The command line of a script, read with node:util parseArgs: `--help`/`-h` prints `usage` and
 * exits 0; an unknown option, a missing value, or a value of `positiveIntegers` that is not a
 * positive integer prints why with the usage and exits 2.
 */
type OptionConfig = NonNullable<ParseArgsConfig['options']>[string];
type Options = Record<string, OptionConfig>;
type Parsed<T extends Options> = ReturnType<typeof parseArgs<{ options: T; allowPositionals: true }>>;

export function parseCommandLine<const T extends Options>(
  name: string,
  usage: string,
  options: T,
  { positiveIntegers = [], args = process.argv.slice(2) }: { positiveIntegers?: ReadonlyArray<keyof T & string>; args?: string[] } = {},
): { values: Parsed<T>['values']; positionals: string[] } {
  const fail = (why: string): never => {
    process.stderr.write(`${name}: ${why}\n${usage}\n`);
    process.exit(2);
  };
  let parsed: Parsed<T> | undefined;
  try {
    parsed = parseArgs({ args, options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true }) as Parsed<T>;
  } catch (error) {
    fail((error as Error).message);
  }
  const { values, positionals } = parsed!;
  if ((values as { help?: boolean }).help) {
    process.stdout.write(`${usage}\n`);
    process.exit(0);
  }
  const bad = positiveIntegers.filter((key) => {
    const n = Number((values as Record<string, unknown>)[key]);
    return !Number.isInteger(n) || n < 1;
  });
  if (bad.length > 0) fail(`${bad.map((k) => `--${k}`).join(', ')} must be a positive integer`);
  return { values, positionals };
}
