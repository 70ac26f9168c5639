// `adcenter user password EMAIL`: the operator sets a user's password — the way back in when the
// demo tenant's once-printed password (or any user's) is lost. A new random password is printed
// once on stdout (`password=…`), unless one is given with --password or on stdin
// (--password-stdin, first line). The user's web sessions end; their API tokens stay valid.
import { randomBytes } from 'node:crypto';
import { setUserPassword } from '../auth/password-reset.js';
import { newPasswordProblem } from '../auth/passwords.js';
import { withStore, type StoreOptions } from './store-options.js';

export interface UserPasswordOptions extends StoreOptions {
  password?: string | undefined;
  passwordStdin?: boolean | undefined;
}

export async function userPassword(userName: string, options: UserPasswordOptions): Promise<void> {
  if (options.password !== undefined && options.passwordStdin) throw new Error('Give --password or --password-stdin, not both.');
  const given = options.passwordStdin ? await firstLine(process.stdin) : options.password;
  const password = given ?? randomBytes(12).toString('base64url');
  const problem = newPasswordProblem(password, password);
  if (problem) throw new Error(problem);
  return withStore(options, async (store, environment) => {
    const user = await store.getUserByName(userName);
    if (!user) throw new Error(`No user named ${userName} in this store.`);
    if (!(await setUserPassword(store, user, password, new Date()))) throw new Error(`No user named ${userName} in this store.`);
    process.stderr.write(`Set the password of ${user.userName} (${environment}); their web sessions were ended.${given === undefined ? ' The password is shown only now.' : ''}\n`);
    process.stdout.write(`user_id=${user.id}\nuser_name=${user.userName}\n${given === undefined ? `password=${password}\n` : ''}`);
  });
}

async function firstLine(stream: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  for await (const chunk of stream) {
    text += chunk.toString();
    if (text.includes('\n')) break;
  }
  return text.split(/\r?\n/)[0]!;
}
