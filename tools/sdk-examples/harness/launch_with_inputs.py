"""Runs an example script with the inputs its comments tell the user to type in ("You must edit
this example to provide …"), without writing to the file: the module-level assignment of each
NAME is replaced in memory, then the script runs as __main__ from its own path.

usage: launch_with_inputs.py SCRIPT NAME=VALUE..."""
import os
import re
import sys


def main(script, assignments):
    with open(script, encoding='utf-8') as f:
        source = f.read()
    for assignment in assignments:
        name, value = assignment.split('=', 1)
        source, count = re.subn(rf'^{re.escape(name)}\s*=.*$', lambda m: f'{name} = {value!r}', source, count=1, flags=re.M)
        if count != 1:
            raise SystemExit(f'{script} has no top-level {name} = … line')
    sys.argv = [script]
    sys.path[0] = os.path.dirname(os.path.abspath(script))  # as `python3 SCRIPT` would have it
    code = compile(source, script, 'exec')
    globals_ = {'__name__': '__main__', '__file__': script, '__builtins__': __builtins__}
    exec(code, globals_)


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2:])
