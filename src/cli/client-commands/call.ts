// adcenter call OPERATION --body JSON|@file: any of the 39 operations, JSON in and out.
import { Command, InvalidArgumentError } from 'commander';
import { OPERATIONS, type OperationName } from 'adcenter-client';
import { clientFor, withConnection, type ConnectionOptions } from './connection.js';
import { jsonArgument } from './fields.js';
import { guarded } from './output.js';

function operationArgument(value: string): OperationName {
  const match = Object.keys(OPERATIONS).find((name) => name.toLowerCase() === value.toLowerCase());
  if (!match) throw new InvalidArgumentError(`not an operation; one of: ${Object.keys(OPERATIONS).join(', ')}`);
  return match as OperationName;
}

export function callCommand(): Command {
  return withConnection(new Command('call').description('call any operation with a JSON request body; prints the JSON response'))
    .argument('<operation>', 'the operation name (GetUser, SearchAccounts, …)')
    .option('--body <json>', 'the request body as JSON, or @file (@- for stdin)', jsonArgument, {})
    .action((operation: string, opts: ConnectionOptions & { body: Record<string, unknown> }) => guarded(async () => {
      const name = operationArgument(operation);
      const response = await clientFor(opts).call(name, opts.body as never);
      process.stdout.write(`${JSON.stringify(response, null, 2)}\n`);
    }));
}
