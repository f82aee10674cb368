// faits review desk: keyboard and instant decisions. Everything here is an
// enhancement: pages read, and forms post, without it.
(function () {
  'use strict';
  var body = document.body;
  var csrf = body.dataset.csrf || '';
  var page = body.dataset.page;
  var UNDO_KEY = 'faits.undo';
  var busy = false;

  function $(sel, root) { return (root || document).querySelector(sel); }
  function $$(sel, root) { return Array.prototype.slice.call((root || document).querySelectorAll(sel)); }

  var toastTimer;
  function toast(msg, isError) {
    var t = $('#toast');
    if (!t) return;
    t.textContent = msg;
    t.className = 'toast show' + (isError ? ' error' : '');
    clearTimeout(toastTimer);
    toastTimer = setTimeout(function () { t.className = 'toast'; }, isError ? 6000 : 2500);
  }

  function undoStack() {
    try { return JSON.parse(sessionStorage.getItem(UNDO_KEY) || '[]'); } catch (e) { return []; }
  }
  function saveUndo(s) {
    try { sessionStorage.setItem(UNDO_KEY, JSON.stringify(s.slice(-100))); } catch (e) { /* private mode: no undo stack */ }
  }

  // decide posts one decision and resolves with the fact's new state.
  function decide(id, action) {
    var params = new URLSearchParams();
    params.set('action', action);
    params.set('csrf', csrf);
    return fetch('/facts/' + encodeURIComponent(id) + '/review', {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        'Accept': 'application/json',
        'Content-Type': 'application/x-www-form-urlencoded',
        'X-CSRF-Token': csrf
      },
      body: params.toString()
    }).then(function (r) {
      return r.json().catch(function () { return {}; }).then(function (j) {
        if (!r.ok) throw new Error(j.error || ('HTTP ' + r.status));
        return j.fact;
      });
    });
  }

  var verbs = { accept: 'Accepted', reject: 'Rejected', undo: 'Undid the last decision on', flag: 'Flagged', unflag: 'Took the flag off' };

  function run(id, action, after) {
    if (busy || !id) return;
    busy = true;
    decide(id, action).then(function (fact) {
      busy = false;
      if (action !== 'undo') {
        var s = undoStack(); s.push(id); saveUndo(s);
      }
      toast(verbs[action] + ' ' + id + (action !== 'undo' ? ' — u to undo' : ''));
      after(fact);
    }).catch(function (err) {
      busy = false;
      toast('Not saved: ' + err.message, true);
    });
  }

  // undoLast reverts the newest decision taken in this tab, then shows the
  // fact again where it belongs.
  function undoLast(reload) {
    var s = undoStack();
    var id = s.pop();
    if (!id) { toast('Nothing to undo in this tab.'); return; }
    run(id, 'undo', function () { saveUndo(s); reload(id); });
  }

  function toggleHelp(force) {
    var h = $('#help');
    if (!h) return;
    h.hidden = force === undefined ? !h.hidden : !force;
  }

  // ---- queue ----
  var rows = [], cur = -1;
  var params = new URLSearchParams(location.search);
  var statusFilter = params.has('status') ? params.get('status') : 'pending';

  function detailOf(id) { return document.getElementById('d-' + id); }

  // Skipped facts are remembered by this browser (localStorage, the last
  // 500), so that a reload (after a flag or an undo, or the next morning)
  // keeps them at the end of the page instead of first again. A skip is no
  // decision: the store knows nothing of it, and deciding the fact forgets
  // it.
  var SKIPPED = 'faits.skipped', MAX_SKIPPED = 500;
  function skippedIds() {
    try { return JSON.parse(localStorage.getItem(SKIPPED)) || []; } catch (e) { return []; }
  }
  function saveSkipped(ids) {
    try { localStorage.setItem(SKIPPED, JSON.stringify(ids.slice(-MAX_SKIPPED))); } catch (e) { /* storage off: skips last the page */ }
  }
  function rememberSkip(id) {
    var ids = skippedIds().filter(function (x) { return x !== id; });
    ids.push(id);
    saveSkipped(ids);
  }
  function forgetSkip(id) {
    var ids = skippedIds(), kept = ids.filter(function (x) { return x !== id; });
    if (kept.length !== ids.length) saveSkipped(kept);
  }

  function focusRow(i) {
    if (!rows.length) {
      cur = -1;
      var lw = $('.listwrap');
      if (lw) lw.hidden = true;
      $$('.panes .detail').forEach(function (d) { d.hidden = d.id !== 'd-none'; });
      return;
    }
    i = Math.max(0, Math.min(rows.length - 1, i));
    if (rows[cur]) rows[cur].classList.remove('focused');
    cur = i;
    var row = rows[cur];
    row.classList.add('focused');
    $$('.panes .detail').forEach(function (d) { d.hidden = d.dataset.id !== row.dataset.id; });
    row.scrollIntoView({ block: 'nearest' });
    var p = new URLSearchParams(location.search);
    p.set('focus', row.dataset.id);
    history.replaceState(null, '', location.pathname + '?' + p.toString());
  }

  function afterQueueDecision(fact) {
    var row = rows[cur];
    if (fact && fact.id) forgetSkip(fact.id);
    if (!row) return;
    if (statusFilter && statusFilter !== 'all' && statusFilter !== fact.status) {
      var d = detailOf(row.dataset.id);
      if (d) d.remove();
      row.remove();
      rows.splice(cur, 1);
      focusRow(Math.min(cur, rows.length - 1));
      var c = $('#count');
      if (c) {
        var total = Number(c.dataset.total) - 1, last = Number(c.dataset.last) - 1;
        c.dataset.total = total; c.dataset.last = last;
        c.textContent = rows.length ? c.dataset.first + '–' + last + ' of ' + total + ' facts' : (total > 0 ? 'Page done: loading the next ' + total + '…' : 'Queue empty.');
        if (!rows.length && total > 0) {
          // The decided facts left the filter: the next ones are now first.
          var p = new URLSearchParams(location.search);
          p.delete('focus'); p.delete('offset');
          location.replace(location.pathname + '?' + p.toString());
        }
      }
      return;
    }
    row.className = row.className.replace(/\bst-\w+/, 'st-' + fact.status);
    var chip = $('#d-' + CSS.escape(fact.id) + ' .status');
    if (chip) { chip.textContent = fact.status; chip.className = 'status st-' + fact.status; }
    focusRow(cur + 1);
  }

  function reloadQueueOn(id) {
    var p = new URLSearchParams(location.search);
    p.set('focus', id);
    location.replace(location.pathname + '?' + p.toString());
  }

  function initQueue() {
    rows = $$('#list tbody tr.row');
    // The facts skipped before go to the end of the page, in the order
    // they were skipped.
    var byId = {};
    rows.forEach(function (r) { byId[r.dataset.id] = r; });
    skippedIds().forEach(function (id) {
      var r = byId[id];
      if (!r) return;
      r.classList.add('skipped');
      r.parentNode.appendChild(r);
    });
    rows = $$('#list tbody tr.row');
    rows.forEach(function (r, i) {
      if (r.classList.contains('focused')) cur = i;
      r.addEventListener('click', function (e) {
        if (e.target.closest('a')) return;
        focusRow(i_of(r));
      });
    });
    // The server focuses the first fact it lists; one skipped before
    // gives way to the first not skipped, unless the address named it.
    if (!params.has('focus') && rows[cur] && rows[cur].classList.contains('skipped')) {
      rows[cur].classList.remove('focused');
      cur = -1;
    }
    if (cur < 0 && rows.length) focusRow(0);
    function i_of(r) { return rows.indexOf(r); }
  }

  function current() { return rows[cur] ? rows[cur].dataset.id : null; }

  // skip sends the fact in focus to the end of the page, undecided; the
  // next one takes the focus.
  function skip() {
    var row = rows[cur];
    if (!row || rows.length < 2) return;
    row.parentNode.appendChild(row);
    rows.splice(cur, 1);
    rows.push(row);
    row.classList.remove('focused');
    row.classList.add('skipped');
    rememberSkip(row.dataset.id);
    var i = cur;
    cur = -1;
    focusRow(i);
    toast('Skipped ' + row.dataset.id + ': at the end of this page, also after a reload');
  }

  // flagToggle flags the fact in focus, or takes its flag off.
  function flagToggle(id, reload) {
    if (!id) return;
    var d = document.getElementById('d-' + id) || $('.detail.page');
    var b = d && $('button[value=flag], button[value=unflag]', d);
    run(id, b ? b.value : 'flag', reload);
  }

  function queueKey(k) {
    switch (k) {
      case 'j': case 'ArrowDown': focusRow(cur + 1); return true;
      case 'k': case 'ArrowUp': focusRow(cur - 1); return true;
      case 'a': run(current(), 'accept', afterQueueDecision); return true;
      case 'x': run(current(), 'reject', afterQueueDecision); return true;
      case 'u': undoLast(reloadQueueOn); return true;
      case 's': skip(); return true;
      case 'f': { var id = current(); flagToggle(id, function () { reloadQueueOn(id); }); return true; }
      case 'e': if (rows[cur]) location.href = rows[cur].dataset.edit; return true;
      case 'o': case 'Enter': if (current()) location.href = '/facts/' + encodeURIComponent(current()); return true;
      case 'd': {
        var a = current() && $('#d-' + CSS.escape(current()) + ' a.doclink');
        if (a) location.href = a.getAttribute('href');
        return true;
      }
    }
    return false;
  }

  // ---- fact page ----
  function factKey(k) {
    var d = $('.detail.page');
    if (!d) return false;
    var id = d.dataset.id;
    var reload = function () { location.reload(); };
    switch (k) {
      case 'a': run(id, 'accept', reload); return true;
      case 'x': run(id, 'reject', reload); return true;
      case 'u': run(id, 'undo', reload); return true;
      case 'f': flagToggle(id, reload); return true;
      case 'e': location.href = d.dataset.edit; return true;
      case 'd': { var a = $('a.doclink', d); if (a) location.href = a.getAttribute('href'); return true; }
    }
    return false;
  }

  document.addEventListener('keydown', function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    var t = e.target;
    var typing = t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));
    if (e.key === 'Escape') {
      var h = $('#help');
      if (h && !h.hidden) { toggleHelp(false); e.preventDefault(); return; }
      if (page === 'edit') {
        var back = $('.crumbs a');
        if (back) location.href = back.getAttribute('href');
      }
      return;
    }
    if (typing) return;
    if (e.key === '?') { toggleHelp(); e.preventDefault(); return; }
    var handled = false;
    if (page === 'queue') handled = queueKey(e.key);
    else if (page === 'fact') handled = factKey(e.key);
    if (handled) e.preventDefault();
  });

  // Decision buttons: the same path as the keys, so a click is saved at once
  // too. The submitter's value is the action.
  document.addEventListener('submit', function (e) {
    var f = e.target;
    if (!f.matches('form[data-decide]')) return;
    var action = e.submitter && e.submitter.value;
    var id = f.getAttribute('action').split('/')[2];
    if (!action || !id) return;
    e.preventDefault();
    id = decodeURIComponent(id);
    if (page === 'queue') {
      var i = rows.findIndex(function (r) { return r.dataset.id === id; });
      if (i >= 0 && i !== cur) focusRow(i);
      if (action === 'undo' || action === 'flag' || action === 'unflag') { run(id, action, function () { reloadQueueOn(id); }); return; }
      run(id, action, afterQueueDecision);
    } else {
      run(id, action, function () { location.reload(); });
    }
  });

  $$('[data-help]').forEach(function (b) { b.addEventListener('click', function () { toggleHelp(); }); });
  var help = $('#help');
  if (help) help.addEventListener('click', function (e) { if (e.target === help) toggleHelp(false); });

  if (page === 'queue') initQueue();

  // ---- document: add a fact from a selection ----
  // Each piece of the article's text carries its byte offset (data-o); a
  // selection inside the text becomes a span of UTF-8 byte offsets.
  var enc = window.TextEncoder ? new TextEncoder() : null;
  function byteOffset(node, off) {
    var el = node.nodeType === 1 ? node : node.parentElement;
    var host = el && el.closest('[data-o]');
    if (!host || !enc) return -1;
    if (node.nodeType !== 3) {
      // A selection boundary on an element: before its off-th child.
      var text = '';
      for (var i = 0; i < off && i < node.childNodes.length; i++) text += node.childNodes[i].textContent;
      return Number(host.dataset.o) + enc.encode(text).length;
    }
    return Number(host.dataset.o) + enc.encode(node.textContent.slice(0, off)).length;
  }
  function initDocument() {
    var bodyEl = $('.document .body');
    var btn = $('#add-selection');
    if (!bodyEl || !btn) return;
    document.addEventListener('selectionchange', function () {
      var sel = document.getSelection();
      if (!sel || sel.isCollapsed || !sel.rangeCount) { btn.hidden = true; return; }
      var r = sel.getRangeAt(0);
      if (!bodyEl.contains(r.startContainer) || !bodyEl.contains(r.endContainer)) { btn.hidden = true; return; }
      var a = byteOffset(r.startContainer, r.startOffset), b = byteOffset(r.endContainer, r.endOffset);
      if (a < 0 || b <= a) { btn.hidden = true; return; }
      btn.href = '/documents/' + bodyEl.dataset.sha + '/add?start=' + a + '&end=' + b;
      var box = r.getBoundingClientRect();
      btn.style.top = Math.max(0, box.bottom + 6) + 'px';
      btn.style.left = Math.max(0, box.left) + 'px';
      btn.hidden = false;
    });
  }
  if (page === 'document') initDocument();

  // Said last, once every handler above is bound: until then a key press is
  // lost. The page shows its rows (focus included, rendered by the server)
  // before this deferred script runs, so whoever drives the desk, the
  // browser tests first, waits for this rather than for the rows.
  body.dataset.desk = 'ready';
})();
