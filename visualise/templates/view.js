/* vankien network view: filters, search, details panel. Data comes from #vk-data. */
(function () {
  "use strict";
  var DATA = JSON.parse(document.getElementById("vk-data").textContent);
  var container = document.getElementById("vk-network");
  var details = document.getElementById("vk-details");
  var nodes = new vis.DataSet(DATA.nodes);
  var edges = new vis.DataSet(DATA.edges);
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, DATA.options);
  var PRIMARY = new Set(DATA.primaryKinds);
  var total = DATA.nodes.length;

  function fold(s) {
    return String(s || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();
  }
  var byId = {}, neighbours = {}, searchText = {};
  DATA.nodes.forEach(function (n) {
    byId[n.id] = n; neighbours[n.id] = [];
    searchText[n.id] = fold(n.label + " " + (n.vk.search || ""));
  });
  DATA.edges.forEach(function (e) {
    neighbours[e.from].push(e.to); neighbours[e.to].push(e.from);
  });

  function el(id) { return document.getElementById(id); }
  function filters() {
    var kinds = new Set();
    document.querySelectorAll(".vk-kind").forEach(function (c) { if (c.checked) kinds.add(c.value); });
    return {
      province: el("vk-province").value, root: el("vk-root").value, kinds: kinds,
      from: parseInt(el("vk-year-from").value, 10) || null, to: parseInt(el("vk-year-to").value, 10) || null
    };
  }
  function matches(n, f) {
    var v = n.vk;
    if (f.province && v.province !== f.province) return false;
    if (f.from && v.year && v.year < f.from) return false;
    if (f.to && v.year && v.year > f.to) return false;
    if (f.root && (v.roots || []).indexOf(f.root) < 0) return false;
    return true;
  }
  /* Documents, tasks and meetings match the filters by their own province, year and central
     document; central documents, bodies and projects stay visible when something they are linked
     to matches. */
  function applyFilters() {
    var f = filters(), narrowed = !!(f.province || f.from || f.to), match = {}, visible = {};
    DATA.nodes.forEach(function (n) { match[n.id] = PRIMARY.has(n.vk.kind) && matches(n, f); });
    DATA.nodes.forEach(function (n) {
      var k = n.vk.kind, show;
      if (!f.kinds.has(k)) show = false;
      else if (PRIMARY.has(k)) show = match[n.id];
      else {
        var linked = neighbours[n.id].some(function (m) { return match[m]; });
        if (k === "central") show = (!f.root || (n.vk.roots || []).indexOf(f.root) >= 0) && (!narrowed || linked || n.id === f.root);
        else show = (!narrowed && !f.root) || linked;
      }
      visible[n.id] = show;
    });
    var nodeChanges = [], edgeChanges = [], shown = 0;
    DATA.nodes.forEach(function (n) {
      if (visible[n.id]) shown++;
      if (!!n.hidden !== !visible[n.id]) { n.hidden = !visible[n.id]; nodeChanges.push({ id: n.id, hidden: n.hidden }); }
    });
    DATA.edges.forEach(function (e) {
      var hide = !(visible[e.from] && visible[e.to]);
      if (!!e.hidden !== hide) { e.hidden = hide; edgeChanges.push({ id: e.id, hidden: hide }); }
    });
    nodes.update(nodeChanges); edges.update(edgeChanges);
    el("vk-status").textContent = "Hiển thị " + shown + "/" + total + " nút";
    el("vk-status").dataset.visible = String(shown);
    if (details.dataset.node && !visible[details.dataset.node]) hideDetails();
    return shown;
  }

  function text(tag, value, cls) {
    var e = document.createElement(tag); e.textContent = value; if (cls) e.className = cls; return e;
  }
  function showDetails(id) {
    var n = byId[id]; if (!n) return;
    var v = n.vk;
    details.innerHTML = "";
    var close = text("button", "×", "vk-close"); close.title = "Đóng"; close.onclick = hideDetails;
    details.appendChild(close);
    details.appendChild(text("h3", v.label || n.label));
    var dl = document.createElement("dl");
    [["Loại", v.kindLabel], ["Số hiệu", v.symbol], ["Trích yếu", v.title], ["Tỉnh", v.province],
     ["Tổng hợp", v.summary], ["Chủ trì", v.body],
     ["Ngày", v.date || v.year], ["Thời hạn", v.deadline], ["Thuộc", v.document],
     ["Liên kết", String(neighbours[id].length)]].forEach(function (row) {
      if (row[1] === undefined || row[1] === null || row[1] === "") return;
      dl.appendChild(text("dt", row[0])); dl.appendChild(text("dd", String(row[1])));
    });
    details.appendChild(dl);
    if (v.text) details.appendChild(text("p", v.text));
    if (v.quote && v.quote !== v.text) details.appendChild(text("blockquote", "«" + v.quote + "»"));
    if (v.members) {
      details.appendChild(text("p", "Gồm " + v.count + " mục:"));
      var ul = document.createElement("ul");
      v.members.forEach(function (m) { ul.appendChild(text("li", m)); });
      details.appendChild(ul);
    }
    var links = document.createElement("p");
    if (v.href) {
      var a = text("a", "Mở trang tài nguyên"); a.href = v.href; a.id = "vk-resource-link"; a.target = "_blank";
      links.appendChild(a);
    }
    (v.views || []).forEach(function (pair) {
      var a = text("a", pair[0]); a.href = pair[1]; links.appendChild(document.createTextNode(" · ")); links.appendChild(a);
    });
    details.appendChild(links);
    var near = neighbours[id].slice(0, 25);
    if (near.length) {
      details.appendChild(text("p", "Nút liên kết:"));
      var list = document.createElement("ul");
      near.forEach(function (m) {
        var li = text("li", byId[m].label, "vk-nb");
        li.onclick = function () { network.selectNodes([m]); network.focus(m, { scale: 1.2 }); showDetails(m); };
        list.appendChild(li);
      });
      details.appendChild(list);
    }
    details.dataset.node = id;
    details.hidden = false;
  }
  function hideDetails() { details.hidden = true; delete details.dataset.node; }

  var searchTimer = null;
  function search(q) {
    var out = el("vk-search-result"), key = fold(q).trim();
    if (!key) { out.textContent = ""; network.unselectAll(); return []; }
    var found = DATA.nodes.filter(function (n) { return !n.hidden && searchText[n.id].indexOf(key) >= 0; })
      .map(function (n) { return n.id; });
    out.textContent = found.length ? "Tìm thấy " + found.length + " nút" : "Không tìm thấy";
    network.selectNodes(found);
    if (found.length && found.length <= 300) network.fit({ nodes: found, animation: false });
    return found;
  }

  /* Aggregated views: a click on a group node adds its children (from the service as JSON, or from the
     expansions an exported file embeds), placed in rows below it. */
  function place(parent, added) {
    var p = network.getPosition(parent);
    var taken = DATA.nodes.map(function (n) { return network.getPosition(n.id); });
    if (DATA.tree) {  /* a left-to-right tree: the children in the next column, beside their parent */
      var x = p.x + 430, rowH = 48, h = (added.length - 1) * rowH, y0 = p.y - h / 2, guard = 0;
      function clashTree(y) {
        return taken.some(function (q) { return Math.abs(q.x - x) < 200 && q.y > y - 40 && q.y < y + h + 40; });
      }
      while (clashTree(y0) && guard++ < 400) y0 += rowH;
      added.forEach(function (n, i) { n.x = x; n.y = y0 + i * rowH; });
      return;
    }
    var per = 8, step = 190, rowH2 = 95, y = p.y + 170;
    function clash(y1) {
      var w = Math.min(added.length, per) * step / 2;
      return taken.some(function (q) { return Math.abs(q.y - y1) < 60 && Math.abs(q.x - p.x) < w + 80; });
    }
    var guard2 = 0;
    while (clash(y) && guard2++ < 40) y += rowH2;
    added.forEach(function (n, i) {
      var row = Math.floor(i / per), inRow = Math.min(per, added.length - row * per), col = i % per;
      n.x = p.x + (col - (inRow - 1) / 2) * step; n.y = y + row * rowH2;
    });
  }
  function addExpansion(id, data) {
    var added = data.nodes.filter(function (n) { return !byId[n.id]; });
    place(id, added);
    added.forEach(function (n) {
      DATA.nodes.push(n); byId[n.id] = n; neighbours[n.id] = [];
      searchText[n.id] = fold(n.label + " " + (n.vk.search || ""));
    });
    var newEdges = data.edges.filter(function (e) { return !edges.get(e.id) && byId[e.from] && byId[e.to]; });
    newEdges.forEach(function (e) { DATA.edges.push(e); neighbours[e.from].push(e.to); neighbours[e.to].push(e.from); });
    nodes.add(added); edges.add(newEdges);
    byId[id].vk.expanded = true; nodes.update({ id: id, borderWidth: 1 });
    total = DATA.nodes.length;
    el("vk-status").textContent = total + " nút · " + DATA.edges.length + " cạnh";
    el("vk-status").dataset.visible = String(total);
    document.body.dataset.expanded = String((parseInt(document.body.dataset.expanded || "0", 10)) + 1);
    return added.length;
  }
  function expand(id) {
    var v = byId[id] && byId[id].vk;
    if (!v || !v.expand || v.expanded || v.loading) return Promise.resolve(0);
    if (DATA.expansions[v.expand]) return Promise.resolve(addExpansion(id, DATA.expansions[v.expand]));
    if (!DATA.expandUrl) {
      v.expanded = true;
      details.appendChild(text("p", "Mở bằng dịch vụ (vankien serve) để xem chi tiết nút này."));
      return Promise.resolve(0);
    }
    v.loading = true;
    return fetch(DATA.expandUrl + encodeURIComponent(v.expand), { headers: { Accept: "application/json" } })
      .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
      .then(function (data) { v.loading = false; return addExpansion(id, data); })
      .catch(function (e) { v.loading = false; details.appendChild(text("p", "Không tải được: " + e.message)); return 0; });
  }

  network.on("click", function (p) {
    if (!p.nodes.length) { hideDetails(); return; }
    showDetails(p.nodes[0]); expand(p.nodes[0]);
  });
  ["vk-province", "vk-root", "vk-year-from", "vk-year-to"].forEach(function (id) { el(id).addEventListener("change", applyFilters); });
  document.querySelectorAll(".vk-kind").forEach(function (c) { c.addEventListener("change", applyFilters); });
  el("vk-search").addEventListener("input", function (e) {
    clearTimeout(searchTimer); searchTimer = setTimeout(function () { search(e.target.value); }, 200);
  });
  el("vk-search").addEventListener("keydown", function (e) {
    if (e.key !== "Enter") return;
    var found = search(e.target.value);
    if (found.length) { network.focus(found[0], { scale: 1.2 }); showDetails(found[0]); }
  });
  if (DATA.tree && DATA.nodes.length) {  /* room for the labels at the edges; never past 1:1; a tree too tall to
    read whole opens at a readable scale on its top, the rest a scroll or a zoom away */
    network.fit({ animation: false });
    var fitted = network.getScale() * 0.85, readable = 0.6;
    if (fitted >= readable) network.moveTo({ scale: Math.min(fitted, 1.0), animation: false });
    else {
      var xs = DATA.nodes.map(function (n) { return n.x; }), ys = DATA.nodes.map(function (n) { return n.y; });
      var minX = Math.min.apply(null, xs), maxX = Math.max.apply(null, xs), minY = Math.min.apply(null, ys);
      var w = container.clientWidth / readable, h = container.clientHeight / readable;
      var cx = (maxX - minX + 400 <= w) ? (minX + maxX) / 2 : minX - 150 + w / 2;
      network.moveTo({ position: { x: cx, y: minY - 40 + h / 2 }, scale: readable, animation: false });
    }
  }
  network.once("afterDrawing", function () { document.body.dataset.drawn = "1"; });
  var focus = DATA.nodes.filter(function (n) { return n.vk.focus; })[0];
  if (focus) network.selectNodes([focus.id]);
  window.vkView = { network: network, nodes: nodes, edges: edges, applyFilters: applyFilters, search: search,
                    showDetails: showDetails, expand: expand };
})();
