// The board report's "Print this report" button. Without JavaScript the
// button stays hidden and the page asks for the browser's print command.
for (const button of document.querySelectorAll(".app-print-button")) {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
}
