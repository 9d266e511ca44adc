/* Small behaviours of the plugin's pages, without inline script:
   a print button (data-ppid-print). */
document.addEventListener("click", function (event) {
  if (event.target.closest && event.target.closest("[data-ppid-print]")) {
    window.print();
  }
});
