// Deterministic benchmark pages for `npm run bench`: news-like articles (headings, links, inline
// markup, lists, quotes, tables, code, forms) of a given amount of text, with a modest density of
// real mentions and of namesake / trap words, a variant without any mention, and an infinite feed.
// Each page also returns its block texts, so the matcher can be timed in Node on the same text.

import { random } from './random.mjs';

// Vocabulary vetted so that no alias occurs inside it even ignoring case and word boundaries
// (no "melon", "felony", "Barcelona", "musket", "whole cunning"): the no-mention page must take
// the extension's fast path, and that is checked with the real matcher before the run.
const WORDS =
  `the a of to and in that for on with as at by from said says would could will has had have
  was were is are be been company market year people new first last over after before while about
  report reports according government officials investors shares percent billion million quarter
  growth plan plans deal talks week month today yesterday data model models research researchers
  team teams launch launched product products users service services platform policy policies city
  state court judge law rules energy cars battery factory factories workers jobs economy prices
  analysts statement interview conference earlier later again against however because despite
  during between within among across toward public private open closed source software chips
  computer computers network networks training compute cluster startup startups funding round
  valuation board chief executive officer founder engineers scientists study studies paper papers
  regulators lawmakers budget contract contracts revenue profit losses supply demand customers
  launches rocket satellite satellites orbit vehicle vehicles autonomous driving safety review
  election campaign voters region regional national global local weather storm power grid solar
  wind nuclear hospital doctors patients school students teachers housing rent mortgage rates
  inflation bank banks lending stocks index bonds traders trading exchange currency dollar euro
  emerging ventures capital fund funds portfolio acquisition merger lawsuit filing settlement
  debate critics supporters argued warned promised expected announced confirmed declined denied
  quickly slowly largely mostly nearly roughly sharply steadily quietly publicly privately`
    .split(/\s+/)
    .filter(Boolean);
const CAPITALIZED =
  `Monday Tuesday Wednesday Thursday Friday Reuters Bloomberg Washington London Paris Beijing
  Tokyo Berlin Texas California Nevada Ohio Google Microsoft Amazon Apple Nvidia OpenAI Anthropic
  Meta Tesla SpaceX Twitter Congress Europe Brussels Senate Samsung Intel Oracle Netflix Boeing
  Airbus Toyota Ford Mumbai Delhi Bangalore Sydney Toronto Chicago Boston Seattle Austin Memphis`
    .split(/\s+/)
    .filter(Boolean);
const PEOPLE =
  `Sarah Chen|Marcus Webb|Priya Natarajan|Tom Alvarez|Julia Brandt|Kenji Watanabe|Amara Okafor|
  Daniel Reyes|Hannah Schulz|Omar Haddad|Lucy Park|Ravi Shankar|Nora Lindqvist|Peter Novak`
    .split('|')
    .map((s) => s.trim());

/**
 * Real mentions: [html, text]. Split markup, NBSP, soft hyphen, handles and possessives included,
 * so the extension does its real work (block joining, normalisation) on them.
 */
const MENTIONS = [
  ['Elon Musk', 'Elon Musk'],
  ['Musk', 'Musk'],
  ['Musk’s', 'Musk’s'],
  ['xAI', 'xAI'],
  ['Yann LeCun', 'Yann LeCun'],
  ['LeCun', 'LeCun'],
  ['Vinod Khosla', 'Vinod Khosla'],
  ['Khosla Ventures', 'Khosla Ventures'],
  ['<a href="/u/elonmusk">@elonmusk</a>', '@elonmusk'],
  ['Yann <b>LeCun</b>', 'Yann LeCun'],
  ['Elon&nbsp;Musk', 'Elon\u00a0Musk'],
  ['Le&shy;Cun', 'Le\u00adCun'],
];
/** Namesakes and traps: text the matcher must read and reject. */
const TRAPS = [
  ['musk perfume', 'musk perfume'],
  ['Kimbal Musk', 'Kimbal Musk'],
  ['XAI methods', 'XAI methods'],
  ['explainable AI (XAI)', 'explainable AI (XAI)'],
  ['<a href="https://x.ai/grok">https://x.ai/grok</a>', 'https://x.ai/grok'],
  ['a muskrat', 'a muskrat'],
  ['Sanjay Khosla', 'Sanjay Khosla'],
  ['melon', 'melon'],
];

