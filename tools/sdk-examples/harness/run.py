"""Runs Microsoft's own Bing Ads example programs, unmodified, against this checkout's adcenter.

usage: run.py python-soap (--checkout DIR | --git GITDIR [--ref REF]) [--examples a.py,b.py]
              [--wsdl sdk|served] [--inputs unmodified|filled|both] [--lines N] [--keep]
See docs/sdk-examples.md."""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import urllib.request

from server import Adcenter
from trace_summary import summarize

HERE = os.path.dirname(os.path.abspath(__file__))
SITE = os.path.join(os.path.dirname(HERE), 'python-site')
PYTHON = '/usr/bin/python3'  # Debian's, where python3-suds and python3-requests are installed
NATIVE_CLIENT = 'https://login.microsoftonline.com/common/oauth2/nativeclient'  # the SDK's desktop redirect
PYTHON_SOAP_EXAMPLES = ['search_user_accounts.py', 'invite_user.py', 'client_links.py', 'customer_signup.py']
AGGREGATOR = 33


def main(argv):
    args = _arguments(argv)
    work = tempfile.mkdtemp(prefix='adcenter-sdk-examples-')
    print(f'work folder: {work}')
    server = Adcenter(os.path.join(work, 'data'), os.path.join(work, 'adcenter.log'))
    failures = 0
    try:
        sdk = _checkout(args, os.path.join(work, 'sdk'))
        server.start()
        print(f'adcenter: {server.url}  (log {server.log_path})')
        failures = run_python_soap(args, sdk, server, work)
    finally:
        server.stop()
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
        else:
            print(f'kept {work}')
    return 0 if failures == 0 else 1


def _arguments(argv):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('kind', choices=['python-soap'])
    parser.add_argument('--checkout', help='an SDK checkout (folder with bingads/ and examples/v13/)')
    parser.add_argument('--git', help='a git directory of the SDK; the ref is exported into the work folder')
    parser.add_argument('--ref', default='soap')
    parser.add_argument('--examples', help='comma-separated example file names (default: the Customer Management ones)')
    parser.add_argument('--wsdl', choices=['sdk', 'served'], default='sdk',
                        help="sdk: the SDK's bundled WSDL with adcenter's address; served: adcenter's ?wsdl")
    parser.add_argument('--inputs', choices=['unmodified', 'filled', 'both'], default='both',
                        help='examples with placeholders (INVITE_EMAIL_TO, CLIENT_ACCOUNT_ID): run them as they are, '
                             'with the values they ask the user to type in (in memory, the file is not changed), or both')
    parser.add_argument('--lines', type=int, default=15, help='output lines shown per example')
    parser.add_argument('--keep', action='store_true', help='keep the work folder (store, logs, traces)')
    args = parser.parse_args(argv)
    if bool(args.checkout) == bool(args.git):
        parser.error('give exactly one of --checkout or --git')
    return args


def _checkout(args, target):
    if args.checkout:
        return os.path.abspath(args.checkout)
    os.makedirs(target)
    archive = subprocess.run(['git', '--git-dir', args.git, 'archive', args.ref], capture_output=True, check=True)
    subprocess.run(['tar', '-x', '-C', target], input=archive.stdout, check=True)
    return target


def run_python_soap(args, sdk, server, work):
    examples_dir = os.path.join(sdk, 'examples', 'v13')
    client_id = _register_app(server)
    env = {
        **os.environ,
        'PYTHONPATH': os.pathsep.join([SITE, sdk, HERE]),
        'PYTHONDONTWRITEBYTECODE': '1',
        'ADCENTER_URL': server.url,
        'ADCENTER_CLIENT_ID': client_id,
        'ADCENTER_WSDL': args.wsdl,
        'ADCENTER_WORK': work,
        'BROWSER': 'true',  # webbrowser.open() in request_user_consent must not start a real browser
    }
    env.pop('ADCENTER_TRACE', None)
    print('\n--- credentials')
    print(f'app registered: client_id={client_id} (redirect URI {NATIVE_CLIENT})')
    refresh_file = os.path.join(examples_dir, 'refresh.txt')  # REFRESH_TOKEN in auth_helper.py, relative to the cwd
    subprocess.run([PYTHON, os.path.join(HERE, 'oauth_refresh_token.py'), client_id, server.demo['user'],
                    server.demo['password'], refresh_file], env=env, check=True, cwd=examples_dir)

    failures = 0
    runs = []
    for name in (args.examples.split(',') if args.examples else PYTHON_SOAP_EXAMPLES):
        inputs = _inputs(name, server)
        if not inputs or args.inputs != 'filled':
            runs.append((name, [], [PYTHON, name]))
        if inputs and args.inputs != 'unmodified':
            runs.append((name, inputs, [PYTHON, os.path.join(HERE, 'launch_with_inputs.py'), name, *inputs]))
    for number, (name, inputs, command) in enumerate(runs, 1):
        print(f'\n=== {name}' + (f'  with inputs {" ".join(inputs)}' if inputs else '  (unmodified)'))
        if name.startswith('customer_signup'):
            _make_aggregator(server)
        if name.startswith('client_links') and inputs:
            _invite_demo_account(server)
        trace = os.path.join(work, f'trace-{number}-{name}.log')
        out_path = os.path.join(work, f'output-{number}-{name}.txt')
        with open(out_path, 'w', encoding='utf-8') as out:
            try:
                done = subprocess.run(command, cwd=examples_dir, env={**env, 'ADCENTER_TRACE': trace},
                                      stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT, timeout=180)
                status = done.returncode
            except subprocess.TimeoutExpired:
                status = 'timeout'
        failures += status != 0
        print(f'exit status: {status}')
        if os.path.exists(trace):
            with open(trace, encoding='utf-8', errors='replace') as f:
                calls = summarize(f.read())
            print('calls:' if calls else 'calls: none')
            for call in calls:
                print(f'  {call}')
        with open(out_path, encoding='utf-8', errors='replace') as f:
            lines = f.read().splitlines()
        print(f'last {min(args.lines, len(lines))} of {len(lines)} output lines:')
        for line in lines[-args.lines:]:
            print(f'  | {line}')
    return failures


