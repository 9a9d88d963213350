// Quorum search, layered over pages that already work without it:
//  - "/" focuses the header search box;
//  - the header box suggests topics and titles as you type (WAI-ARIA 1.2 combobox with a listbox);
//  - on /search, results follow the page's own box as you type, rendered into the same markup as the server's.
//
// Data from the server is never parsed into the page as HTML. Text goes in as text nodes; the two fields that
// carry markup (a hit's snippet, a suggestion's highlight) go through marked(), which keeps only <mark>.

const SUGGEST_DELAY_MS = 150;
const SEARCH_DELAY_MS = 250;
const PAGE_SIZE = 10; // as SearchPages.SIZE
const DEPTH_MAX = 1000; // as SearchRequest.DEPTH_MAX
const PAGE_WINDOW = 2; // as SearchPages.WINDOW
const FACET_PARAMS = { topic: "topic", kind: "kind", language: "lang" };
const FILTERS = ["topic", "kind", "lang"];

/** An element with attributes (null, undefined and false are left out) and children (strings become text). */
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value !== null && value !== undefined && value !== false) {
      node.setAttribute(name, value === true ? "" : String(value));
    }
  }
  for (const child of children) {
    if (child !== null && child !== undefined && child !== false) {
      node.append(child);
    }
  }
  return node;
}

/**
 * Escaped HTML with <mark> (a snippet or a highlight) as DOM nodes, keeping only text and <mark>.
 *
 * Why DOMParser rather than splitting on "<mark>": the server escapes & < > " ' as entities, and a parser is
 * the only complete way to turn entities back into text. A DOMParser document is inert (no script runs,
 * nothing loads), and we copy nothing from it but text: every node becomes a text node, except MARK, which
 * becomes a fresh <mark> holding its text. So even a server bug could not bring an element or attribute in.
 */
function marked(html) {
  const fragment = document.createDocumentFragment();
  if (typeof html !== "string" || html === "") {
    return fragment;
  }
  const parsed = new DOMParser().parseFromString(`<!DOCTYPE html><body>${html}`, "text/html");
  for (const node of parsed.body.childNodes) {
    if (node.nodeType === Node.ELEMENT_NODE && node.nodeName === "MARK") {
      fragment.append(el("mark", null, node.textContent));
    } else {
      fragment.append(node.textContent || "");
    }
  }
  return fragment;
}

/** Our own paths and http(s) links only, as SearchPages.safeHref: anything else is no link at all. */
function safeHref(url) {
  if (typeof url !== "string" || url === "") {
    return null;
  }
  if (/^\/(?![/\\])/.test(url)) {
    return url;
  }
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? url : null;
  } catch {
    return null;
  }
}

function domain(url) {
  try {
    const host = new URL(url).hostname;
    return host.startsWith("www.") ? host.slice(4) : host;
  } catch {
    return null;
  }
}

function own(map, key) {
  return map !== null && typeof map === "object" && Object.prototype.hasOwnProperty.call(map, key);
}

/** Focus is somewhere typing goes: "/" is a character there, not a shortcut. */
function isTyping(target) {
  return target instanceof Element
    && (target.isContentEditable || target.closest("input, textarea, select, [contenteditable]:not([contenteditable='false'])") !== null);
}

// ---------------------------------------------------------------------------------------------------------
// "/" focuses the header search box

function setupShortcut(box) {
  document.addEventListener("keydown", (event) => {
    if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented
        || isTyping(event.target)) {
      return;
    }
    event.preventDefault();
    box.focus();
    box.select();
  });
}

// ---------------------------------------------------------------------------------------------------------
// Suggestions: the header box as a combobox (https://www.w3.org/WAI/ARIA/apg/patterns/combobox/)

