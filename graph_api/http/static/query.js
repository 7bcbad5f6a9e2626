// vankien query page: a textarea with an overlay highlighter, saved queries, results table, downloads.
(function () {
  "use strict";
  const data = JSON.parse(document.getElementById("page-data").textContent);
  const editor = document.getElementById("editor");
  const overlay = document.getElementById("highlight");
  const results = document.getElementById("results");
  const status = document.getElementById("status");
  // the page's texts, in its language (graph_api.i18n): "{n} rows", "error {status}" …
  function say(key, values) {
    return (data.messages[key] || key).replace(/\{(\w+)\}/g, function (_, name) { return values[name]; });
  }
  const KEYWORDS = new Set(("select construct describe ask where prefix base from named graph optional union minus " +
    "filter bind values order by group having limit offset distinct reduced as not exists in a asc desc " +
    "count sum min max avg sample group_concat separator service silent insert delete data with using " +
    "load clear drop create add move copy to default all true false str lang langmatches datatype bound " +
    "iri uri bnode regex contains strstarts strends lcase ucase concat coalesce if year month day now").split(" "));
  const TOKEN = /(#[^\n]*)|("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')|(<[^<>"{}|^`\\\s]*>)|([?$][\w\u00C0-\uFFFF]+)|([A-Za-z][\w.-]*)?:([\w\u00C0-\uFFFF.-]*)|([A-Za-z_]+)/g;

  function esc(s) { return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;"); }

  function highlight() {
    const text = editor.value;
    let out = "", last = 0, m;
    TOKEN.lastIndex = 0;
    while ((m = TOKEN.exec(text)) !== null) {
      if (m[0] === "") { TOKEN.lastIndex++; continue; }
      out += esc(text.slice(last, m.index));
      let cls = null;
      if (m[1]) cls = "cmt"; else if (m[2]) cls = "str"; else if (m[3]) cls = "iri";
      else if (m[4]) cls = "var"; else if (m[6] !== undefined) cls = "pn";
      else if (m[7] && KEYWORDS.has(m[7].toLowerCase())) cls = "kw";
      out += cls ? '<span class="' + cls + '">' + esc(m[0]) + "</span>" : esc(m[0]);
      last = TOKEN.lastIndex;
    }
    overlay.innerHTML = out + esc(text.slice(last)) + "\n";
    overlay.scrollTop = editor.scrollTop;
  }

  function href(iri) {
    return iri.startsWith(data.base + "id/") ? "/" + iri.slice(data.base.length) : iri;
  }

  function cell(term) {
    const td = document.createElement("td");
    if (!term) return td;
    if (term.type === "uri") {
      const a = document.createElement("a");
      a.href = href(term.value); a.textContent = term.value; td.appendChild(a);
    } else {
      td.textContent = term.type === "bnode" ? "_:" + term.value : term.value;
      if (term["xml:lang"]) td.title = "@" + term["xml:lang"]; else if (term.datatype) td.title = term.datatype;
    }
    return td;
  }

  function showTable(json) {
    results.innerHTML = "";
    if (typeof json.boolean === "boolean") { results.textContent = "ASK: " + json.boolean; return; }
    const vars = json.head.vars, rows = json.results.bindings;
    const table = document.createElement("table");
    const head = table.createTHead().insertRow();
    vars.forEach(function (v) { const th = document.createElement("th"); th.textContent = v; head.appendChild(th); });
    const body = table.createTBody();
    rows.forEach(function (row) { const tr = body.insertRow(); vars.forEach(function (v) { tr.appendChild(cell(row[v])); }); });
    results.appendChild(table);
    status.textContent = say("rows", {n: rows.length});
  }

  function post(accept) {
    return fetch("/sparql", {
      method: "POST",
      headers: {"Content-Type": "application/x-www-form-urlencoded", "Accept": accept},
      body: "query=" + encodeURIComponent(editor.value)
    });
  }

  async function run() {
    status.textContent = say("running", {}); results.innerHTML = "";
    const started = performance.now();
    try {
      const response = await post("application/sparql-results+json, text/turtle;q=0.9");
      const type = response.headers.get("content-type") || "";
      if (!response.ok) {
        const pre = document.createElement("pre"); pre.className = "error";
        pre.textContent = await response.text(); results.appendChild(pre);
        status.textContent = say("error", {status: response.status}); return;
      }
      if (type.indexOf("json") >= 0) showTable(await response.json());
      else { const pre = document.createElement("pre"); pre.textContent = await response.text(); results.appendChild(pre); status.textContent = ""; }
      status.textContent += " · " + Math.round(performance.now() - started) + " ms";
    } catch (e) { status.textContent = say("failed", {reason: e}); }
  }

  async function download(accept, name) {
    const response = await post(accept);
    if (!response.ok) { status.textContent = say("error", {status: response.status}) + ": " + await response.text(); return; }
    const url = URL.createObjectURL(await response.blob());
    const a = document.createElement("a"); a.href = url; a.download = name;
    document.body.appendChild(a); a.click(); a.remove(); URL.revokeObjectURL(url);
  }

  editor.addEventListener("input", highlight);
  editor.addEventListener("scroll", function () { overlay.scrollTop = editor.scrollTop; });
  editor.addEventListener("keydown", function (e) {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) { e.preventDefault(); run(); }
  });
  document.getElementById("run").addEventListener("click", run);
  document.getElementById("dl-csv").addEventListener("click", function () { download("text/csv", "results.csv"); });
  document.getElementById("dl-json").addEventListener("click", function () { download("application/sparql-results+json", "results.json"); });
  document.getElementById("prefixes").addEventListener("click", function () {
    const body = editor.value.replace(/^(\s*(PREFIX|BASE)\b[^\n]*\n)*/i, "");
    editor.value = data.prefixes + "\n" + body; highlight();
  });
  document.querySelectorAll(".saved-query").forEach(function (button) {
    button.addEventListener("click", function () {
      const q = data.saved.find(function (s) { return s.name === button.dataset.name; });
      if (!q) return;
      editor.value = /\bPREFIX\b/i.test(q.query) ? q.query : data.prefixes + "\n" + q.query;
      highlight(); editor.focus();
    });
  });
  highlight();
  window.vankienQuery = {run: run, highlight: highlight};
})();
