"""Starts this checkout's adcenter on a free port with a throw-away SQLite store, and stops it."""
import os
import re
import shutil
import subprocess
import threading
import time
import urllib.request

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..', '..'))
MAIN_JS = os.path.join(REPO, 'dist', 'src', 'cli', 'main.js')


class Adcenter:
    """One running server; `url`, `password` of the demo Super Admin, and the CLI on its store."""

    def __init__(self, data_dir, log_path):
        self.data_dir = data_dir
        self.log_path = log_path
        self.process = None
        self.url = None
        self.demo = {}

    def start(self, timeout=30):
        if not os.path.exists(MAIN_JS):
            raise SystemExit(f'{MAIN_JS} is missing: run `npm run build` first.')
        self._log = open(self.log_path, 'w', encoding='utf-8')
        self.process = subprocess.Popen(
            ['node', MAIN_JS, 'serve', '--port', '0', '--data', self.data_dir, '--log-level', 'info'],
            stdout=self._log, stderr=subprocess.PIPE, text=True, cwd=REPO)
        deadline = time.monotonic() + timeout
        banner = []
        # The banner (address, then the demo tenant) comes on stderr before any request is served.
        while time.monotonic() < deadline:
            line = self.process.stderr.readline()
            if not line:
                raise SystemExit('adcenter exited early; see ' + self.log_path)
            banner.append(line)
            found = re.search(r'listening on (http://\S+)', line)
            if found:
                self.url = found.group(1)
            found = re.search(r'user\s+(\S+)\s+id (\d+).*password (\S+)', line)
            if found:
                self.demo.update(user=found.group(1), user_id=found.group(2), password=found.group(3))
            found = re.search(r'^\s*(customer|account)\s+.*\bid (\d+)', line)
            if found:
                self.demo[found.group(1) + '_id'] = found.group(2)
            if line.startswith('An access token for the demo Super Admin'):
                break
        self._log.write(''.join(banner))
        self._log.flush()
        # stdout (the pino request log) goes to the log file; so does the rest of stderr from here on.
        self._drain = threading.Thread(target=shutil.copyfileobj, args=(self.process.stderr, self._log), daemon=True)
        self._drain.start()
        with urllib.request.urlopen(self.url + '/health', timeout=5) as reply:
            reply.read()
        return self

    def cli(self, *args):
        """Runs `adcenter …` on this server's store; returns stdout."""
        done = subprocess.run(['node', MAIN_JS, *args, '--data', self.data_dir],
                              capture_output=True, text=True, cwd=REPO, check=True)
        return done.stdout

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
        if getattr(self, '_drain', None):
            self._drain.join(5)
        if getattr(self, '_log', None):
            self._log.close()
