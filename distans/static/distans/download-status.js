// A download that takes a while (the PDF of one's data): on the click, say it is being prepared, in the
// status element the link names (data-status), until the file arrives. The link carries a token of this
// click; the server answers the file with a short-lived cookie named by it, which this script waits for.
// The link itself downloads, with or without this script.
const GIVE_UP_MS = 120000; // the file never came (the browser shows why): stop waiting

document.addEventListener("click", (event) => {
  const link = event.target.closest("a[data-status]");
  const box = link && document.getElementById(link.dataset.status);
  if (!box) return;
  const random = crypto.getRandomValues(new Uint32Array(4));
  const token = Array.from(random, (n) => n.toString(36).padStart(7, "0")).join("");
  const url = new URL(link.href);
  url.searchParams.set("status", token);
  link.href = url.href; // before the browser follows the link, which happens after this handler
  const cookie = `download-${token}=`;
  const started = Date.now();
  box.textContent = box.dataset.message;
  clearInterval(box.waiting);
  box.waiting = setInterval(() => {
    const arrived = document.cookie.split("; ").some((pair) => pair.startsWith(cookie));
    if (arrived) document.cookie = `${cookie}; Max-Age=0; Path=/; SameSite=Lax`;
    if (arrived || Date.now() - started > GIVE_UP_MS) {
      clearInterval(box.waiting);
      box.textContent = "";
    }
  }, 300);
});
