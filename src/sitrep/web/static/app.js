// sitrep dashboard: map, timeline, filters, event and actor panels over the read-only API.
// Plain browser JavaScript; Leaflet, markercluster and topojson-client come from npm (make setup).
"use strict";

const COLORS = {
  "Battles": "#d7301f", "Explosions/Remote violence": "#fd8d3c", "Violence against civilians": "#7a0177",
  "Protests": "#2171b5", "Riots": "#e7b416", "Strategic developments": "#238b45",
};
const OTHER = "#7f7f7f";
const typeOf = (ev) => ev.acled_event_type || ev.event_type;
const colorOf = (type) => COLORS[type] || OTHER;
const state = { filters: {}, map: null, cluster: null, markers: {}, selected: null };

function escapeHtml(s) {
  return String(s ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));
}

function query(extra = {}) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...state.filters, ...extra })) if (v !== "" && v != null) params.set(k, v);
  return params.toString();
}

async function api(path) {
  const res = await fetch(path);
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

// -- map ----------------------------------------------------------------------------
async function initMap() {
  if (!window.L) { document.getElementById("missing-assets").hidden = false; return; }
  state.map = L.map("map", { worldCopyJump: true, minZoom: 2, maxZoom: 10 }).setView([20, 20], 2);
  try {   // Natural Earth countries from the world-atlas package: a basemap with no tile server
    const world = await api("/static/vendor/countries-50m.json");
    L.geoJSON(topojson.feature(world, world.objects.countries), {
      style: { className: "country", color: "#9aa39a", weight: 0.6, fillColor: "#eef0e8", fillOpacity: 1 },
      interactive: false,
    }).addTo(state.map);
  } catch (err) { console.warn("basemap", err); }
  state.cluster = newClusterGroup();
  state.map.addLayer(state.cluster);
}

function newClusterGroup() {
  return L.markerClusterGroup({ maxClusterRadius: 35, spiderfyOnMaxZoom: true, showCoverageOnHover: false });
}

function drawMarkers(events) {
  if (!state.map) return;
  // a fresh cluster group each time: clearing one that is spiderfied or mid-zoom throws
  state.map.removeLayer(state.cluster);
  state.cluster = newClusterGroup();
  state.map.addLayer(state.cluster);
  state.markers = {};
  const points = [];
  for (const ev of events) {
    if (!ev.location) continue;
    const ll = [ev.location.lat, ev.location.lon];
    const marker = L.circleMarker(ll, {
      radius: 6 + Math.min(6, Math.sqrt(ev.fatalities || 0)), color: "#222", weight: 1,
      fillColor: colorOf(typeOf(ev)), fillOpacity: 0.85, className: `event-marker ev-${ev.event_id}`,
    });
    marker.bindTooltip(`${escapeHtml(ev.acled_sub_event_type || ev.event_type)} — ${escapeHtml(ev.location.name)}<br>${ev.date.start}`);
    marker.on("click", () => selectEvent(ev.event_id));
    state.cluster.addLayer(marker);
    state.markers[ev.event_id] = marker;
    points.push(ll);
  }
  if (points.length) state.map.fitBounds(points, { padding: [30, 30], maxZoom: 7 });
}

function drawLegend(events) {
  const types = [...new Set(events.map(typeOf))].sort();
  document.getElementById("legend").innerHTML = types
    .map((t) => `<span style="--c:${colorOf(t)}">${escapeHtml(t)}</span>`).join("");
}

function drawList(events, total) {
  document.getElementById("count").textContent =
    `${total} event${total === 1 ? "" : "s"}${total > events.length ? ` (showing ${events.length})` : ""}`;
  document.getElementById("event-list").innerHTML = events.map((ev) => `
    <li data-id="${ev.event_id}"><span class="dot" style="background:${colorOf(typeOf(ev))}"></span>
    ${ev.date.start} · ${escapeHtml(ev.acled_sub_event_type || ev.event_type)} ·
    ${escapeHtml(ev.location ? ev.location.name : "no place")}
    ${ev.cluster && ev.cluster.num_articles > 1 ? ` · ${ev.cluster.num_articles} reports` : ""}</li>`).join("");
}

// -- event panel --------------------------------------------------------------------
function sentenceStart(ev) {
  // the sentence's offset in the article: the occurrence that holds the trigger
  const text = ev.article_text || "";
  let at = text.indexOf(ev.sentence);
  while (at >= 0 && !(at <= ev.evidence.start && ev.evidence.start < at + ev.sentence.length)) {
    at = text.indexOf(ev.sentence, at + 1);
  }
  return at;
}

function highlighted(ev) {
  const s0 = sentenceStart(ev);
  const spans = [{ start: ev.evidence.start, end: ev.evidence.end, cls: "trigger", title: "event" }];
  for (const a of ev.actors) spans.push({ start: a.start, end: a.end, cls: "actor", title: `${a.role}: ${a.name}` });
  if (ev.location) spans.push({ start: ev.location.start, end: ev.location.end, cls: "place", title: ev.location.name });
  if (ev.date.evidence) spans.push({ start: ev.date.evidence.start, end: ev.date.evidence.end, cls: "date", title: ev.date.start });
  if (s0 < 0) return escapeHtml(ev.sentence);
  const inside = spans.filter((s) => s.start >= s0 && s.end <= s0 + ev.sentence.length)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  let html = "", pos = s0;
  for (const s of inside) {
    if (s.start < pos) continue;  // overlapping spans: the first one wins
    html += escapeHtml(ev.article_text.slice(pos, s.start));
    html += `<mark class="${s.cls}" title="${escapeHtml(s.title)}">${escapeHtml(ev.article_text.slice(s.start, s.end))}</mark>`;
    pos = s.end;
  }
  return html + escapeHtml(ev.article_text.slice(pos, s0 + ev.sentence.length));
}

async function selectEvent(id) {
  const ev = await api(`/api/events/${encodeURIComponent(id)}`);
  state.selected = id;
  document.querySelectorAll("#event-list li").forEach((li) => li.classList.toggle("selected", li.dataset.id === id));
  const panel = document.getElementById("event-panel");
  const actors = ev.actors.map((a) => `<li>${a.role}: <span class="actor-link" data-name="${escapeHtml(a.name)}">${escapeHtml(a.name)}</span>
    <small>(“${escapeHtml(a.text)}”${a.acled_inter ? `, inter ${a.acled_inter}` : ""})</small></li>`).join("");
  const s0 = sentenceStart(ev), s1 = s0 + ev.sentence.length;
  const quotes = (ev.quotes || []).slice().sort((a, b) => (b.start < s1 && b.end > s0) - (a.start < s1 && a.end > s0));
  const mentions = (ev.cluster_mentions || []).filter((m) => m.event_id !== ev.event_id);
  panel.innerHTML = `
    <button class="close" title="close" onclick="this.parentElement.hidden=true">×</button>
    <h2><span class="swatch" style="background:${colorOf(typeOf(ev))}"></span>${escapeHtml(ev.acled_sub_event_type || ev.event_type)}</h2>
    <div class="sentence" id="evidence">${highlighted(ev)}</div>
    <div class="key"><mark class="trigger">event</mark> <mark class="actor">actor</mark> <mark class="place">place</mark> <mark class="date">date</mark></div>
    <dl>
      <dt>Type</dt><dd>${escapeHtml(ev.acled_event_type || "—")} / ${escapeHtml(ev.event_type)}${ev.mode ? ` (${escapeHtml(ev.mode)})` : ""}</dd>
      <dt>Status</dt><dd>${escapeHtml(ev.status)}</dd>
      <dt>Date</dt><dd>${ev.date.start}${ev.date.end !== ev.date.start ? ` – ${ev.date.end}` : ""} <small>(${ev.date.precision}, ${ev.date.method}${ev.date.text ? `: “${escapeHtml(ev.date.text)}”` : ""})</small></dd>
      <dt>Place</dt><dd>${ev.location ? `${escapeHtml(ev.location.name)}, ${escapeHtml(ev.location.admin1 || "")} ${escapeHtml(ev.location.country || "")} <small>(${ev.location.precision}; ${escapeHtml(ev.location.reason || "")})</small>` : "—"}</dd>
      <dt>Dead</dt><dd>${ev.fatalities ?? "—"}</dd>
      <dt>Source</dt><dd>${escapeHtml(ev.article.source || ev.doc_id)} ${ev.article.title ? `— ${escapeHtml(ev.article.title)}` : ""} (${ev.pub_date})
        ${ev.article.url ? `<a href="${escapeHtml(ev.article.url)}" rel="noopener noreferrer">link</a>` : ""}</dd>
    </dl>
    <h3>Actors</h3><ul>${actors || "<li>none named</li>"}</ul>
    <h3>Quotes</h3>${quotes.map((q) => `<blockquote>“${escapeHtml(q.quote)}”<br>— ${escapeHtml(q.speaker)}${q.anonymous ? " (anonymous)" : ""}${q.affiliation ? `, ${escapeHtml(q.affiliation)}` : ""}</blockquote>`).join("") || "<p>none</p>"}
    <h3>Other reports of this event (${mentions.length})</h3>
    <ul class="mentions">${mentions.map((m) => `<li data-id="${m.event_id}">${escapeHtml(m.source || m.doc_id)} (${m.pub_date}): ${escapeHtml(m.sentence)}</li>`).join("") || "<li>none</li>"}</ul>`;
  panel.hidden = false;
  panel.querySelectorAll(".actor-link").forEach((el) => el.addEventListener("click", () => showActor(el.dataset.name)));
  panel.querySelectorAll(".mentions li[data-id]").forEach((el) => el.addEventListener("click", () => selectEvent(el.dataset.id)));
  const marker = state.markers[id];
  if (marker && state.map) {
    // centre on it, close enough to see the town, without diving to the cluster's last zoom
    state.map.setView(marker.getLatLng(), Math.max(state.map.getZoom(), 7), { animate: false });
    if (state.cluster.getVisibleParent(marker) === marker) marker.openTooltip();
  }
}

// -- actor panel: its backing and alliance relations as a small graph ----------------
async function showActor(name) {
  const [relations, events] = await Promise.all([
    api(`/api/relations?actor=${encodeURIComponent(name)}`),
    api(`/api/events?limit=0&actor=${encodeURIComponent(name)}`),
  ]);
  const edges = relations.filter((r) => r.backer === name || r.backed === name);
  const others = [...new Set(edges.map((r) => (r.backer === name ? r.backed : r.backer)))];
  const W = 390, H = Math.max(160, 60 + others.length * 14), cx = W / 2, cy = H / 2, R = Math.min(W, H) / 2 - 30;
  const pos = Object.fromEntries(others.map((o, i) => {
    const a = (2 * Math.PI * i) / Math.max(1, others.length) - Math.PI / 2;
    return [o, [cx + R * 1.5 * Math.cos(a), cy + R * Math.sin(a)]];
  }));
  pos[name] = [cx, cy];
  const lines = edges.map((r) => {
    const [x1, y1] = pos[r.backer], [x2, y2] = pos[r.backed];
    return `<line x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}" stroke="${r.kind === "backs" ? "#1a55b5" : "#238b45"}" stroke-width="1.5" marker-end="url(#arrow)"><title>${escapeHtml(r.backer)} ${r.kind} ${escapeHtml(r.backed)}: ${r.articles} article(s) — “${escapeHtml(r.example)}”</title></line>`;
  }).join("");
  const nodes = Object.entries(pos).map(([n, [x, y]]) => `<g><circle cx="${x}" cy="${y}" r="${n === name ? 7 : 5}" fill="${n === name ? "#d7301f" : "#555"}"></circle>
    <text x="${x}" y="${n === name ? y + 20 : y - 9}" text-anchor="middle">${escapeHtml(n)}</text></g>`).join("");
  const panel = document.getElementById("actor-panel");
  panel.innerHTML = `<button class="close" title="close" onclick="this.parentElement.hidden=true">×</button>
    <h2>${escapeHtml(name)}</h2><p>${events.total} event(s). <a href="#" id="actor-filter">Show only these</a></p>
    <svg id="actor-graph" width="${W}" height="${H}"><defs><marker id="arrow" viewBox="0 0 10 10" refX="16" refY="5" markerWidth="6" markerHeight="6" orient="auto"><path d="M0,0L10,5L0,10z" fill="#777"></path></marker></defs>${lines}${nodes}</svg>
    <p><small>Blue: backs; green: allied. Arrows point from backer to backed.</small></p>
    ${edges.length ? "" : "<p>No backing or alliance stated in the reports.</p>"}`;
  panel.hidden = false;
  panel.querySelector("#actor-filter").addEventListener("click", (e) => {
    e.preventDefault();
    document.getElementById("f-actor").value = name;
    applyFilters();
  });
}

// -- timeline: stacked counts by type, brushable ------------------------------------
async function drawTimeline() {
  const svg = document.getElementById("timeline");
  const { since, until, ...rest } = state.filters;   // the brush needs the whole span as context
  const stats = await api("/api/stats");
  const span = stats.first_date && stats.last_date ? (Date.parse(stats.last_date) - Date.parse(stats.first_date)) / 864e5 : 0;
  const period = span <= 120 ? "day" : "month";
  const rows = await api(`/api/timeline?period=${period}&${new URLSearchParams(Object.entries(rest).filter(([, v]) => v))}`);
  const periods = continuous([...new Set(rows.map((r) => r.period))].sort(), period);
  const W = svg.clientWidth || 800, H = 130, pad = 24, bw = Math.max(2, (W - 2 * pad) / Math.max(1, periods.length));
  const totals = {};
  rows.forEach((r) => { totals[r.period] = (totals[r.period] || 0) + r.events; });
  const max = Math.max(1, ...Object.values(totals));
  const stackTop = {};
  let bars = "";
  for (const r of rows) {
    const i = periods.indexOf(r.period), h = ((H - 2 * pad) * r.events) / max, y0 = stackTop[r.period] ?? H - pad;
    bars += `<rect class="bar" data-period="${r.period}" x="${pad + i * bw}" y="${y0 - h}" width="${bw - 1}" height="${h}" fill="${colorOf(r.type)}"><title>${r.period} ${escapeHtml(r.type)}: ${r.events}</title></rect>`;
    stackTop[r.period] = y0 - h;
  }
  const labels = periods.filter((_, i) => i % Math.ceil(periods.length / 10 || 1) === 0)
    .map((p) => `<text x="${pad + periods.indexOf(p) * bw}" y="${H - 6}" font-size="10">${p}</text>`).join("");
  svg.innerHTML = `${bars}${labels}<text x="4" y="14" font-size="10">${max}</text><rect id="brush" y="${pad / 2}" height="${H - pad * 1.5}" fill="rgba(30,80,160,.15)" stroke="#1e50a0" visibility="hidden"></rect>`;
  svg.dataset.period = period;
  svg._timeline = { periods, bw, pad };
}

function continuous(periods, kind) {
  // every day or month between the first and the last, so that bar width is time
  if (periods.length < 2) return periods;
  const out = [], last = periods[periods.length - 1];
  if (kind === "day") {
    for (let t = Date.parse(periods[0]); t <= Date.parse(last); t += 864e5) out.push(new Date(t).toISOString().slice(0, 10));
    return out;
  }
  let [y, m] = periods[0].split("-").map(Number);
  for (;;) {
    const p = `${y}-${String(m).padStart(2, "0")}`;
    out.push(p);
    if (p >= last) return out;
    m += 1; if (m > 12) { m = 1; y += 1; }
  }
}

function periodBounds(period, kind) {
  // [first day, last day] of a timeline period
  if (kind === "day") return [period, period];
  if (kind === "month") {
    const [y, m] = period.split("-").map(Number);
    return [`${period}-01`, new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10)];
  }
  throw new Error(`unknown period kind ${kind}`);
}

