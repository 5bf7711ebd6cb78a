// Filters the monitor table by name or status as the user types. The page reads fully without it.
(function () {
  var input = document.getElementById('filter');
  if (!input) { return; }
  input.addEventListener('input', function () {
    var q = input.value.trim().toLowerCase();
    document.querySelectorAll('#monitors tr.monitor').forEach(function (row) {
      var text = row.textContent.toLowerCase();
      row.style.display = (q === '' || text.indexOf(q) >= 0) ? '' : 'none';
    });
  });
})();
