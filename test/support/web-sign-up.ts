// Signing up through the real /signup page over HTTP, as a browser does: fetch the form (and its
// form-token cookie), post it from this site.
export interface SignUpFields {
  customerName: string;
  accountName: string;
  email: string;
  password: string;
  currency?: string;
  country?: string;
  firstName?: string;
  lastName?: string;
}

/** The form post's response: 303 to the accounts page on success, 400 with the form on a refusal. */
export async function signUpOverHttp(baseUrl: string, f: SignUpFields): Promise<Response> {
  const page = await fetch(`${baseUrl}/signup`);
  const formCookie = page.headers.getSetCookie().map((c) => c.split(';')[0]!).join('; ');
  const csrf = /name="csrf" value="([^"]+)"/.exec(await page.text())![1]!;
  return fetch(`${baseUrl}/signup`, {
    method: 'POST', redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: formCookie, Origin: baseUrl },
    body: new URLSearchParams({
      csrf, customerName: f.customerName, accountName: f.accountName, currency: f.currency ?? 'USD', country: f.country ?? 'US',
      firstName: f.firstName ?? 'Zoë', lastName: f.lastName ?? 'Müller', email: f.email, password: f.password, confirm: f.password,
    }).toString(),
  });
}
