// Copies GOV.UK Frontend's script and images into the build folder that Django serves.
import { cpSync, mkdirSync } from "node:fs";

const govuk = "node_modules/govuk-frontend/dist/govuk";
mkdirSync("build/static/js", { recursive: true });
cpSync(`${govuk}/govuk-frontend.min.js`, "build/static/js/govuk-frontend.min.js");
cpSync(`${govuk}/assets/images`, "build/static/govuk/assets/images", { recursive: true });
