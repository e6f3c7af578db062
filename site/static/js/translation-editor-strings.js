/*
 * wagtail-localize's translation editor (a React app) writes a few texts in
 * English without gettext. The page gives each with its translation in the JSON
 * element #gk-translation-editor-strings (home/templates/wagtail_localize/admin/
 * edit_translation.html); this replaces those texts wherever the editor renders
 * them, now and after it re-renders.
 */
(() => {
  const data = document.getElementById("gk-translation-editor-strings");
  const root = document.querySelector(".js-translation-editor");
  if (!data || !root) {
    return;
  }
  const strings = JSON.parse(data.textContent);

  const translate = () => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.data.trim();
      if (Object.hasOwn(strings, text) && strings[text] !== text) {
        node.data = strings[text];
      }
    }
  };

  translate();
  new MutationObserver(translate).observe(root, {
    childList: true,
    subtree: true,
    characterData: true,
  });
})();
