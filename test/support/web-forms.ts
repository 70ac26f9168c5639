// Posting a form of the web application over HTTP as a browser does: load the page that shows the
// form (its form-token cookie and csrf field), then post the fields from this site.
export interface PostedForm {
  /** The page that carried the form. */
  page: Response;
  pageHtml: string;
  posted: Response;
}

export async function postForm(
  baseUrl: string, pagePath: string, fields: Record<string, string>, options: { action?: string; cookie?: string } = {},
): Promise<PostedForm> {
  const page = await fetch(`${baseUrl}${pagePath}`, { headers: options.cookie ? { Cookie: options.cookie } : {} });
  const pageHtml = await page.text();
  const formCookie = page.headers.getSetCookie().map((c) => c.split(';')[0]!);
  const csrf = /name="csrf" value="([^"]+)"/.exec(pageHtml)?.[1];
  if (csrf === undefined) throw new Error(`no form on ${pagePath} (${page.status}): ${pageHtml.slice(0, 300)}`);
  const action = options.action ?? /<form method="post" action="([^"]+)"/.exec(pageHtml)![1]!;
  const posted = await fetch(`${baseUrl}${action}`, {
    method: 'POST', redirect: 'manual',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded', Origin: baseUrl,
      Cookie: [...formCookie, ...(options.cookie ? [options.cookie] : [])].join('; '),
    },
    body: new URLSearchParams({ csrf, ...fields }).toString(),
  });
  return { page, pageHtml, posted };
}