function initBrush() {
  const svg = document.getElementById("timeline");
  let x0 = null;
  const at = (e) => e.clientX - svg.getBoundingClientRect().left;
  svg.addEventListener("mousedown", (e) => { x0 = at(e); });
  svg.addEventListener("mousemove", (e) => {
    if (x0 == null) return;
    const brush = svg.querySelector("#brush"), x1 = at(e);
    brush.setAttribute("x", Math.min(x0, x1)); brush.setAttribute("width", Math.abs(x1 - x0));
    brush.setAttribute("visibility", "visible");
  });
  svg.addEventListener("mouseup", (e) => {
    if (x0 == null || !svg._timeline) return;
    const { periods, bw, pad } = svg._timeline, x1 = at(e), start = x0;
    const idx = (x) => Math.max(0, Math.min(periods.length - 1, Math.floor((x - pad) / bw)));
    const [a, b] = [idx(Math.min(start, x1)), idx(Math.max(start, x1))];
    x0 = null;
    if (!periods.length || Math.abs(x1 - start) < 3) return;   // a click, not a drag
    document.getElementById("f-since").value = periodBounds(periods[a], svg.dataset.period)[0];
    document.getElementById("f-until").value = periodBounds(periods[b], svg.dataset.period)[1];
    applyFilters();
  });
  svg.addEventListener("dblclick", () => {
    document.getElementById("f-since").value = ""; document.getElementById("f-until").value = "";
    applyFilters();
  });
}