const cap = (s) => s.charAt(0).toUpperCase() + s.slice(1);
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/**
 * Generates a text generator bound to a PRNG. `mentionRate` is the chance per sentence of a real
 * mention; traps come at half that rate. 0 gives a page without any alias at all.
 */
function writer(rnd, mentionRate) {
  const any = (list) => list[Math.floor(rnd() * list.length)];
  /** One sentence: [html, text]. */
  const sentence = () => {
    const html = [];
    const text = [];
    const n = 8 + Math.floor(rnd() * 16);
    for (let w = 0; w < n; w++) {
      const r = rnd();
      const word =
        r < 0.1 ? any(CAPITALIZED) : r < 0.12 ? String(Math.floor(rnd() * 2000)) : any(WORDS);
      const shown = w === 0 ? cap(word) : word;
      const markup = rnd();
      if (markup < 0.025 && w > 0)
        html.push(`<a href="/news/${Math.floor(rnd() * 1e6)}">${shown}</a>`);
      else if (markup < 0.035) html.push(`<em>${shown}</em>`);
      else if (markup < 0.04) html.push(`<strong>${shown}</strong>`);
      else html.push(shown);
      text.push(shown);
    }
    if (mentionRate > 0) {
      const r = rnd();
      const pick = r < mentionRate ? any(MENTIONS) : r < mentionRate * 1.5 ? any(TRAPS) : undefined;
      if (pick) {
        const at = 1 + Math.floor(rnd() * (n - 1));
        html.splice(at, 0, pick[0]);
        text.splice(at, 0, pick[1]);
      }
    }
    const end = rnd() < 0.1 ? '?' : '.';
    return [html.join(' ') + end, text.join(' ') + end];
  };
  /** A paragraph of 3–6 sentences: [html, text]. */
  const paragraph = (min = 3, spread = 4) => {
    const parts = [];
    for (let s = min + Math.floor(rnd() * spread); s > 0; s--) parts.push(sentence());
    return [parts.map((p) => p[0]).join(' '), parts.map((p) => p[1]).join(' ')];
  };
  const headline = () => {
    const words = [];
    for (let w = 4 + Math.floor(rnd() * 6); w > 0; w--)
      words.push(rnd() < 0.3 ? any(CAPITALIZED) : any(WORDS));
    return cap(words.join(' '));
  };
  return { any, sentence, paragraph, headline };
}

const STYLE = `body{font:17px/1.55 Georgia,serif;margin:0;color:#222;background:#fdfcf9}
header.site,footer.site{font:14px system-ui,sans-serif;padding:10px 24px;background:#f1efe8}
nav ul{display:flex;gap:16px;list-style:none;margin:0;padding:0}
main{max-width:720px;margin:24px auto;padding:0 24px}
article{border-bottom:1px solid #ddd;padding-bottom:24px}
.byline,figcaption,aside{font:14px system-ui,sans-serif;color:#666}
blockquote{border-left:4px solid #ccc;margin:20px 0;padding:2px 16px;font-style:italic}
table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:2px 6px}
pre{background:#f4f4f4;padding:8px;overflow:auto}`;

/**
 * An article page with about `chars` characters of text.
 * @returns {{ html: string, blocks: string[], chars: number }}
 */