function setupSuggestions(input) {
  const listId = `${input.id}-listbox`;
  const listbox = el("ul", { id: listId, role: "listbox", "aria-label": "Suggestions", class: "suggestions", hidden: true });
  const status = el("div", { class: "visually-hidden", role: "status", "aria-live": "polite", "aria-atomic": "true" });
  input.after(listbox);
  input.form?.append(status);
  input.form?.classList.add("has-suggestions");
  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-expanded", "false");
  input.setAttribute("aria-controls", listId);

  let items = [];
  let active = -1;
  let timer = 0;
  let controller = null;

  const isOpen = () => !listbox.hidden;

  function open() {
    if (items.length === 0) {
      return;
    }
    listbox.hidden = false;
    input.setAttribute("aria-expanded", "true");
  }

  function close() {
    listbox.hidden = true;
    input.setAttribute("aria-expanded", "false");
    select(-1);
  }

  function select(index) {
    active = index;
    listbox.querySelectorAll("[role=option]").forEach((option, i) => {
      option.setAttribute("aria-selected", i === index ? "true" : "false");
    });
    if (index < 0) {
      input.removeAttribute("aria-activedescendant");
      return;
    }
    const option = document.getElementById(`${listId}-${index}`);
    input.setAttribute("aria-activedescendant", option.id);
    option.scrollIntoView({ block: "nearest" });
  }

  function go(index) {
    const url = items[index] && safeHref(items[index].url);
    if (url) {
      close();
      window.location.assign(url);
    }
  }

  function render(suggestions) {
    items = suggestions.filter((s) => s && typeof s.text === "string" && safeHref(s.url));
    listbox.replaceChildren(...items.map((s, i) => el("li",
      { id: `${listId}-${i}`, role: "option", "aria-selected": "false", class: "suggestion" },
      el("span", { class: "suggestion-text" }, typeof s.highlight === "string" && s.highlight ? marked(s.highlight) : s.text),
      el("span", { class: "suggestion-type" }, s.type === "topic" ? "topic" : "resource"))));
    active = -1;
    input.removeAttribute("aria-activedescendant");
    status.textContent = items.length === 0 ? "No suggestions" : items.length === 1 ? "1 suggestion" : `${items.length} suggestions`;
    if (items.length > 0 && document.activeElement === input) {
      open();
    } else {
      close();
    }
  }

  async function fetchSuggestions() {
    const typed = input.value;
    controller?.abort();
    if (typed.trim() === "" || typed.length > 100) {
      items = [];
      listbox.replaceChildren();
      status.textContent = "";
      close();
      return;
    }
    controller = new AbortController();
    try {
      const response = await fetch(`/api/v1/suggest?${new URLSearchParams({ q: typed })}`,
        { signal: controller.signal, headers: { Accept: "application/json" } });
      if (!response.ok) {
        return;
      }
      const data = await response.json();
      if (input.value !== typed) {
        return; // typed on since: a newer request is on its way
      }
      render(Array.isArray(data?.suggestions) ? data.suggestions : []);
    } catch {
      // aborted by newer typing, or offline: the box still submits to /search
    }
  }

  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(fetchSuggestions, SUGGEST_DELAY_MS);
  });

  input.addEventListener("keydown", (event) => {
    switch (event.key) {
      case "ArrowDown":
        if (items.length === 0) {
          return;
        }
        event.preventDefault();
        open();
        select(active + 1 >= items.length ? 0 : active + 1);
        break;
      case "ArrowUp":
        if (items.length === 0) {
          return;
        }
        event.preventDefault();
        open();
        select(active <= 0 ? items.length - 1 : active - 1);
        break;
      case "Enter":
        if (isOpen() && active >= 0) {
          event.preventDefault();
          go(active);
        } // otherwise the form submits: a full search
        break;
      case "Escape":
        if (isOpen()) {
          event.preventDefault(); // keep the text; a second Escape clears it as search boxes do
          close();
        }
        break;
      default:
    }
  });

  input.addEventListener("focus", () => {
    if (input.value.trim() !== "" && items.length > 0) {
      open();
    }
  });
  input.addEventListener("blur", close);
  // Keep focus in the box while clicking an option, so the click lands before blur closes the list.
  listbox.addEventListener("mousedown", (event) => event.preventDefault());
  listbox.addEventListener("click", (event) => {
    const option = event.target instanceof Element ? event.target.closest("[role=option]") : null;
    if (option) {
      go(Number(option.id.slice(listId.length + 1)));
    }
  });
  listbox.addEventListener("mousemove", (event) => {
    const option = event.target instanceof Element ? event.target.closest("[role=option]") : null;
    if (option) {
      const index = Number(option.id.slice(listId.length + 1));
      if (index !== active) {
        select(index);
      }
    }
  });
}

// ---------------------------------------------------------------------------------------------------------
// Live results on /search

/** As SearchPages.State.href: q, topic, kind, lang, page, in that order. */
function searchHref(state) {
  const params = new URLSearchParams();
  if (state.q) {
    params.set("q", state.q);
  }
  for (const name of FILTERS) {
    if (state[name]) {
      params.set(name, state[name]);
    }
  }
  if (state.page > 1) {
    params.set("page", String(state.page));
  }
  const query = params.toString();
  return query ? `/search?${query}` : "/search";
}

/** As SearchPages.summary. */
function summary(total, q) {
  const count = total === 0 ? "No results" : total === 1 ? "1 result" : `${total} results`;
  return q ? `${count} for “${q}”` : count;
}