// -- filters and loading ------------------------------------------------------------
async function load() {
  const data = await api(`/api/events?limit=1000&${query()}`);
  drawMarkers(data.events);
  drawLegend(data.events);
  drawList(data.events, data.total);
  await drawTimeline();
  document.body.dataset.loaded = String(Date.now());
}

function applyFilters() {
  const form = document.getElementById("filters");
  state.filters = Object.fromEntries([...new FormData(form).entries()].filter(([, v]) => v));
  history.replaceState(null, "", `?${query()}`);
  return load();
}

async function init() {
  const stats = await api("/api/stats");
  const typeSelect = document.getElementById("f-type"), countrySelect = document.getElementById("f-country");
  stats.acled_types.forEach((t) => typeSelect.add(new Option(t, t)));
  stats.countries.forEach((c) => countrySelect.add(new Option(c, c)));
  for (const [k, v] of new URLSearchParams(location.search)) {
    const input = document.querySelector(`#filters [name="${k}"]`);
    if (input) input.value = v;
  }
  await initMap();
  initBrush();
  document.getElementById("filters").addEventListener("submit", (e) => { e.preventDefault(); applyFilters(); });
  document.getElementById("f-type").addEventListener("change", applyFilters);
  document.getElementById("f-country").addEventListener("change", applyFilters);
  document.getElementById("f-clear").addEventListener("click", () => { document.getElementById("filters").reset(); applyFilters(); });
  document.getElementById("event-list").addEventListener("click", (e) => {
    const li = e.target.closest("li[data-id]");
    if (li) selectEvent(li.dataset.id);
  });
  await applyFilters();
}

window.sitrep = { selectEvent, showActor, state };
init().catch((err) => { document.getElementById("count").textContent = `error: ${err.message}`; console.error(err); });
