// Move focus to the result heading so screen readers announce the result first.
const heading = document.getElementById("result-heading");
if (heading) heading.focus();