function setupLiveResults() {
  const page = document.querySelector(".search-page[data-labels]");
  const input = document.getElementById("search-q");
  const results = document.getElementById("search-results");
  const landing = document.getElementById("search-landing");
  if (!page || !input || !results) {
    return;
  }
  let labels;
  try {
    labels = JSON.parse(page.dataset.labels);
  } catch {
    return;
  }
  const filters = {};
  for (const name of FILTERS) {
    const field = input.form?.elements.namedItem(name);
    if (field instanceof HTMLInputElement && field.value) {
      filters[name] = field.value;
    }
  }
  const label = (dim, value) => (own(labels[dim], value) ? String(labels[dim][value]) : String(value));

  let timer = 0;
  let controller = null;
  let latest = 0;

  function show(q, title) {
    document.title = `${title} · Quorum`;
    history.replaceState(history.state, "", searchHref({ q, ...filters, page: 1 }));
  }

  async function update() {
    const q = input.value.trim();
    controller?.abort();
    const mine = ++latest;
    if (q === "" && Object.keys(filters).length === 0) {
      results.hidden = true;
      results.replaceChildren();
      if (landing) {
        landing.hidden = false;
      }
      show("", "Search");
      return;
    }
    if (q.length > 500) {
      return;
    }
    controller = new AbortController();
    const api = new URLSearchParams();
    if (q) {
      api.set("q", q);
    }
    for (const [name, value] of Object.entries(filters)) {
      api.set(name, value);
    }
    api.set("size", String(PAGE_SIZE));
    try {
      const response = await fetch(`/api/v1/search?${api}`, { signal: controller.signal, headers: { Accept: "application/json" } });
      if (!response.ok) {
        return; // a 400 or the 503 while the index warms up: keep what is shown
      }
      const data = await response.json();
      if (mine !== latest) {
        return;
      }
      render(data, q);
      show(q, q ? `${q} – Search` : "Search");
    } catch {
      // aborted by newer typing, or the network failed: the server-rendered results stay
    }
  }

  function render(data, q) {
    const state = { q, ...filters, page: 1 };
    const total = Number.isFinite(data?.total) ? data.total : 0;
    const hits = Array.isArray(data?.hits) ? data.hits : [];
    const didYouMean = typeof data?.didYouMean === "string" && data.didYouMean ? data.didYouMean : null;

    // The summary is a live region: keep the element and change its text, so screen readers hear each update.
    let status = results.querySelector(":scope > .search-summary");
    if (!status) {
      status = el("p", { class: "search-summary", role: "status" });
    }
    status.textContent = summary(total, q);
    const rest = [];
    if (typeof data?.widened === "string" && own(labels.widened, data.widened)) {
      rest.push(el("p", { class: "search-fuzzy" }, String(labels.widened[data.widened])));
    }
    if (didYouMean) {
      rest.push(el("p", { class: "did-you-mean" }, "Did you mean ",
        el("a", { href: searchHref({ ...state, q: didYouMean }) }, didYouMean), "?"));
    }
    const body = el("div", { class: "search-body" });
    const groups = facetGroups(data?.facets, state, label);
    if (groups.length > 0) {
      body.append(el("aside", { class: "facets", "aria-label": "Filters" }, ...groups));
    }
    const main = el("div", { class: "search-main" });
    if (hits.length === 0) {
      main.append(empty(q, state, didYouMean, label));
    } else {
      main.append(el("ol", { class: "search-hits", start: "1" }, ...hits.map((h) => hit(h, labels, label))));
    }
    const pages = Math.min(Math.ceil(total / PAGE_SIZE), Math.floor(DEPTH_MAX / PAGE_SIZE));
    if (pages > 1) {
      main.append(pager(state, pages));
    }
    body.append(main);
    rest.push(body);

    if (status.parentNode === results) {
      while (status.nextSibling) {
        status.nextSibling.remove();
      }
      while (status.previousSibling) {
        status.previousSibling.remove();
      }
    } else {
      results.replaceChildren(status);
    }
    status.after(...rest);
    results.hidden = false;
    if (landing) {
      landing.hidden = true;
    }
  }

  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(update, SEARCH_DELAY_MS);
  });
  // A submitted search reloads the page with the server's render; a pending update must not race it.
  input.form?.addEventListener("submit", () => {
    clearTimeout(timer);
    controller?.abort();
  });
}

function facetGroups(facets, state, label) {
  const groups = [];
  for (const [dim, param] of Object.entries(FACET_PARAMS)) {
    const values = Array.isArray(facets?.[dim]) ? facets[dim] : [];
    const current = state[param];
    if (values.length === 0 && !current) {
      continue;
    }
    const title = label("groups", dim);
    const list = el("ul", null, ...values.filter((f) => f && typeof f.value === "string").map((f) => {
      const on = current === f.value;
      const target = { ...state, [param]: on ? undefined : f.value };
      return el("li", null, el("a", { href: searchHref(target), "aria-current": on ? "true" : null },
        label(dim, f.value), " ", el("span", { class: "count" }, String(Number(f.count) || 0))));
    }));
    const section = el("section", { class: "facet", "aria-labelledby": `facet-${dim}` },
      el("h2", { id: `facet-${dim}` }, title), list);
    if (current) {
      section.append(el("a", { class: "facet-remove", href: searchHref({ ...state, [param]: undefined }) },
        `Remove filter: ${label(dim, current)}`));
    }
    groups.push(section);
  }
  return groups;
}