def _inputs(name, server):
    """What the example asks the user to type in, for adcenter's demo tenant."""
    if name.startswith('invite_user'):
        return ['INVITE_EMAIL_TO=invitee@example.com']
    if name.startswith('client_links'):
        return [f'CLIENT_ACCOUNT_ID={server.demo["account_id"]}']
    return []


def _register_app(server):
    out = server.cli('app', 'register', '--name', 'Microsoft SDK examples', '--redirect-uri', NATIVE_CLIENT)
    return re.search(r'client_id=(\S+)', out).group(1)


def _rest(server, token, method, path, body, what):
    request = urllib.request.Request(server.url + '/CustomerManagement/v13' + path, method=method,
                                     data=json.dumps(body).encode(), headers={
                                         'Authorization': 'Bearer ' + token, 'DeveloperToken': 'BBD37VB98',
                                         'Content-Type': 'application/json'})
    try:
        with urllib.request.urlopen(request, timeout=10) as reply:
            print(f'setup: {what} -> HTTP {reply.status} {reply.read().decode()[:200]}')
    except urllib.error.HTTPError as error:
        print(f'setup: {what} failed -> HTTP {error.code} {error.read().decode()[:300]}')


def _invite_demo_account(server):
    """client_links finds the link it works on by searching; on a store without one the example
    itself stops (it indexes an empty result). So, as an agency would, an agency customer created
    with adcenter's CLI invites the demo account: the example, signed in as the demo (client) Super
    Admin, then finds the pending link and accepts it (UpdateClientLinks LinkAccepted); a second run
    finds it Active and asks to unlink, which only the agency may (a PartialError)."""
    if getattr(server, 'agency', None) is None:
        out = server.cli('customer', 'create', '--name', 'Example Agency', '--email', 'agency@example.com', '--agency')
        server.agency = dict(re.findall(r'^(\w+)=(\S+)$', out, re.M))
    token = server.cli('token', '--user', 'agency@example.com').strip().splitlines()[-1]
    link = {'Type': 'AccountLink', 'ClientEntityId': server.demo['account_id'],
            'ManagingCustomerId': server.agency['customer_id'], 'IsBillToClient': True,
            'Name': 'Example agency link', 'SuppressNotification': True}
    _rest(server, token, 'POST', '/ClientLinks', {'ClientLinks': [link]}, 'AddClientLinks by the agency to the demo account')


def _make_aggregator(server):
    """customer_signup needs the Aggregator role (33): the demo Super Admin grants it to themselves on
    their customer with UpdateUserRoles (adcenter's REST API), as a tenant administrator would."""
    token = server.cli('token').strip().splitlines()[-1]
    body = {'CustomerId': server.demo['customer_id'], 'UserId': server.demo['user_id'], 'NewRoleId': AGGREGATOR,
            'NewAccountIds': None, 'NewCustomerIds': None, 'DeleteRoleId': None, 'DeleteAccountIds': None,
            'DeleteCustomerIds': None}
    request = urllib.request.Request(server.url + '/CustomerManagement/v13/UserRoles', method='PUT',
                                     data=json.dumps(body).encode(), headers={
                                         'Authorization': 'Bearer ' + token, 'DeveloperToken': 'BBD37VB98',
                                         'Content-Type': 'application/json'})
    try:
        with urllib.request.urlopen(request, timeout=10) as reply:
            print(f'setup: UpdateUserRoles NewRoleId=33 for the demo user -> HTTP {reply.status} {reply.read().decode()[:200]}')
    except urllib.error.HTTPError as error:
        print(f'setup: UpdateUserRoles NewRoleId=33 failed -> HTTP {error.code} {error.read().decode()[:300]}')


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
