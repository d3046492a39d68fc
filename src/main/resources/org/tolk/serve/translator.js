// Translator's view: filter the list of translation groups by text, by completeness and by staleness, in place.
(() => {
  const search = document.getElementById('tv-search');
  const rows = Array.from(document.querySelectorAll('tr.tv-group'));
  const count = document.getElementById('tv-count');
  if (!search || rows.length === 0) return;
  const key = 'tolk-translator-filter';
  const apply = () => {
    const text = search.value.trim().toLowerCase();
    const show = document.querySelector('input[name="tv-show"]:checked').value;
    let shown = 0;
    for (const row of rows) {
      const complete = row.dataset.complete === 'true';
      const stale = row.dataset.stale === 'true';
      const visible = (show === 'all' || (show === 'missing' && !complete) || (show === 'complete' && complete)
          || (show === 'stale' && stale))
        && (!text || row.textContent.toLowerCase().includes(text));
      row.hidden = !visible;
      if (visible) shown++;
    }
    count.textContent = shown === rows.length ? '' : `${shown} of ${rows.length} shown`;
    // Live reload reloads this page after every rebuild: keep the filter across reloads.
    sessionStorage.setItem(key, JSON.stringify({ text: search.value, show }));
  };
  try {
    const saved = JSON.parse(sessionStorage.getItem(key) || 'null');
    if (saved) {
      search.value = saved.text || '';
      const radio = document.querySelector(`input[name="tv-show"][value="${saved.show}"]`);
      if (radio) radio.checked = true;
    }
  } catch (e) { /* a broken saved filter is no reason to fail */ }
  search.addEventListener('input', apply);
  document.querySelectorAll('input[name="tv-show"]').forEach(r => r.addEventListener('change', apply));
  apply();
})();