function hit(h, labels, label) {
  const isTopic = h?.type === "topic";
  const details = !isTopic && /^[0-9a-f]{12}$/.test(h?.id) ? `/resources/${h.id}` : null;
  let href = safeHref(h?.url);
  const external = href !== null && !href.startsWith("/");
  if (href === null) {
    href = details || "/search";
  }
  const language = typeof h?.language === "string" && h.language ? h.language : null;
  const meta = el("span", { class: "meta" }, el("span", { class: "kind" }, isTopic ? "topic" : String(h?.kind ?? "")));
  const host = external ? domain(href) : null;
  if (host) {
    meta.append(` · ${host}`);
  }
  if (language && language !== "en") {
    meta.append(` · ${label("language", language)}`);
  }
  const topics = (Array.isArray(h?.topics) ? h.topics : [])
    .filter((slug) => typeof slug === "string" && own(labels.topic, slug) && !(isTopic && slug === h.id));
  if (topics.length > 0) {
    meta.append(" · in ");
    topics.forEach((slug, i) => {
      if (i > 0) {
        meta.append(", ");
      }
      meta.append(el("a", { href: `/topics/${encodeURIComponent(slug)}` }, label("topic", slug)));
    });
  }
  if (details) {
    meta.append(" · ", el("a", { class: "details", href: details }, "details"));
  }
  const item = el("li", { class: "search-hit" },
    el("a", { class: "title", href, rel: external ? "noopener noreferrer nofollow" : null, lang: language }, String(h?.title ?? "")),
    meta);
  if (typeof h?.snippet === "string" && h.snippet) {
    item.append(el("p", { class: "snippet", lang: language }, marked(h.snippet)));
  }
  return item;
}

function empty(q, state, didYouMean, label) {
  const active = Object.entries(FACET_PARAMS).filter(([, param]) => state[param]);
  const hints = el("ul");
  if (didYouMean) {
    hints.append(el("li", null, "Try the spelling above: ",
      el("a", { href: searchHref({ ...state, q: didYouMean }) }, didYouMean), "."));
  }
  if (active.length > 0) {
    const item = el("li", null, "Remove a filter: ");
    active.forEach(([dim, param], i) => {
      if (i > 0) {
        item.append(", ");
      }
      item.append(el("a", { class: "facet-remove", href: searchHref({ ...state, [param]: undefined }) },
        `${label("groups", dim)}: ${label(dim, state[param])}`));
    });
    item.append(".");
    hints.append(item);
  }
  hints.append(el("li", null, "Use fewer or more general words, or check the spelling."));
  hints.append(el("li", null, "Browse the ", el("a", { href: "/topics" }, "topics"), " instead."));
  return el("div", { class: "search-empty" },
    el("p", null, `Nothing matched${q ? ` “${q}”` : ""}${active.length > 0 ? " with these filters" : ""}.`), hints);
}

/** As SearchPages.pageLinks, for page 1 (typing always starts over at the first page). */
function pager(state, pages) {
  const page = state.page;
  const list = el("ul");
  let previous = 0;
  for (let n = 1; n <= pages; n++) {
    if (!(n === 1 || n === pages || Math.abs(n - page) <= PAGE_WINDOW)) {
      continue;
    }
    if (n > previous + 1) {
      list.append(el("li", null, el("span", { class: "gap" }, "…")));
    }
    list.append(el("li", null, el("a", { href: searchHref({ ...state, page: n }), "aria-current": n === page ? "page" : null }, String(n))));
    previous = n;
  }
  const nav = el("nav", { class: "pager search-pager", "aria-label": "Result pages" });
  if (page > 1) {
    nav.append(el("a", { rel: "prev", href: searchHref({ ...state, page: page - 1 }) }, "← Previous"));
  }
  nav.append(list);
  if (page < pages) {
    nav.append(el("a", { rel: "next", href: searchHref({ ...state, page: page + 1 }) }, "Next →"));
  }
  return nav;
}

// ---------------------------------------------------------------------------------------------------------

const box = document.getElementById("site-search");
if (box instanceof HTMLInputElement) {
  setupShortcut(box);
  setupSuggestions(box);
}
setupLiveResults();
