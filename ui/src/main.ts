// Entry point: mount the app, and catch anything that escapes it so the window never goes blank.
import { mount } from "svelte";
import App from "./App.svelte";
import "./app.css";
import { reportError } from "./lib/errors.svelte";

window.addEventListener("error", (e) => reportError(e.error ?? e.message));
window.addEventListener("unhandledrejection", (e) => reportError(e.reason));

export default mount(App, { target: document.getElementById("app")! });
