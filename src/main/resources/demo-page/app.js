// The Slack stand-in: polls the demo's state, draws the channel, and sends commands and clicks
// to the server, which signs them and posts them to /slack/events.
"use strict";

const state = { user: null, lastJson: "", users: {} };
const $ = id => document.getElementById(id);

// Every call to the demo goes through here: it carries this start's token (from the page's URL)
// in a header, which a cross-site form, image or script on another site cannot send.
const token = new URLSearchParams(location.search).get("token") || "";
async function api(path, options = {}) {
  const r = await fetch(path, { ...options, headers: { ...(options.headers || {}), "X-Demo-Token": token } });
  if (r.status === 403) throw new Error("refused: open the URL the demo printed at start (it carries ?token=…)");
  return r;
}

async function post(path, body) {
  const r = await api(path, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  return r.json();
}

function when(ts) {
  const d = new Date(parseFloat(ts) * 1000);
  return d.toLocaleTimeString();
}

function messageElement(m, replies) {
  const el = document.createElement("div");
  el.className = "message";
  el.dataset.ts = m.ts;
  el.innerHTML = '<div><span class="who">canary-bot<span class="app">APP</span></span><span class="when">'
    + when(m.ts) + "</span>" + (m.edits > 0 ? ' <span class="edited">(edited)</span>' : "") + "</div>";
  el.appendChild(body(m));
  if (replies.length) {
    const thread = document.createElement("div");
    thread.className = "thread";
    for (const r of replies) {
      const re = document.createElement("div");
      re.className = "message reply";
      re.dataset.ts = r.ts;
      re.innerHTML = '<div><span class="who">canary-bot<span class="app">APP</span></span><span class="when">' + when(r.ts) + "</span></div>";
      re.appendChild(body(r));
      thread.appendChild(re);
    }
    el.appendChild(thread);
  }
  return el;
}

function body(m) {
  const el = document.createElement("div");
  el.className = "content";
  if (m.blocks && m.blocks.length) {
    el.appendChild(renderBlocks(m.blocks, m, click));
  } else if (m.text) {
    const t = document.createElement("div");
    t.className = "bk-section";
    t.innerHTML = mrkdwn(m.text);
    el.appendChild(t);
  }
  for (const f of m.files || []) {
    const file = document.createElement("div");
    file.className = "file";
    file.innerHTML = '<img src="' + f + '" alt="uploaded chart">';
    el.appendChild(file);
  }
  return el;
}

function click(button, block, message) {
  const send = () => post("/demo/page/api/click", {
    user: state.user, messageTs: message.ts, blockId: block.block_id || "", actionId: button.action_id, value: button.value || ""
  }).then(refresh);
  if (!button.confirm) {
    send();
    return;
  }
  const c = button.confirm;
  $("confirm-title").innerHTML = textObject(c.title);
  $("confirm-text").innerHTML = textObject(c.text);
  $("confirm-yes").innerHTML = textObject(c.confirm) || "Confirm";
  $("confirm-no").innerHTML = textObject(c.deny) || "Cancel";
  $("confirm-yes").className = c.style === "danger" ? "danger" : "";
  const dialog = $("confirm");
  $("confirm-yes").onclick = () => { dialog.close(); send(); };
  $("confirm-no").onclick = () => dialog.close();
  dialog.showModal();
}

function draw(s) {
  const top = s.messages.filter(m => !m.threadTs || m.threadTs === m.ts);
  const list = $("messages");
  const atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 40;
  list.innerHTML = "";
  const items = top.map(m => ({ ts: parseFloat(m.ts), el: messageElement(m, s.messages.filter(r => r.threadTs && r.threadTs === m.ts && r.ts !== m.ts)) }));
  for (const e of s.ephemerals) {
    const el = document.createElement("div");
    el.className = "ephemeral";
    el.dataset.ts = e.ts;
    el.innerHTML = '<div class="only">Only visible to you</div>';
    el.appendChild(body(e));
    items.push({ ts: parseFloat(e.ts), el });
  }
  items.sort((a, b) => a.ts - b.ts).forEach(i => list.appendChild(i.el));
  if (atBottom) list.scrollTop = list.scrollHeight;
  const w = Object.entries(s.weights).map(([k, v]) => k + " " + v + " %").join(" / ");
  $("weights").textContent = w || "no route";
  const t = s.traffic;
  $("traffic").innerHTML = Object.entries(t.versions).map(([v, p]) =>
    "<div>" + escapeHtml(v) + ": " + (p.errorRate * 100).toFixed(1) + " % errors, " + Math.round(p.latencyMs) + " ms median"
    + (p.readyPods === undefined ? "" : ", " + p.readyPods + (p.readyPods === 1 ? " ready pod" : " ready pods"))
    + (p.latencyFactor > 1.05 ? ", overloaded: latency ×" + p.latencyFactor.toFixed(1) : "") + "</div>").join("")
    + "<div>" + t.rps + " requests/s</div>";
  $("pods").innerHTML = s.pods.map(d => "<div>" + escapeHtml(d.name) + ": " + d.readyReplicas + "/" + d.replicas + " ready"
    + (d.pods !== d.readyReplicas ? ", " + d.pods + " pods" : "") + (d.fail ? ", new pods fail: " + escapeHtml(d.fail) : "") + "</div>").join("");
  $("external").hidden = !s.external;
  $("channel-name").textContent = "# releases (" + s.channel + ")";
}

async function refresh() {
  try {
    const r = await api("/demo/page/api/state?user=" + encodeURIComponent(state.user));
    const text = await r.text();
    if (text === state.lastJson) return;
    state.lastJson = text;
    draw(JSON.parse(text));
  } catch (e) {
    $("weights").textContent = e.message.startsWith("refused") ? e.message : "demo unreachable";
  }
}

async function init() {
  const first = await (await api("/demo/page/api/state")).json();
  state.users = first.users;
  const select = $("user");
  for (const [role, id] of Object.entries(first.users)) {
    const o = document.createElement("option");
    o.value = id;
    o.textContent = role + " (" + id + ")";
    select.appendChild(o);
  }
  state.user = first.users.operator;
  select.value = state.user;
  select.addEventListener("change", () => { state.user = select.value; state.lastJson = ""; refresh(); });
  $("vs-link").href = first.kubernetes + "/apis/networking.istio.io/v1beta1/namespaces/default/virtualservices/api-vs";
  $("command-form").addEventListener("submit", ev => {
    ev.preventDefault();
    const text = $("command").value.trim();
    if (!text) return;
    $("command").value = "";
    post("/demo/page/api/command", { user: state.user, text }).then(refresh);
  });
  const v2 = first.traffic.versions["v2"] || {};
  $("tv-error").value = ((v2.errorRate || 0) * 100).toFixed(1);
  $("tv-latency").value = Math.round(v2.latencyMs || 40);
  $("tv-rps").value = first.traffic.rps;
  $("tv-version").addEventListener("change", () => {
    const p = JSON.parse(state.lastJson || "{}").traffic.versions[$("tv-version").value];
    $("tv-error").value = (p.errorRate * 100).toFixed(1);
    $("tv-latency").value = Math.round(p.latencyMs);
  });
  for (const d of first.pods) {
    const o = document.createElement("option");
    o.value = d.name;
    o.textContent = d.name;
    $("pd-deployment").appendChild(o);
  }
  $("pd-deployment").value = (first.pods.find(d => d.name.endsWith("v2")) || first.pods[0] || {}).name || "";
  $("pods-form").addEventListener("submit", async ev => {
    ev.preventDefault();
    await post("/demo/pods", { deployment: $("pd-deployment").value, fail: $("pd-fail").value || null });
    state.lastJson = "";
    refresh();
  });
  $("traffic-form").addEventListener("submit", async ev => {
    ev.preventDefault();
    await post("/demo/traffic", { version: $("tv-version").value, errorRate: parseFloat($("tv-error").value) / 100,
      latencyMs: parseFloat($("tv-latency").value) });
    await post("/demo/traffic", { rps: parseFloat($("tv-rps").value) });
    state.lastJson = "";
    refresh();
  });
  refresh();
  setInterval(refresh, 700);
}

init();
