// The CEE triage console: lists the drops awaiting review (GET reviews), shows their documents
// (GET reviews/{id}/documents/{documentId}), and sends a reviewer's decision (POST reviews/{id}).
// Plain JavaScript, no build step; the same file is served by the Functions app and by cee review serve.
'use strict';

(() => {
  // The page is at <prefix>/triage/; the API beside it at <prefix>/reviews.
  const prefix = location.pathname.replace(/\/triage(\/.*)?$/, '');
  const api = `${prefix}/reviews`;
  const $ = (id) => document.getElementById(id);
  const state = { items: [], centers: [], current: null, busy: false };

  const text = (value) => (value === null || value === undefined || value === '' ? '—' : String(value));
  const when = (iso) => (iso ? new Date(iso).toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC') : 'none (waits for a person)');
  const el = (tag, props = {}, children = []) => {
    const node = document.createElement(tag);
    Object.entries(props).forEach(([k, v]) => {
      if (k === 'text') node.textContent = v;
      else if (k.startsWith('aria') || k.startsWith('data') || k === 'role' || k === 'for') node.setAttribute(k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`), v);
      else node[k] = v;
    });
    children.forEach((c) => node.append(c));
    return node;
  };

  function showAlert(message) {
    const alert = $('alert');
    alert.textContent = message;
    alert.hidden = !message;
  }

  function showStatus(message) {
    $('status').textContent = message;
  }

  async function problemOf(response) {
    try {
      const body = await response.json();
      return body.detail || body.title || `HTTP ${response.status}`;
    } catch {
      return `HTTP ${response.status} ${response.statusText}`;
    }
  }

  async function load(keepId) {
    showAlert('');
    let response;
    try {
      response = await fetch(api, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
    } catch (error) {
      showAlert(`The list could not be loaded: ${error.message}`);
      return;
    }
    if (!response.ok) {
      showAlert(`The list could not be loaded (${response.status}): ${await problemOf(response)}`);
      return;
    }
    const view = await response.json();
    state.items = view.items;
    state.centers = view.centers;
    renderQueue();
    const next = state.items.find((i) => i.reviewId === keepId) || state.items[0] || null;
    select(next, false);
  }

  function renderQueue() {
    const queue = $('queue');
    queue.replaceChildren(...state.items.map((item, index) => {
      const label = `${index + 1}. Port ${text(item.port)}${item.portName ? ` (${item.portName})` : ''}, ${item.entries.length ? item.entries.join(', ') : 'no entry'}`;
      // A document its Centers transferred too often: its first reason says how often and between whom.
      const transferLimit = item.kind === 'transfer-limit';
      const tally = item.candidates.length ? item.candidates.filter((c) => !transferLimit || c.lines > 0).map((c) => `${c.center} ${c.lines}`).join(' · ') || 'none counted' : 'no HTS Center';
      const button = el('button', { type: 'button', dataReviewId: item.reviewId }, [
        el('span', { text: label }),
        el('span', { className: 'meta', text: `Importer ${text(item.importer)}; HTS lines: ${tally}` }),
        el('span', { className: 'reason', text: !item.reasons.length ? '' : transferLimit ? item.reasons[0] : item.reasons[item.reasons.length - 1] }),
        el('span', { className: 'meta', text: `${item.documents.length} document(s); deadline ${when(item.deadline)}` }),
      ]);
      if (item.escalation > 0) button.append(el('span', { className: 'meta escalated', text: `Escalated ${item.escalation}×` }));
      button.addEventListener('click', () => select(item, true));
      return el('li', {}, [button]);
    }));
    const count = state.items.length;
    $('summary').textContent = count === 0 ? 'Nothing is awaiting review.' : `${count} drop(s) awaiting review.`;
    $('empty').hidden = count !== 0;
  }

  function select(item, focus) {
    state.current = item;
    document.querySelectorAll('#queue button').forEach((b) => b.setAttribute('aria-current', String(item !== null && b.dataset.reviewId === item.reviewId)));
    $('item').hidden = item === null;
    if (!item) return;
    $('item-title').textContent = `Review of drop ${item.source}`;
    const facts = [
      ['Port', `${text(item.port)}${item.portName ? ` ${item.portName}` : ''}`],
      ['Entries', item.entries.length ? item.entries.join(', ') : '—'],
      ['Importer', text(item.importer)],
      ['CBP request', text(item.cbpRequestId)],
      ['Flags', item.flags.length ? item.flags.join(', ') : '—'],
      ['Requested', when(item.requestedAt)],
      ['Deadline', when(item.deadline)],
      ['Escalation', item.escalation === 0 ? 'not escalated' : `escalated ${item.escalation} time(s)`],
      ['Review id', item.reviewId],
    ];
    $('facts').replaceChildren(...facts.flatMap(([k, v]) => [el('dt', { text: k }), el('dd', { text: v, dataFact: k.toLowerCase() })]));
    $('reasons').replaceChildren(...item.reasons.map((r) => el('li', { text: r })));
    renderDocuments(item);
    renderDecision(item);
    if (focus) $('item-title').focus();
  }

  function documentUrl(item, doc) {
    return `${api}/${encodeURIComponent(item.reviewId)}/documents/${encodeURIComponent(doc.documentId)}`;
  }

  function renderDocuments(item) {
    const group = $('documents');
    group.replaceChildren(...item.documents.map((doc, index) => {
      const button = el('button', { type: 'button', ariaPressed: 'false', text: `${index + 1}. ${doc.label || doc.kind} (${doc.type}, ${doc.fileName || doc.documentId})` });
      button.addEventListener('click', () => show(item, doc, button));
      return button;
    }));
    const first = group.querySelector('button');
    if (first) show(item, item.documents[0], first);
    else $('viewer').replaceChildren(el('p', { text: 'This drop has no readable document.' }));
  }

  function show(item, doc, button) {
    $('documents').querySelectorAll('button').forEach((b) => b.setAttribute('aria-pressed', String(b === button)));
    const viewer = $('viewer');
    const url = documentUrl(item, doc);
    const name = `${doc.label || doc.kind}, ${doc.fileName || doc.documentId}`;
    if (!doc.stored) {
      viewer.replaceChildren(el('p', { text: `No copy of ${name} was stored.` }));
    } else if (doc.type === 'pdf') {
      viewer.replaceChildren(el('iframe', { src: url, title: `Document: ${name} (PDF)` }));
    } else if (doc.type === 'png' || doc.type === 'jpeg') {
      viewer.replaceChildren(el('img', { src: url, alt: `Document: ${name}` }));
    } else {
      // Browsers do not draw TIFF: offer the file itself.
      viewer.replaceChildren(el('p', {}, [`${name} is a ${doc.type.toUpperCase()} file, which the browser cannot show here: `, el('a', { href: url, text: 'open or download it' })]));
    }
  }

  function renderDecision(item) {
    const candidates = $('candidates');
    candidates.replaceChildren(...item.candidates.map((c, index) => {
      const button = el('button', { type: 'button', ariaPressed: 'false', dataCenter: c.center, text: `${index + 1}: ${c.center} ${c.name}, ${c.lines} HTS line(s)` });
      button.addEventListener('click', () => pick(c.center));
      return button;
    }));
    if (item.candidates.length === 0) candidates.append(el('p', { className: 'help', text: 'Its HTSUS lines point to no Center: choose one below.' }));
    const select = $('center');
    const options = [el('option', { value: '', text: 'Choose a Center…' })];
    state.centers.forEach((c) => {
      const lines = item.candidates.find((x) => x.center === c.center);
      options.push(el('option', { value: c.center, text: `${c.center} ${c.name}${lines ? ` (${lines.lines} HTS line(s))` : ''}` }));
    });
    select.replaceChildren(...options);
    $('note').value = '';
  }

  function pick(center) {
    $('center').value = center;
    syncCandidates();
  }

  function syncCandidates() {
    const chosen = $('center').value;
    $('candidates').querySelectorAll('button').forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.center === chosen)));
  }

  async function decide(event) {
    event.preventDefault();
    const item = state.current;
    if (!item || state.busy) return;
    const center = $('center').value;
    if (!center) {
      showAlert('Choose a Center before routing.');
      $('center').focus();
      return;
    }
    state.busy = true;
    $('submit').disabled = true;
    showAlert('');
    try {
      const response = await fetch(`${api}/${encodeURIComponent(item.reviewId)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        credentials: 'same-origin',
        body: JSON.stringify({ center, note: $('note').value || null }),
      });
      if (response.ok) {
        showStatus(item.kind === 'transfer-limit' ? `Document ${item.reviewId} sent to ${center}.` : `Drop ${item.source} sent to ${center}.`);
        removeAndAdvance(item);
      } else if (response.status === 409) {
        // Someone decided first (or the drop cannot take a decision now): say so, and show the list as it is now.
        const detail = await problemOf(response);
        await load(null);
        showAlert(`Conflict: your decision was not recorded. ${detail}`);
      } else {
        showAlert(`The decision was refused (${response.status}): ${await problemOf(response)}`);
      }
    } catch (error) {
      showAlert(`The decision could not be sent: ${error.message}`);
    } finally {
      state.busy = false;
      $('submit').disabled = false;
    }
  }

  function removeAndAdvance(item) {
    const index = state.items.indexOf(item);
    state.items = state.items.filter((i) => i !== item);
    renderQueue();
    const next = state.items[Math.min(index, state.items.length - 1)] || null;
    select(next, false);
    if (next) $('item-title').focus();
  }

  function move(delta) {
    if (state.items.length === 0) return;
    const index = Math.max(0, Math.min(state.items.length - 1, state.items.indexOf(state.current) + delta));
    select(state.items[index], true);
  }

  document.addEventListener('keydown', (event) => {
    const typing = ['TEXTAREA', 'SELECT', 'INPUT'].includes(event.target.tagName);
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      $('decide').requestSubmit();
      event.preventDefault();
      return;
    }
    if (typing || event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === 'j') move(1);
    else if (event.key === 'k') move(-1);
    else if (event.key === 'r') load(state.current && state.current.reviewId);
    else if (/^[1-9]$/.test(event.key) && state.current) {
      const candidate = state.current.candidates[Number(event.key) - 1];
      if (candidate) {
        pick(candidate.center);
        $('note').focus();
      }
    } else return;
    event.preventDefault();
  });

  document.addEventListener('DOMContentLoaded', () => {
    $('decide').addEventListener('submit', decide);
    $('center').addEventListener('change', syncCandidates);
    load(null);
  });
})();