export function articlePage({ chars, seed = 1, mentionRate = 0.02, title = 'Benchmark page' }) {
  const rnd = random(seed);
  const w = writer(rnd, mentionRate);
  const out = [];
  const blocks = [];
  let total = 0;
  const block = (tag, [html, text], attrs = '') => {
    out.push(`<${tag}${attrs}>${html}</${tag}>`);
    blocks.push(text);
    total += text.length;
  };
  out.push(
    `<header class="site"><nav><ul>${['World', 'Business', 'Tech', 'Science', 'Opinion', 'Sport']
      .map((s) => `<li><a href="/${s.toLowerCase()}">${s}</a></li>`)
      .join('')}</ul></nav></header><main>`,
  );
  let story = 0;
  while (total < chars) {
    story++;
    out.push(`<article id="story-${story}">`);
    const h1 = w.headline();
    block('h1', [h1, h1]);
    if (story === 1 && mentionRate > 0) {
      // A lede that names its subject, as articles do: the first screen holds a mention.
      const [html, text] = w.sentence();
      block('p', [
        `Elon Musk said on Monday that ${html}`,
        `Elon Musk said on Monday that ${text}`,
      ]);
    }
    const author = w.any(PEOPLE);
    const dateline = ` · ${w.any(CAPITALIZED)} · ${1 + Math.floor(rnd() * 28)} March`;
    block(
      'p',
      [`By <a href="/authors/${story}">${author}</a>${dateline}`, `By ${author}${dateline}`],
      ' class="byline"',
    );
    const sections = 2 + Math.floor(rnd() * 4);
    for (let s = 0; s < sections && total < chars; s++) {
      if (s > 0) {
        const h2 = w.headline();
        block('h2', [h2, h2]);
      }
      for (let p = 2 + Math.floor(rnd() * 4); p > 0; p--) block('p', w.paragraph());
      const extra = rnd();
      if (extra < 0.25) {
        out.push('<ul>');
        for (let i = 2 + Math.floor(rnd() * 4); i > 0; i--) block('li', w.sentence());
        out.push('</ul>');
      } else if (extra < 0.4) {
        out.push('<blockquote>');
        block('p', w.paragraph(1, 2));
        out.push('</blockquote>');
      } else if (extra < 0.5) {
        out.push('<figure><div style="height:120px;background:#ddd"></div>');
        block('figcaption', w.sentence());
        out.push('</figure>');
      } else if (extra < 0.58) {
        out.push('<table><tr><th>Company</th><th>Price</th><th>Change</th></tr>');
        for (let r = 3 + Math.floor(rnd() * 4); r > 0; r--) {
          const row = [
            w.any(CAPITALIZED),
            (rnd() * 900).toFixed(2),
            `${rnd() < 0.5 ? '-' : '+'}${(rnd() * 5).toFixed(1)}%`,
          ];
          out.push('<tr>');
          for (const cell of row) block('td', [cell, cell]);
          out.push('</tr>');
        }
        out.push('</table>');
      } else if (extra < 0.62) {
        // Excluded by the extension (code), read by the floor and by mark.js.
        out.push(
          `<pre><code>const total = items.reduce((sum, item) =&gt; sum + item.price, 0); // ${esc(w.sentence()[1])}</code></pre>`,
        );
      }
    }
    out.push(
      `<aside><h3>Related</h3><ul>${[0, 1, 2].map(() => `<li><a href="/news/${Math.floor(rnd() * 1e6)}">${w.headline()}</a></li>`).join('')}</ul></aside>`,
    );
    out.push('</article>');
  }
  out.push(
    '</main><footer class="site"><form><label>Newsletter <input name="email" placeholder="you@example.org"></label> <textarea>Comments go here</textarea> <button>Subscribe</button></form><p>© Benchmark News</p></footer>',
  );
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title><style>${STYLE}</style>
<script type="application/ld+json">{"@type":"NewsArticle","headline":"${title}"}</script></head><body>${out.join('\n')}</body></html>`;
  return { html, blocks, chars: total };
}

/**
 * An infinite feed: `initial` posts in one container, then `window.startFeed()` appends one post
 * every `interval` ms, `appended` times, and sets `window.__feedDone` (performance.now()) at the end.
 */
export function feedPage({
  seed = 9,
  initial = 200,
  appended = 50,
  interval = 100,
  mentionRate = 0.03,
} = {}) {
  const rnd = random(seed);
  const w = writer(rnd, mentionRate);
  const post = (i) => {
    const author = w.any(PEOPLE);
    const handle = author.toLowerCase().replace(' ', '_');
    const paras = [];
    for (let p = 1 + Math.floor(rnd() * 3); p > 0; p--)
      paras.push(`<p>${w.paragraph(1, 3)[0]}</p>`);
    return `<header><a href="/u/${handle}"><strong>${author}</strong> @${handle}</a> · <time>${1 + (i % 59)}m</time></header>${paras.join('')}<footer><button>Reply</button> <button>Repost</button> <span>${Math.floor(rnd() * 900)} likes</span></footer>`;
  };
  const first = [];
  for (let i = 0; i < initial; i++) first.push(`<article class="post">${post(i)}</article>`);
  const more = [];
  for (let i = 0; i < appended; i++) more.push(post(initial + i));
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Feed</title><style>${STYLE}
.post{border-bottom:1px solid #ddd;padding:8px 0}</style></head><body>
<header class="site">Benchmark feed</header><main><div id="feed" role="feed">${first.join('\n')}</div></main>
<script>
const MORE = ${JSON.stringify(more).replace(/</g, '\\u003c')};
window.startFeed = () => {
  const feed = document.getElementById('feed');
  let n = 0;
  window.__feedStart = performance.now();
  const timer = setInterval(() => {
    const post = document.createElement('article');
    post.className = 'post';
    post.innerHTML = MORE[n];
    feed.append(post);
    if (++n >= MORE.length) {
      clearInterval(timer);
      window.__feedDone = performance.now();
    }
  }, ${interval});
};
</script></body></html>`;
  return { html, posts: appended, interval };
}

