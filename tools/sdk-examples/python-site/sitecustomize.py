"""Points Microsoft's Bing Ads Python SDK (the SOAP `bingads` package) at an adcenter instance.

Loaded by Python at start-up because the harness puts this folder on PYTHONPATH. It changes no
file of the SDK or of the examples: it rewrites, right after their modules are imported, only

* the SDK's service table (`bingads.service_info.SERVICE_INFO_DICT`): every service's WSDL
  becomes a copy of the SDK's own WSDL whose `soap:address` is adcenter (ADCENTER_WSDL=sdk, the
  default), or adcenter's served `?wsdl` (ADCENTER_WSDL=served);
* the SDK's OAuth tables (`bingads.authorization._UriOAuthService`): authorize and token URLs go
  to adcenter; redirect URIs stay as they are (the app registration lists the SDK's);
* the credentials Microsoft tells users to type into the examples' `auth_helper.py`: CLIENT_ID
  (the app registered in adcenter) and, when set, DEVELOPER_TOKEN.

With ADCENTER_TRACE set, suds' request/reply log goes to that file for the harness's summary.
Environment: ADCENTER_URL (required), ADCENTER_CLIENT_ID, ADCENTER_DEVELOPER_TOKEN,
ADCENTER_WSDL, ADCENTER_WORK (folder for the rewritten WSDL copies), ADCENTER_TRACE.
"""
import importlib.abc
import importlib.util
import os
import re
import sys
from urllib.parse import unquote, urlparse

ADCENTER = os.environ.get('ADCENTER_URL', '').rstrip('/')
IDENTITY_HOSTS = ('https://login.microsoftonline.com', 'https://login.windows-ppe.net')
SOAP_PATH = '/Api/CustomerManagement/v13/CustomerManagementService.svc'


def _redirect_service_table(module):
    for table in module.SERVICE_INFO_DICT.values():
        for key, url in list(table.items()):
            table[key] = _adcenter_wsdl(key, url)


def _adcenter_wsdl(key, url):
    service = key[0]
    if os.environ.get('ADCENTER_WSDL') == 'served' and service == 'customermanagement':
        return ADCENTER + SOAP_PATH + '?wsdl'
    if not url.startswith('file:'):
        return url
    source = unquote(urlparse(url).path)
    if not os.path.exists(source) and source.startswith('//'):
        source = source[1:]
    with open(source, encoding='utf-8') as f:
        text = f.read()
    # Same path on adcenter: services it does not host answer 404 there instead of leaving the machine.
    text = re.sub(r'(<soap:address location=")https?://[^/"]+', lambda m: m.group(1) + ADCENTER, text)
    folder = os.path.join(os.environ.get('ADCENTER_WORK', '.'), 'wsdl', key[1])
    os.makedirs(folder, exist_ok=True)
    target = os.path.join(folder, os.path.basename(source))
    with open(target, 'w', encoding='utf-8') as f:
        f.write(text)
    return 'file://' + target


def _redirect_oauth_tables(module):
    uris = module._UriOAuthService
    for table in (uris.AUTHORIZE_URI, uris.AUTH_TOKEN_URI):
        for key, url in list(table.items()):
            for host in IDENTITY_HOSTS:
                if url.startswith(host):
                    table[key] = ADCENTER + url[len(host):]


def _fill_in_credentials(module):
    if os.environ.get('ADCENTER_CLIENT_ID'):
        module.CLIENT_ID = os.environ['ADCENTER_CLIENT_ID']
    if os.environ.get('ADCENTER_DEVELOPER_TOKEN'):
        module.DEVELOPER_TOKEN = os.environ['ADCENTER_DEVELOPER_TOKEN']


AFTER_IMPORT = {
    'bingads.service_info': _redirect_service_table,
    'bingads.authorization': _redirect_oauth_tables,
    'auth_helper': _fill_in_credentials,
}


class _AfterImport(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Finds the modules above with the normal finders, then runs the rewrite after they execute."""

    def find_spec(self, name, path, target=None):
        if name not in AFTER_IMPORT:
            return None
        sys.meta_path.remove(self)
        try:
            spec = importlib.util.find_spec(name)
        finally:
            sys.meta_path.insert(0, self)
        if spec is None or spec.loader is None:
            return None
        spec.loader = _Wrapped(spec.loader, AFTER_IMPORT[name])
        return spec


class _Wrapped(importlib.abc.Loader):
    def __init__(self, loader, after):
        self._loader = loader
        self._after = after

    def create_module(self, spec):
        return self._loader.create_module(spec)

    def exec_module(self, module):
        self._loader.exec_module(module)
        self._after(module)

    def __getattr__(self, name):  # get_source, get_filename, … for tracebacks and inspect
        return getattr(self._loader, name)


def _trace_suds(path):
    import logging
    handler = logging.FileHandler(path, encoding='utf-8')
    handler.setFormatter(logging.Formatter('===== %(name)s\n%(message)s'))
    log = logging.getLogger('suds.client')
    log.setLevel(logging.DEBUG)
    log.addHandler(handler)
    log.propagate = False


if ADCENTER:
    sys.meta_path.insert(0, _AfterImport())
    if os.environ.get('ADCENTER_TRACE'):
        _trace_suds(os.environ['ADCENTER_TRACE'])
