// The API commands built on adcenter-client, for adcenter or Microsoft's service.
import type { Command } from 'commander';
import { accountsCommand } from './accounts.js';
import { callCommand } from './call.js';
import { customersCommand } from './customers.js';
import { linksCommand } from './links.js';
import { usersCommand } from './users.js';

export function registerClientCommands(program: Command): void {
  for (const command of [accountsCommand(), customersCommand(), usersCommand(), linksCommand(), callCommand()]) program.addCommand(command);
}
