// Block Kit and mrkdwn as Slack draws them, for the blocks canary-bot sends: header, section
// (text and fields), context, divider, actions (buttons with confirm dialogs) and image.
"use strict";

function escapeHtml(s) {
  return String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

// Slack's mrkdwn: <url|label>, <@U…>, <#C…>, *bold*, _italic_, ~strike~, `code`, ```pre```.
function mrkdwn(text) {
  if (text == null) return "";
  const parts = String(text).split(/(<[^<>]+>)/);
  return parts.map(part => {
    const link = /^<([^<>|]+)(?:\|([^<>]+))?>$/.exec(part);
    if (link) {
      const target = link[1], label = link[2];
      if (target.startsWith("@")) return '<span class="mention">@' + escapeHtml(label || target.slice(1)) + "</span>";
      if (target.startsWith("#")) return '<span class="mention">#' + escapeHtml(label || target.slice(1)) + "</span>";
      if (target.startsWith("!")) return "<b>@" + escapeHtml(target.slice(1)) + "</b>";
      return '<a href="' + escapeHtml(target) + '" target="_blank">' + escapeHtml(label || target) + "</a>";
    }
    // Slack sends &amp; &lt; &gt; already escaped in text; undo it once, then escape for the page.
    let s = escapeHtml(part.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&"));
    s = s.replace(/```([\s\S]+?)```/g, "<pre>$1</pre>");
    s = s.replace(/`([^`]+)`/g, "<code>$1</code>");
    s = s.replace(/(^|[\s(])\*([^*\n]+)\*/g, "$1<b>$2</b>");
    s = s.replace(/(^|[\s(])_([^_\n]+)_/g, "$1<i>$2</i>");
    s = s.replace(/(^|[\s(])~([^~\n]+)~/g, "$1<s>$2</s>");
    return emoji(s);
  }).join("");
}

// The emoji codes canary-bot writes, drawn as Slack would; others stay as their code.
const EMOJI = {
  white_check_mark: "\u2705", no_entry: "\u26d4", warning: "\u26a0\ufe0f", rotating_light: "\ud83d\udea8",
  hourglass_flowing_sand: "\u23f3", grey_question: "\u2754", leftwards_arrow_with_hook: "\u21a9\ufe0f"
};

function emoji(html) {
  return html.replace(/:([a-z0-9_+-]+):/g, (code, name) => EMOJI[name] || code);
}

function textObject(t) {
  if (!t) return "";
  return t.type === "mrkdwn" ? mrkdwn(t.text) : (t.emoji === false ? escapeHtml(t.text) : emoji(escapeHtml(t.text)));
}

// blocks: the Block Kit array; message: {ts}; onClick(button, block, message) for buttons.
function renderBlocks(blocks, message, onClick) {
  const root = document.createElement("div");
  root.className = "blocks";
  for (const block of blocks || []) {
    const el = document.createElement("div");
    switch (block.type) {
      case "header":
        el.className = "bk-header";
        el.innerHTML = textObject(block.text);
        break;
      case "section":
        el.className = "bk-section";
        if (block.text) {
          const t = document.createElement("div");
          t.innerHTML = textObject(block.text);
          el.appendChild(t);
        }
        if (block.fields) {
          const f = document.createElement("div");
          f.className = "bk-fields";
          f.innerHTML = block.fields.map(x => "<div>" + textObject(x) + "</div>").join("");
          el.appendChild(f);
        }
        break;
      case "context":
        el.className = "bk-context";
        el.innerHTML = (block.elements || []).map(x => x.type === "image"
          ? '<img src="' + escapeHtml(x.image_url) + '" alt="' + escapeHtml(x.alt_text || "") + '" height="16">'
          : textObject(x)).join(" ");
        break;
      case "divider":
        el.className = "bk-divider";
        el.appendChild(document.createElement("hr"));
        break;
      case "image":
        el.className = "bk-image";
        el.innerHTML = (block.title ? "<div>" + textObject(block.title) + "</div>" : "")
          + '<img src="' + escapeHtml(block.image_url) + '" alt="' + escapeHtml(block.alt_text || "") + '">';
        break;
      case "actions":
        el.className = "bk-actions";
        for (const element of block.elements || []) {
          if (element.type !== "button") continue;
          const b = document.createElement("button");
          b.type = "button";
          b.className = "bk-button" + (element.style ? " " + element.style : "");
          b.dataset.actionId = element.action_id;
          b.innerHTML = textObject(element.text);
          if (element.url) {
            b.addEventListener("click", () => window.open(element.url, "_blank"));
          } else {
            b.addEventListener("click", () => onClick(element, block, message));
          }
          el.appendChild(b);
        }
        break;
      default:
        el.className = "bk-unknown";
        el.textContent = "[" + block.type + " block]";
    }
    root.appendChild(el);
  }
  return root;
}
