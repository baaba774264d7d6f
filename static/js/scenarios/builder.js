// The mapping builder, enhanced. Without this script the page is a plain form:
// one select per card, text boxes, radios, "Save draft" and "Submit".
// Here: cards move to the column their select names (the select stays the
// source of truth), cards can be dragged between columns, the answer saves
// itself as a draft, text is kept in localStorage if saving fails, and the
// statement and goal boxes get plain-language hints as the learner types.
const form = document.getElementById("mapping-form");

function csrfToken() {
  // Read the cookie each time: signing in again in another tab rotates it.
  const match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
  return match ? decodeURIComponent(match[1]) : form.querySelector("[name=csrfmiddlewaretoken]").value;
}

function debounce(fn, wait) {
  let timer = null;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), wait);
  };
}

function zoneList(value) {
  const zone = form.querySelector(`.app-zone[data-zone="${value}"]`);
  return zone ? zone.querySelector(".app-zone__list") : null;
}

// Keys with which a closed select changes its value one step at a time. Chromium fires
// `change` on every such press, so a card moved then would leave the keyboard user's
// next Tab past the remaining unplaced cards.
const STEP_KEYS = new Set(["ArrowUp", "ArrowDown", "ArrowLeft", "ArrowRight", "Home", "End", "PageUp", "PageDown"]);

function placeCard(card) {
  const select = card.querySelector("select[data-place]");
  const list = zoneList(select.value);
  if (!list || card.parentElement === list) return false;
  list.appendChild(card);
  return true;
}

function zoneName(card) {
  const zone = card.closest(".app-zone");
  const column = card.closest(".app-column");
  const title = zone.querySelector(".app-zone__title").textContent.trim();
  return column ? `${title}, in ${column.querySelector("h3").textContent.trim()}` : title;
}

function shortText(card) {
  const words = card.querySelector(".app-card__text").textContent.trim().split(/\s+/);
  return words.slice(0, 6).join(" ") + (words.length > 6 ? "..." : "");
}

