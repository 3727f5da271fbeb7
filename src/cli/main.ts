import { Command, InvalidArgumentError } from 'commander';
import { ConfigError } from '../core/config.js';
import { AppError } from '../core/errors.js';
import { auditVerifyCommand, importSubjectsCommand, migrateCommand, seedCommand, staffAddCommand } from './commands.js';
import { defaultWorkers, importLicensesCommand, signCommand, verifyCommand } from './license-commands.js';
import { version } from './runtime.js';
import { serve } from './serve.js';

function count(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n)) throw new InvalidArgumentError('must be a whole number ≥ 0');
  return n;
}

function positive(value: string): number {
  const n = count(value);
  if (n === 0) throw new InvalidArgumentError('must be at least 1');
  return n;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, ...value.split(',').map((s) => s.trim()).filter(Boolean)];
}

/** Runs an action and turns failures into a message on stderr and an exit code (2 = bad input, 1 = failure). */
function run<A extends unknown[]>(action: (...args: A) => Promise<void>): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      await action(...args);
    } catch (err) {
      if (err instanceof ConfigError) {
        process.stderr.write(`mianzheng: ${err.message}\n`);
        process.exit(2);
      }
      if (err instanceof AppError) {
        process.stderr.write(`mianzheng: ${err.message}\n`);
        process.exit(err.code === 'invalid' || err.code === 'conflict' ? 2 : 1);
      }
      process.stderr.write(`mianzheng: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exit(1);
    }
  };
}

const program = new Command('mianzheng')
  .description('免证 mianzheng — certificate-free, proactive government services')
  .version(version)
  .showHelpAfterError('(run with --help for usage)');

program.command('serve').description('migrate, seed and serve the API, console and portal').action(run(serve));
program.command('migrate').description('apply pending database migrations').action(run(migrateCommand));
program
  .command('seed')
  .description('seed reference data (regions, departments, first admin); optionally the demo or synthetic subjects')
  .option('--demo', 'add the Yiyang demo accounts and subjects')
  .option('--synthetic', 'add synthetic persons and organisations')
  .option('--persons <n>', 'synthetic persons', count, 0)
  .option('--organizations <m>', 'synthetic organisations', count, 0)
  .option('--offset <k>', 'index of the first synthetic subject (for disjoint runs)', count, 0)
  .action(run(seedCommand));

const importer = program.command('import').description('import data from .csv or .xlsx files');
importer
  .command('subjects <file>')
  .description('import persons and organisations (bad rows go to the error file; good rows are committed in batches)')
  .option('--errors <file>', 'where to write rejected rows (default: <file>.errors.csv)')
  .option('--batch-size <n>', 'rows per transaction', positive, 1000)
  .option('--department <code>', 'registering department code, e.g. 430900-government_services')
  .action(run(importSubjectsCommand));
importer
  .command('licenses <file>')
  .description('import licences from a department system (bad rows go to the error file; good rows are committed in batches, signed afterwards)')
  .option('--errors <file>', 'where to write rejected rows (default: <file>.errors.csv)')
  .option('--batch-size <n>', 'rows per transaction', positive, 2000)
  .option('--department <code>', 'issuing department for rows without 证照颁发机构代码, e.g. 430903-market_regulation')
  .option('--sign', 'sign the imported licences before exiting (otherwise `mianzheng sign` or a running server does)')
  .option('--workers <n>', 'signing worker threads with --sign', positive, defaultWorkers)
  .action(run(importLicensesCommand));

program
  .command('sign')
  .description('sign every licence still waiting for its signature (bulk imports), in worker threads')
  .option('--workers <n>', 'signing worker threads (default: one per core)', positive, defaultWorkers)
  .option('--batch-size <n>', 'licences claimed per transaction', positive, 1000)
  .action(run(signCommand));

program
  .command('verify <file>')
  .description('verify a signed document (GET /api/v1/licenses/{id}/document) offline with the published keys; with --url also ask the registry')
  .option('--keys <file>', 'the departments\' keys, saved from GET /api/v1/keys')
  .option('--url <url>', 'the platform (https://…): fetch the keys and ask POST /api/v1/verify about revocation')
  .action(run(verifyCommand));

const staffCmd = program.command('staff').description('staff accounts');
staffCmd
  .command('add')
  .description('create a staff account')
  .requiredOption('--username <name>', 'login name (lower-case letters, digits, . _ -)')
  .requiredOption('--name <display>', 'display name')
  .requiredOption('--role <role>', 'admin, officer, clerk, supervisor, auditor or viewer (repeat or comma-separate)', collect, [])
  .requiredOption('--region <code>', 'root of the region scope (12 digits)')
  .option('--department <code>', 'department code, e.g. 430903-market_regulation')
  .option('--password <password>', 'initial password (generated and printed once when omitted)')
  .action(run(staffAddCommand));

const audit = program.command('audit').description('the audit chain');
audit.command('verify').description('walk the hash chain and name the first broken link').action(run(auditVerifyCommand));

await program.parseAsync(process.argv);
