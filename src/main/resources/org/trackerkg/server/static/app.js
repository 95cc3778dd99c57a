// tracker-kg: small enhancements; every page works without this file.
(function () {
  'use strict';
  function ready(f) {
    if (document.readyState !== 'loading') { f(); } else { document.addEventListener('DOMContentLoaded', f); }
  }
  ready(function () {
    // Landing page: filter the tracker list as one types (the form's ?q= does the same without JavaScript).
    var input = document.getElementById('tracker-filter');
    var list = document.getElementById('tracker-list');
    if (input && list) {
      var items = list.querySelectorAll('li');
      var apply = function () {
        var needle = input.value.trim().toLowerCase();
        items.forEach(function (li) {
          var name = (li.getAttribute('data-name') || '').toLowerCase();
          li.hidden = needle !== '' && name.indexOf(needle) < 0;
        });
      };
      input.addEventListener('input', apply);
      apply();
    }
    // SPARQL page: Ctrl+Enter runs the query.
    var query = document.getElementById('query');
    var form = document.getElementById('sparql-form');
    if (query && form) {
      query.addEventListener('keydown', function (e) {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { form.submit(); }
      });
    }
  });
})();
