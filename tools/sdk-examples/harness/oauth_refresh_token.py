"""Gets a refresh token the way a user of Microsoft's Python examples does, through the SDK itself:
OAuthDesktopMobileAuthCodeGrant builds the authorize URL (its table already points at adcenter:
this runs with the harness's sitecustomize), the "browser" signs in and accepts, and the SDK
redeems the response URI at the token endpoint. Writes the refresh token to the given file.

usage: oauth_refresh_token.py CLIENT_ID USER PASSWORD REFRESH_FILE  (ADCENTER_URL set)"""
import os
import sys

from bingads.authorization import OAuthDesktopMobileAuthCodeGrant

from browser import consent


def main(client_id, user_name, password, refresh_file):
    auth = OAuthDesktopMobileAuthCodeGrant(client_id=client_id, env='sandbox')
    auth.state = 'adcenter-sdk-examples'
    authorize_url = auth.get_authorization_endpoint()
    print('authorize URL:', authorize_url)
    response_uri = consent(authorize_url, os.environ['ADCENTER_URL'], user_name, password)
    print('response URI:', response_uri.split('code=')[0] + 'code=…')
    tokens = auth.request_oauth_tokens_by_response_uri(response_uri)
    with open(refresh_file, 'w', encoding='utf-8') as f:
        f.write(tokens.refresh_token)
    print('refresh token written to', refresh_file)


if __name__ == '__main__':
    main(*sys.argv[1:5])
