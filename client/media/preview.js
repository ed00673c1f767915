// The context preview's only script (loaded with the page's CSP nonce): clicking or pressing
// Enter/Space on an element with data-line asks the extension to reveal that position.
(function () {
  'use strict';
  const vscode = acquireVsCodeApi();

  function reveal(target) {
    const el = target instanceof Element ? target.closest('[data-line]') : null;
    if (!el) return false;
    vscode.postMessage({ type: 'reveal', line: Number(el.dataset.line), character: Number(el.dataset.character) });
    return true;
  }

  document.addEventListener('click', function (event) {
    if (reveal(event.target)) event.preventDefault();
  });
  // The page is rebuilt on every change of the pattern: keep the reader's place.
  const state = vscode.getState();
  if (state && typeof state.scrollY === 'number') window.scrollTo(0, state.scrollY);
  let saving;
  window.addEventListener('scroll', function () {
    clearTimeout(saving);
    saving = setTimeout(function () { vscode.setState({ scrollY: window.scrollY }); }, 100);
  });

  document.addEventListener('keydown', function (event) {
    if ((event.key === 'Enter' || event.key === ' ') && reveal(event.target)) event.preventDefault();
  });
})();