if (form) {
  const status = document.getElementById("draft-status");
  const boardStatus = document.getElementById("board-status");
  const storageKey = form.dataset.storageKey;
  const say = (text) => { status.textContent = text; };
  const announceMove = (card) => { boardStatus.textContent = `Moved "${shortText(card)}" to ${zoneName(card)}.`; };

  // Move a card to the zone its select names, and say so. Returns whether it moved.
  const move = (card) => {
    card.dataset.pending = "";
    if (!placeCard(card)) return false;
    announceMove(card);
    return true;
  };

  // --- Cards: select (pointer or keyboard), drag and drop ----------------------------------
  form.querySelectorAll(".app-card").forEach((card) => {
    const select = card.querySelector("select[data-place]");
    let lastInput = "pointer";
    select.addEventListener("pointerdown", () => { lastInput = "pointer"; });
    select.addEventListener("keydown", (event) => {
      if (STEP_KEYS.has(event.key) || event.key.length === 1) lastInput = "keyboard";
      if (event.key === "Enter" && card.dataset.pending) {
        // Enter confirms the choice: move now, then go on to the next card still to place.
        event.preventDefault();
        const unplaced = zoneList("");
        const wasUnplaced = card.parentElement === unplaced;
        const next = wasUnplaced ? card.nextElementSibling : null;
        move(card);
        if (next) next.querySelector("select[data-place]").focus();
      }
    });
    select.addEventListener("change", () => {
      if (lastInput === "keyboard" && document.activeElement === select) {
        // Stepping through the options: move when the learner leaves the select or presses Enter.
        card.dataset.pending = "1";
        return;
      }
      move(card);
    });
    // Leaving the select (Tab, Shift+Tab, a click elsewhere) moves the card. Focus has already
    // gone to the next control, so Tab reaches the next unplaced card.
    select.addEventListener("blur", () => { if (card.dataset.pending) move(card); });
    card.setAttribute("draggable", "true");
    card.addEventListener("dragstart", (event) => {
      event.dataTransfer.setData("text/plain", card.dataset.item);
      event.dataTransfer.effectAllowed = "move";
      card.classList.add("app-card--dragging");
    });
    card.addEventListener("dragend", () => card.classList.remove("app-card--dragging"));
  });
  form.querySelectorAll(".app-zone").forEach((zone) => {
    zone.addEventListener("dragover", (event) => {
      event.preventDefault();
      zone.classList.add("app-zone--over");
    });
    zone.addEventListener("dragleave", () => zone.classList.remove("app-zone--over"));
    zone.addEventListener("drop", (event) => {
      event.preventDefault();
      zone.classList.remove("app-zone--over");
      const card = document.getElementById(`card-${event.dataTransfer.getData("text/plain")}`);
      if (!card) return;
      const select = card.querySelector("select[data-place]");
      select.value = zone.dataset.zone;
      move(card);
      // Tell the autosave; the card is already where its select says.
      select.dispatchEvent(new Event("change", { bubbles: true }));
    });
  });

  // --- Local copy, so nothing typed is lost ---------------------------------------------
  const fields = () => Array.from(new FormData(form).entries()).filter(([name]) => name !== "csrfmiddlewaretoken");
  const keepLocally = () => {
    try {
      localStorage.setItem(storageKey, JSON.stringify({ unsaved: true, fields: fields() }));
    } catch (error) { /* storage full or blocked: the server copy still counts */ }
  };
  const forget = () => {
    try { localStorage.removeItem(storageKey); } catch (error) { /* nothing to forget */ }
  };
  try {
    const kept = JSON.parse(localStorage.getItem(storageKey) || "null");
    if (kept && kept.unsaved) {
      kept.fields.forEach(([name, value]) => {
        const inputs = form.querySelectorAll(`[name="${name}"]`);
        inputs.forEach((input) => {
          if (input.type === "radio") input.checked = input.value === value;
          else input.value = value;
        });
      });
      form.querySelectorAll(".app-card").forEach((card) => placeCard(card));
      say("We put back what you had typed but not yet saved.");
    }
  } catch (error) { forget(); }

  // --- Saving drafts ---------------------------------------------------------------------
  const save = async () => {
    const body = new FormData(form);
    let response;
    try {
      response = await fetch(form.dataset.draftUrl, {
        method: "POST",
        body,
        credentials: "same-origin",
        headers: { "X-CSRFToken": csrfToken(), Accept: "application/json" },
      });
    } catch (error) {
      keepLocally();
      say("Your draft could not be saved: check your connection. Your answer is kept on this page.");
      return;
    }
    if (response.ok) {
      const data = await response.json();
      forget();
      say(`Draft saved at ${data.saved_at}.`);
    } else if (response.status === 401 || response.status === 403) {
      keepLocally();
      status.textContent = "You have been signed out, so your draft was not saved. Your answer is kept on this page. ";
      const link = document.createElement("a");
      link.className = "govuk-link";
      link.href = form.dataset.loginUrl;
      link.target = "_blank";
      link.rel = "noopener";
      link.textContent = "Sign in again in a new tab (opens in new tab)";
      status.append(link, ", then come back and select Save draft.");
    } else {
      keepLocally();
      let messages = [];
      try { messages = (await response.json()).messages || []; } catch (error) { /* not JSON */ }
      say(`Your draft was not saved: ${messages.join(" ") || "something went wrong"}`);
    }
  };
  const saveSoon = debounce(save, 1500);
  form.addEventListener("input", () => { keepLocally(); saveSoon(); });
  form.addEventListener("change", () => { keepLocally(); saveSoon(); });
  form.addEventListener("submit", () => {
    // After signing in again the token has changed; send the current one.
    form.querySelector("[name=csrfmiddlewaretoken]").value = csrfToken();
    forget();
  });

  // --- Plain-language hints ---------------------------------------------------------------
  form.querySelectorAll(".app-text").forEach((box) => {
    const textarea = box.querySelector("textarea");
    const hints = box.querySelector(".app-hints");
    const check = debounce(async () => {
      const body = new FormData();
      body.append("section", box.dataset.section);
      body.append("text", textarea.value);
      try {
        const response = await fetch(form.dataset.hintsUrl, {
          method: "POST", body, credentials: "same-origin", headers: { "X-CSRFToken": csrfToken() },
        });
        if (!response.ok) return;
        const data = await response.json();
        hints.replaceChildren(...data.hints.map((hint) => {
          const p = document.createElement("p");
          p.className = "govuk-body-s app-hint";
          p.textContent = hint;
          return p;
        }));
      } catch (error) { /* hints are a help, not a requirement */ }
    }, 800);
    textarea.addEventListener("input", check);
  });
}
