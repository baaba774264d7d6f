// Knowledge checks without a page reload: post the answer, then put the
// feedback into the question's live region so screen readers announce it.
// Without this script the form posts normally and the page reloads at the
// question with the same feedback, so nothing depends on it.

function enhance(form) {
  const section = form.closest(".app-check");
  const region = section && section.querySelector(".app-check__feedback");
  if (!region || !form.action) return;

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const button = form.querySelector("button[type=submit]");
    if (button) button.disabled = true;
    try {
      const response = await fetch(form.action, {
        method: "POST",
        body: new FormData(form),
        headers: { Accept: "application/json" },
        credentials: "same-origin",
      });
      const data = await response.json();
      if (data.html !== undefined) {
        region.innerHTML = data.html;
      } else {
        region.innerHTML = "";
        const message = document.createElement("p");
        message.className = "govuk-error-message";
        message.textContent = data.error || "Your answer could not be saved. Try again.";
        region.appendChild(message);
      }
    } catch (error) {
      // The network or server failed: fall back to an ordinary submit.
      form.submit();
    } finally {
      if (button) button.disabled = false;
    }
  });
}

document.querySelectorAll("form[data-app-knowledge-check]").forEach(enhance);
