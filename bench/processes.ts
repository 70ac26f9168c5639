// The benchmark's server processes: started (pinned to a core with taskset when asked), ready when
// they print "listening on URL", and measured from /proc: CPU time (user + system) and peak RSS.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';

export interface Started {
  name: string;
  child: ChildProcess;
  url: string;
  /** CPU seconds used so far (user + system). */
  cpuSeconds(): number;
  /** Peak resident set size so far, in MiB. */
  peakRssMiB(): number;
  stop(): Promise<void>;
}

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

export function start(name: string, args: string[], core: number | null, env: NodeJS.ProcessEnv = process.env): Promise<Started> {
  const [command, argv] = core === null ? [process.execPath, args] : ['taskset', ['-c', String(core), process.execPath, ...args]];
  const child = spawn(command, argv, { stdio: ['ignore', 'pipe', 'pipe'], env });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    let done = false;
    // The peers print their address on stdout; adcenter prints its banner on stderr (stdout is its log).
    const look = (): void => {
      const m = /listening on (http:\/\/\S+)/.exec(`${out}\n${err}`);
      if (m && !done) {
        done = true;
        resolve(measured(name, child, m[1]!));
      }
    };
    child.stderr!.on('data', (d: Buffer) => { if (!done) { err += d.toString(); look(); } });
    child.stdout!.on('data', (d: Buffer) => { if (!done) { out += d.toString(); look(); } });
    child.once('exit', (code) => reject(new Error(`${name} exited with ${code}:\n${out}\n${err}`)));
  });
}

function measured(name: string, child: ChildProcess, url: string): Started {
  const pid = child.pid!; // taskset execs node in place: same pid
  return {
    name, child, url,
    cpuSeconds() {
      // Fields after the command name (which may contain spaces): utime is the 14th field, stime the 15th.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
    },
    peakRssMiB() {
      const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      return m ? Number(m[1]) / 1024 : 0;
    },
    stop() {
      return new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      });
    },
  };
}

export const HELLO = `require('node:http').createServer((q, s) => { q.resume(); q.on('end', () => {
  s.writeHead(200, { 'content-type': 'application/json' }); s.end('{"hello":"world"}'); }); })
  .listen(0, '127.0.0.1', function () { console.log('listening on http://127.0.0.1:' + this.address().port); });`;
