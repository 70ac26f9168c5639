"""The user's browser for adcenter's OAuth pages: follows the authorize URL, signs in with the
password form, presses Accept on the consent page, and returns the redirect it was sent to (the
"response URI" Microsoft's examples ask the user to paste). Plain HTTP with cookies, no script,
exactly as the pages expect (same-origin Origin header, CSRF hidden fields)."""
from html.parser import HTMLParser
from urllib.parse import urljoin

import requests


class _Forms(HTMLParser):
    def __init__(self):
        super().__init__()
        self.forms = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == 'form':
            self.forms.append({'action': a.get('action', ''), 'fields': {}})
        elif tag == 'input' and self.forms and a.get('type') == 'hidden':
            self.forms[-1]['fields'][a.get('name')] = a.get('value') or ''


def _form(page, action_part):
    parser = _Forms()
    parser.feed(page)
    for form in parser.forms:
        if action_part in form['action']:
            return form
    raise RuntimeError(f'no form posting to {action_part!r} on the page')


def consent(authorize_url, origin, user_name, password):
    """Returns the Location the consent page's Accept redirects to."""
    browser = requests.Session()
    headers = {'Origin': origin}
    reply = browser.get(authorize_url, allow_redirects=False)
    if reply.is_redirect and '/signin' in reply.headers['Location']:
        page = browser.get(urljoin(origin, reply.headers['Location']))
        form = _form(page.text, '/signin')
        reply = browser.post(urljoin(origin, form['action']), headers=headers, allow_redirects=False,
                             data={**form['fields'], 'userName': user_name, 'password': password})
        if not reply.is_redirect:
            raise RuntimeError(f'sign-in failed: HTTP {reply.status_code}')
        reply = browser.get(urljoin(origin, reply.headers['Location']), allow_redirects=False)
    if reply.status_code != 200:
        raise RuntimeError(f'authorize did not show the consent page: HTTP {reply.status_code} {reply.headers.get("Location", "")}')
    form = _form(reply.text, '/oauth2/')
    reply = browser.post(urljoin(reply.url, form['action']), headers=headers, allow_redirects=False,
                         data={**form['fields'], 'decision': 'accept'})
    if not reply.is_redirect:
        raise RuntimeError(f'consent was not accepted: HTTP {reply.status_code}')
    return reply.headers['Location']
