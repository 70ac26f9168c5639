// Server-rendered HTML: a tagged template that escapes every interpolated value unless it is
// already Html, and the page layout. No client framework, no external assets (no CDN here).

export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

type Interpolation = Html | string | number | bigint | boolean | null | undefined | readonly Interpolation[];

function render(value: Interpolation): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof Html) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: Interpolation[]): Html {
  let out = strings[0]!;
  values.forEach((v, i) => { out += render(v) + strings[i + 1]!; });
  return new Html(out);
}

const STYLE = `
body{font-family:system-ui,sans-serif;margin:0;color:#1b1b1b;background:#f5f6f8}
header{background:#0b5cab;color:#fff;padding:.6rem 1.2rem;display:flex;gap:1rem;align-items:center}
header a{color:#fff} main{max-width:56rem;margin:1.5rem auto;background:#fff;padding:1.5rem;border-radius:6px}
label{display:block;margin:.6rem 0 .2rem} input,select,textarea{padding:.35rem;min-width:18rem} input[type=radio]{min-width:0}
button{margin-top:.8rem;padding:.4rem 1rem} table{border-collapse:collapse;width:100%}
td,th{border-bottom:1px solid #ddd;padding:.35rem;text-align:left} .error{color:#b00020} .note{color:#555}
header span{margin-left:auto} header form button{margin:0} tr.current{background:#e8f1fb;font-weight:600}
.notice{background:#e7f5ea;padding:.5rem .8rem;border-radius:4px} .secret{font-family:monospace;font-size:1.2rem;
background:#fff8d6;padding:.5rem .8rem;border:1px solid #e0c200;display:inline-block} fieldset{border:1px solid #ddd;margin:1rem 0}
ul.errors{background:#fdecee;padding:.5rem 1.8rem;border-radius:4px}
main form>button{display:block} main form .actions{display:flex;gap:.8rem} dl{display:grid;grid-template-columns:max-content 1fr;gap:.3rem 1rem} dt{font-weight:600} dd{margin:0}
`;

export interface PageOptions {
  title: string;
  /** The signed-in user's name, for the header; undefined on public pages. */
  userName?: string | undefined;
  /** The session's CSRF token: the header's sign-out form is a POST like any other and needs it. */
  csrf?: string | undefined;
}

export function page(options: PageOptions, body: Html): string {
  const nav = options.userName
    ? html`<a href="/accounts">Accounts</a><a href="/developer">Developer portal</a><span>${options.userName}</span>
       <form method="post" action="/signout" style="display:inline">${options.csrf ? html`<input type="hidden" name="csrf" value="${options.csrf}">` : ''}<button>Sign out</button></form>`
    : html`<a href="/signin">Sign in</a><a href="/signup">Sign up</a>`;
  return `<!doctype html>${html`<html lang="en"><head><meta charset="utf-8"><title>${options.title} — adcenter</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><style>${new Html(STYLE)}</style></head>
<body><header><strong>adcenter</strong>${nav}</header><main><h1>${options.title}</h1>${body}</main></body></html>`}`;
}
