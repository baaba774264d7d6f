// Knowledge checks without a page reload: post the answer, then put the
// feedback into the question's live region so screen readers announce it.
// Without this script the form posts normally and the page reloads at the
// question with the same feedback, so nothing depends on it.
//
// Keyboard focus stays on "Check answer" throughout: the button is marked
// aria-disabled while the answer is sent (a disabled button would drop focus
// to the page), and a missing answer is shown with the GOV.UK error pattern on
// the question group, with focus moved to its first option.

const ERROR_CLASS = "govuk-form-group--error";

function showError(form, text) {
  const group = form.querySelector(".govuk-form-group");
  const fieldset = form.querySelector("fieldset");
  const options = form.querySelector(".govuk-radios, .govuk-checkboxes");
  if (!group || !fieldset || !options) return false;
  const errorId = `${form.closest(".app-check").id}-error`;
  let message = document.getElementById(errorId);
  if (!message) {
    message = document.createElement("p");
    message.className = "govuk-error-message";
    message.id = errorId;
    options.parentNode.insertBefore(message, options);
  }
  message.innerHTML = '<span class="govuk-visually-hidden">Error:</span> ';
  message.appendChild(document.createTextNode(text));
  group.classList.add(ERROR_CLASS);
  const described = (fieldset.getAttribute("aria-describedby") || "").split(/\s+/).filter(Boolean);
  if (!described.includes(errorId)) described.push(errorId);
  fieldset.setAttribute("aria-describedby", described.join(" "));
  const first = options.querySelector("input");
  if (first) first.focus();
  return true;
}

function clearError(form) {
  const group = form.querySelector(".govuk-form-group");
  const fieldset = form.querySelector("fieldset");
  const errorId = `${form.closest(".app-check").id}-error`;
  const message = document.getElementById(errorId);
  if (message) message.remove();
  if (group) group.classList.remove(ERROR_CLASS);
  if (fieldset) {
    const described = (fieldset.getAttribute("aria-describedby") || "").split(/\s+/).filter((id) => id && id !== errorId);
    fieldset.setAttribute("aria-describedby", described.join(" "));
  }
}

function showProblem(region, text) {
  region.innerHTML = "";
  const message = document.createElement("p");
  message.className = "govuk-error-message";
  message.textContent = text;
  region.appendChild(message);
}

function enhance(form) {
  const section = form.closest(".app-check");
  const region = section && section.querySelector(".app-check__feedback");
  if (!region || !form.action) return;
  const button = form.querySelector("button[type=submit]");
  let busy = false;

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (busy) return;
    if (!form.querySelector("input[name=option]:checked")) {
      // Checked here as well as on the server, so the error appears at once.
      clearError(form);
      showError(form, "Choose an answer.");
      return;
    }
    busy = true;
    if (button) button.setAttribute("aria-disabled", "true");
    try {
      const response = await fetch(form.action, {
        method: "POST",
        body: new FormData(form),
        headers: { Accept: "application/json" },
        credentials: "same-origin",
      });
      const data = await response.json();
      clearError(form);
      if (data.html !== undefined) {
        region.innerHTML = data.html;
      } else if (response.status === 400 && data.error === "Choose an answer.") {
        showError(form, data.error);
      } else {
        showProblem(region, data.error || "Your answer could not be saved. Try again.");
      }
    } catch (error) {
      // The network or server failed: fall back to an ordinary submit.
      form.submit();
    } finally {
      busy = false;
      if (button) button.removeAttribute("aria-disabled");
    }
  });
}

document.querySelectorAll("form[data-app-knowledge-check]").forEach(enhance);
