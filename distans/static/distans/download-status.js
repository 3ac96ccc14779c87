// A download that takes a while (the PDF of one's data): on the click, say it is being prepared, in the
// status element the link names (data-status). The link itself downloads, with or without this script.
document.addEventListener("click", (event) => {
  const link = event.target.closest("a[data-status]");
  const box = link && document.getElementById(link.dataset.status);
  if (!box) return;
  box.textContent = box.dataset.message;
  clearTimeout(box.clearing);
  box.clearing = setTimeout(() => { box.textContent = ""; }, 60000);
});