/**
 * The text of one huge comment or chat log: namesake spam ("Kimbal Musk", "Pradeep Khosla", each
 * followed by a bare surname) or cue spam (explainable AI written "XAI", musk as a scent), with one
 * real mention at its start so the extension cannot stop early. About `chars` characters.
 * @param {'namesake' | 'cue'} kind
 */
export function spamText(kind, chars) {
  const units =
    kind === 'namesake'
      ? ['Kimbal Musk said. Musk said more. ', 'Pradeep Khosla spoke; Khosla agreed. ']
      : [
          'Explainable AI (XAI) with SHAP and LIME; XAI interpretability. ',
          'a musk rose, amber and musk. ',
        ];
  const parts = ['A forum thread. Vinod Khosla started it. '];
  let length = parts[0].length;
  for (let i = 0; length < chars; i++) {
    const unit = units[i % units.length];
    parts.push(unit);
    length += unit.length;
  }
  return parts.join('').slice(0, chars);
}

/**
 * News-like prose of about `chars` characters as plain text (sentences of the article writer,
 * real mentions and traps at the usual rate): one long string for the matcher, or one text node.
 */
export function proseText(chars, seed = 5, mentionRate = 0.02) {
  const w = writer(random(seed), mentionRate);
  // It opens with a mention (the first screen of a page holds one).
  const parts = ['Yann LeCun wrote:'];
  let length = parts[0].length + 1;
  while (length < chars) {
    const [, text] = w.sentence();
    parts.push(text);
    length += text.length + 1;
  }
  return parts.join(' ').slice(0, chars);
}

/** A page whose body is one paragraph holding `text` as a single text node. */
export function textNodePage(text, title = 'One text node') {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title><style>${STYLE}</style></head><body><main><h1>${title}</h1><p id="huge">${esc(text)}</p></main></body></html>`;
  return { html, blocks: [title, text], chars: text.length + title.length };
}

/**
 * A page of about `elements` elements, each with its own short text node: a data table of cells
 * (a forum's thread list, a price grid), with a real mention in about `mentionRate` of the cells,
 * so the extension holds thousands of ranges on a page whose every style recalculation is large.
 */
export function elementsPage({ elements = 100_000, seed = 6, mentionRate = 0.02 } = {}) {
  const rnd = random(seed);
  const w = writer(rnd, 0);
  const columns = 4;
  const rows = Math.ceil(elements / (columns + 1)); // each row: a <tr> and its cells
  const out = [];
  const blocks = [];
  let chars = 0;
  for (let r = 0; r < rows; r++) {
    out.push('<tr>');
    for (let c = 0; c < columns; c++) {
      let text = c === 0 ? w.headline() : c === 1 ? w.any(PEOPLE) : w.any(WORDS);
      let html = esc(text);
      if (rnd() < mentionRate) {
        const [mentionHtml, mentionText] = w.any(MENTIONS);
        html = `${html} ${mentionHtml}`;
        text = `${text} ${mentionText}`;
      }
      out.push(`<td>${html}</td>`);
      blocks.push(text);
      chars += text.length;
    }
    out.push('</tr>');
  }
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>100,000 elements</title><style>${STYLE}</style></head><body><main><h1>Threads</h1><table>${out.join('')}</table></main></body></html>`;
  return { html, blocks, chars };
}

/** Every alias text, folded (lower case, whitespace runs as one space), for the no-mention check. */
export function foldedAliases(entities) {
  return entities.flatMap((e) => e.aliases.map((a) => fold(a.text)));
}

/** Lower case, invisible characters dropped, any whitespace run as one space. */
export function fold(text) {
  return text
    .replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/\s+/g, ' ')
    .toLowerCase();
}
