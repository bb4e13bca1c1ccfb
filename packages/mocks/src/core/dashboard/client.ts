/**
 * The dashboard's script, run in the browser: it reads the admin API of the simulator that served
 * it (relative URLs under `/__admin/`), polls it once a second and renders with the DOM, never
 * with HTML strings, so nothing a request carries can become markup. Plain ES2020 with no
 * imports, inlined in the page.
 */
export const dashboardScript = `
(function () {
  'use strict'
  var config = JSON.parse(document.getElementById('dashboard-config').textContent)
  var query = new URLSearchParams(location.search)
  var token = query.get('admin_token') || ''
  var state = { nowMs: 0, open: {}, last: {} }

  function el(tag, attrs) {
    var node = document.createElement(tag)
    for (var key in attrs || {}) {
      var value = attrs[key]
      if (value === undefined || value === null || value === false) continue
      if (key === 'text') node.textContent = value
      else if (key === 'class') node.className = value
      else if (key.slice(0, 2) === 'on') node.addEventListener(key.slice(2), value)
      else node.setAttribute(key, value === true ? '' : value)
    }
    for (var i = 2; i < arguments.length; i++) append(node, arguments[i])
    return node
  }
  function append(node, child) {
    if (child === undefined || child === null || child === false) return
    if (Array.isArray(child)) { child.forEach(function (c) { append(node, c) }); return }
    node.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)))
  }
  function replace(id, content) {
    var node = document.getElementById(id)
    node.textContent = ''
    append(node, content)
  }
  function withToken(url) {
    if (!token) return url
    return url + (url.indexOf('?') >= 0 ? '&' : '?') + 'admin_token=' + encodeURIComponent(token)
  }
  function api(method, path, body) {
    var headers = { Accept: 'application/json' }
    if (token) headers['X-Contactkit-Admin-Token'] = token
    if (body !== undefined) headers['Content-Type'] = 'application/json'
    return fetch(path, { method: method, headers: headers, body: body === undefined ? undefined : JSON.stringify(body) })
      .then(function (response) {
        return response.text().then(function (text) {
          var data = text ? JSON.parse(text) : {}
          if (!response.ok) throw new Error((data.error && data.error.message) || ('The admin API answered ' + response.status + '.'))
          return data
        })
      })
  }
  function toast(message) {
    var node = document.getElementById('toast')
    node.textContent = message
    node.className = 'toast show'
    clearTimeout(toast.timer)
    toast.timer = setTimeout(function () { node.className = 'toast' }, 1600)
  }
  function copy(text) {
    var done = function () { toast('Copied to the clipboard') }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, function () { fallbackCopy(text); done() })
    } else { fallbackCopy(text); done() }
  }
  function fallbackCopy(text) {
    var area = el('textarea', { style: 'position:fixed;opacity:0' })
    area.value = text
    document.body.appendChild(area)
    area.select()
    try { document.execCommand('copy') } catch (e) {}
    area.remove()
  }
  function copyLine(what, text) {
    return el('div', { class: 'copyline' },
      what ? el('span', { class: 'what', text: what }) : null,
      el('code', { text: text }),
      el('button', { class: 'small', type: 'button', title: 'Copy', onclick: function () { copy(text) } }, 'Copy'))
  }
  function pad(n, width) { var s = String(n); while (s.length < (width || 2)) s = '0' + s; return s }
  function clockText(ms) {
    var d = new Date(ms)
    return d.getUTCFullYear() + '-' + pad(d.getUTCMonth() + 1) + '-' + pad(d.getUTCDate()) + ' ' +
      pad(d.getUTCHours()) + ':' + pad(d.getUTCMinutes()) + ':' + pad(d.getUTCSeconds()) + ' UTC'
  }
  function timeOnly(iso) {
    var d = new Date(iso)
    return pad(d.getUTCHours()) + ':' + pad(d.getUTCMinutes()) + ':' + pad(d.getUTCSeconds()) + '.' + pad(d.getUTCMilliseconds(), 3)
  }
  function relative(iso) {
    var diff = Date.parse(iso) - state.nowMs
    var abs = Math.abs(diff)
    var text = abs < 1000 ? 'now' : abs < 60000 ? Math.round(abs / 1000) + ' s' : abs < 3600000 ? Math.round(abs / 60000) + ' min' : abs < 172800000 ? Math.round(abs / 3600000) + ' h' : Math.round(abs / 86400000) + ' d'
    if (text === 'now') return text
    return diff > 0 ? 'in ' + text : text + ' ago'
  }
  function statusPill(status) {
    var kind = status >= 500 ? 'bad' : status >= 400 ? 'warn' : status >= 300 ? 'info' : 'ok'
    return el('span', { class: 'pill ' + kind, text: String(status) })
  }
  var phaseKinds = { complete: 'ok', ready: 'ok', error: 'bad', deleted: 'bad', 'waiting-for-user': 'warn', gathering: 'info', initializing: 'info', provisioning: 'info' }

  // ---- Connect --------------------------------------------------------------------------------
  function renderConnect() {
    var base = location.origin
    var parts = [copyLine('base URL', base)]
    config.profile.credentials.forEach(function (credential) {
      parts.push(copyLine(credential.label, credential.value))
    })
    if (config.profile.magicAccounts && config.profile.magicAccounts.length) {
      parts.push(el('h3', { text: 'Magic accounts' }))
      parts.push(el('table', null,
        el('thead', null, el('tr', null, el('th', { text: 'send' }), el('th', { text: 'and get' }))),
        el('tbody', null, config.profile.magicAccounts.map(function (account) {
          return el('tr', null, el('td', null, el('code', { text: account.input })), el('td', { text: account.result }))
        }))))
    } else if (config.profile.hints && config.profile.hints.length) {
      parts.push(el('ul', { class: 'hint-list' }, config.profile.hints.map(function (hint) { return el('li', { text: hint }) })))
    }
    if (config.profile.examples && config.profile.examples.length) {
      parts.push(el('h3', { text: 'Try it with curl' }))
      parts.push(el('div', { class: 'examples' }, config.profile.examples.map(function (example) {
        var command = example.command.split('{baseUrl}').join(base)
        return [el('div', { class: 'example-title', text: example.title }), copyLine(null, command)]
      })))
    }
    replace('connect-body', parts)
  }

  // ---- Clock ----------------------------------------------------------------------------------
  function renderClock(clock) {
    state.nowMs = clock.nowMs
    replace('clock-mode', el('span', { class: 'pill ' + (clock.mode === 'manual' ? 'info' : 'ok'), text: clock.mode }))
    replace('clock-now', clockText(clock.nowMs))
    var input = document.getElementById('clock-set')
    if (document.activeElement !== input && !input.dataset.touched) input.value = clock.now
  }
  function advance(ms) {
    api('POST', 'clock', { advanceMs: ms }).then(function (clock) { renderClock(clock); refresh() }, showError('clock-error'))
  }
  function showError(id) {
    return function (error) { document.getElementById(id).textContent = error.message }
  }

  // ---- Journal --------------------------------------------------------------------------------
  function renderJournal(requests) {
    if (!requests.length) {
      replace('journal-body', el('tr', null, el('td', { colspan: 6, class: 'empty', text: 'No requests yet. Send one with a curl command above, or try it in the API reference.' })))
      return
    }
    var rows = []
    requests.forEach(function (entry) {
      var open = state.open[entry.id]
      rows.push(el('tr', { class: 'entry', 'data-id': entry.id, 'aria-expanded': open ? 'true' : 'false', onclick: function () {
        state.open[entry.id] = !state.open[entry.id]
        state.last.requests = null
        poll()
      } },
        el('td', { class: 'mono muted', text: timeOnly(entry.at) }),
        el('td', null, el('span', { class: 'method', text: entry.method })),
        el('td', { class: 'path', text: entry.path + queryText(entry.query) }),
        el('td', null, statusPill(entry.status)),
        el('td', { class: 'mono muted', text: entry.durationMs.toFixed(1) + ' ms' }),
        el('td', null, entry.faultId ? el('span', { class: 'pill bad', text: entry.faultId }) : '')))
      if (open) rows.push(el('tr', { class: 'detail' }, el('td', { colspan: 6 }, journalDetail(entry))))
    })
    replace('journal-body', rows)
  }
  function queryText(query) {
    var keys = Object.keys(query || {})
    if (!keys.length) return ''
    return '?' + keys.map(function (key) { return key + '=' + query[key] }).join('&')
  }
  function kv(record) {
    var keys = Object.keys(record || {})
    if (!keys.length) return el('div', { class: 'muted', text: 'none' })
    return el('dl', { class: 'kv' }, keys.map(function (key) {
      return [el('dt', { class: 'mono', text: key }), el('dd', { class: 'mono', text: record[key] })]
    }))
  }
  function responseBody(response) {
    if (!response || response.body === null) {
      return el('div', { class: 'muted', text: 'not kept (streamed, or a page): send the request again to see it' })
    }
    if (!response.body) return el('div', { class: 'muted', text: 'none' })
    var more = response.bodyTruncated ? '\\n… (' + response.bodyBytes + ' bytes in all; the journal keeps the first 4 KB)' : ''
    return el('pre', { class: 'block', text: response.body + more })
  }
  function journalDetail(entry) {
    var body = entry.body ? entry.body + (entry.bodyTruncated ? '\\n… (' + entry.bodyBytes + ' bytes in all; the journal keeps the first 4 KB)' : '') : ''
    return el('div', { class: 'detail-grid' },
      el('div', null,
        el('h3', { text: 'Request' }),
        el('div', { class: 'mono', text: entry.method + ' ' + entry.path + queryText(entry.query) }),
        el('h3', { text: 'Headers' }), kv(entry.headers),
        el('h3', { text: 'Body' + (entry.bodyBytes ? ' (' + entry.bodyBytes + ' bytes)' : '') }),
        body ? el('pre', { class: 'block', text: body }) : el('div', { class: 'muted', text: 'none' })),
      el('div', null,
        el('h3', { text: 'Response' }),
        el('dl', { class: 'kv' },
          el('dt', { text: 'status' }), el('dd', null, statusPill(entry.status)),
          el('dt', { text: 'duration' }), el('dd', { class: 'mono', text: entry.durationMs + ' ms' }),
          el('dt', { text: 'request id' }), el('dd', { class: 'mono', text: entry.requestId || '' }),
          el('dt', { text: 'clock time' }), el('dd', { class: 'mono', text: entry.at }),
          el('dt', { text: 'fault' }), el('dd', { class: 'mono', text: entry.faultId || 'none' })),
        el('h3', { text: 'Headers' }), kv(entry.response && entry.response.headers),
        el('h3', { text: 'Body' + (entry.response && entry.response.bodyBytes ? ' (' + entry.response.bodyBytes + ' bytes)' : '') }),
        responseBody(entry.response),
        el('p', { class: 'muted', text: 'Secrets (credentials, passwords, tokens, signatures) show as [redacted].' })))
  }

  // ---- Faults ---------------------------------------------------------------------------------
  function renderFaults(faults) {
    if (!faults.length) {
      replace('faults-body', el('div', { class: 'empty', text: 'No fault rules: every request reaches the simulator.' }))
      return
    }
    replace('faults-body', el('table', { class: 'faults' },
      el('thead', null, el('tr', null, ['rule', 'match', 'does', 'hits', ''].map(function (h) { return el('th', { text: h }) }))),
      el('tbody', null, faults.map(function (rule) {
        var does = []
        if (rule.status !== undefined) does.push(el('span', { class: 'pill bad', text: String(rule.status) }))
        if (rule.delayMs) does.push(' ' + rule.delayMs + ' ms')
        if (rule.probability !== undefined) does.push(' p=' + rule.probability)
        if (rule.times !== undefined) does.push(' ×' + rule.times)
        return el('tr', null,
          el('td', { class: 'mono', text: rule.id }),
          el('td', { class: 'mono', text: (rule.method || 'ANY') + ' ' + rule.path }),
          el('td', null, does),
          el('td', { class: 'mono', text: String(rule.hits) }),
          el('td', null, el('button', { class: 'small danger', type: 'button', title: 'Remove ' + rule.id, onclick: function () {
            api('DELETE', 'faults/' + encodeURIComponent(rule.id)).then(refresh, showError('fault-error'))
          } }, 'Remove')))
      }))))
  }
  function addFault(event) {
    event.preventDefault()
    var form = event.target
    var rule = { path: form.path.value.trim() }
    if (form.method.value) rule.method = form.method.value
    var numbers = { status: 'status', delayMs: 'delayMs', times: 'times', probability: 'probability' }
    for (var key in numbers) {
      var raw = form[key].value.trim()
      if (raw !== '') rule[key] = Number(raw)
    }
    document.getElementById('fault-error').textContent = ''
    api('POST', 'faults', rule).then(function (answer) {
      toast('Added ' + answer.faults[0].id)
      refresh()
    }, showError('fault-error'))
  }

  // ---- State ----------------------------------------------------------------------------------
  function label(key) { return key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase() }
  function isTime(key, value) { return typeof value === 'string' && /At$/.test(key) && !isNaN(Date.parse(value)) }
  function renderScalar(key, value, row) {
    if (value === null || value === undefined) return el('span', { class: 'muted', text: '—' })
    if (key === 'phase' || key === 'sync') return el('span', { class: 'pill ' + (phaseKinds[value] || ''), text: String(value) })
    if (isTime(key, value)) return el('span', { title: value }, el('span', { class: 'mono', text: timeOnly(value) }), ' ', el('span', { class: 'muted', text: '(' + relative(value) + ')' }))
    if (key === 'gathered' && row && typeof row.total === 'number') {
      var share = row.total ? Math.min(1, value / row.total) : 1
      return el('span', null, el('span', { class: 'bar' + (share >= 1 ? ' done' : '') }, el('span', { style: 'width:' + Math.round(share * 100) + '%' })), value + ' / ' + row.total)
    }
    if (typeof value === 'boolean') return el('span', { class: 'pill ' + (value ? 'warn' : ''), text: String(value) })
    if (typeof value === 'number') return el('span', { class: 'mono', text: /id$/i.test(key) ? String(value) : value.toLocaleString('en') })
    return el('span', { class: 'mono', text: String(value) })
  }
  function renderValue(key, value, row) {
    if (Array.isArray(value)) {
      if (!value.length) return el('span', { class: 'muted', text: 'none' })
      if (value.every(function (item) { return item && typeof item === 'object' && !Array.isArray(item) })) {
        var columns = []
        value.forEach(function (item) { Object.keys(item).forEach(function (k) { if (columns.indexOf(k) < 0) columns.push(k) }) })
        return el('div', { class: 'scroll' }, el('table', { 'data-key': key },
          el('thead', null, el('tr', null, columns.map(function (c) { return el('th', { text: label(c) }) }))),
          el('tbody', null, value.map(function (item) {
            return el('tr', null, columns.map(function (c) { return el('td', null, renderValue(c, item[c], item)) }))
          }))))
      }
      return el('span', { class: 'mono', text: value.map(function (v) { return typeof v === 'object' ? JSON.stringify(v) : String(v) }).join(', ') })
    }
    if (value && typeof value === 'object') {
      return el('dl', { class: 'kv' }, Object.keys(value).map(function (k) {
        return [el('dt', { text: label(k) }), el('dd', null, renderValue(k, value[k], value))]
      }))
    }
    return renderScalar(key, value, row)
  }
  function renderState(data) {
    var keys = Object.keys(data || {})
    if (!keys.length) { replace('state-body', el('div', { class: 'empty', text: 'This vendor reports no state.' })); return }
    // Lists first and wide; small settings (timing, policies) after them.
    var lists = keys.filter(function (k) { return Array.isArray(data[k]) })
    var rest = keys.filter(function (k) { return !Array.isArray(data[k]) })
    replace('state-body', [
      lists.map(function (k) { return el('section', { 'data-section': k }, el('h3', { text: label(k) + ' (' + data[k].length + ')' }), renderValue(k, data[k])) }),
      rest.length ? el('section', null, el('h3', { text: 'settings' }), el('dl', { class: 'kv' }, rest.map(function (k) {
        return [el('dt', { text: label(k) }), el('dd', null, renderValue(k, data[k], data))]
      }))) : null,
    ])
  }

  // ---- Polling --------------------------------------------------------------------------------
  function changed(name, data) {
    var text = JSON.stringify(data)
    if (state.last[name] === text) return false
    state.last[name] = text
    return true
  }
  var polling = false
  function poll() {
    if (polling) return Promise.resolve()
    polling = true
    return Promise.all([api('GET', 'clock'), api('GET', 'requests?limit=100'), api('GET', 'faults'), api('GET', 'state')])
      .then(function (answers) {
        renderClock(answers[0])
        var clockMoved = changed('clock', answers[0].nowMs)
        if (changed('requests', answers[1].requests)) renderJournal(answers[1].requests)
        if (changed('faults', answers[2].faults)) renderFaults(answers[2].faults)
        // Relative times in the state move with the clock, so it is drawn again when the clock moves.
        if (changed('state', answers[3]) || clockMoved) renderState(answers[3])
        document.getElementById('live').className = 'pill ok'
        document.getElementById('live').textContent = 'live'
      }, function (error) {
        document.getElementById('live').className = 'pill bad'
        document.getElementById('live').textContent = 'offline'
        document.getElementById('clock-error').textContent = error.message
      })
      .then(function () { polling = false })
  }
  function refresh() { state.last = {}; return poll() }

  // ---- Wiring ---------------------------------------------------------------------------------
  document.querySelectorAll('[data-advance]').forEach(function (button) {
    button.addEventListener('click', function () { advance(Number(button.getAttribute('data-advance'))) })
  })
  var setInput = document.getElementById('clock-set')
  setInput.addEventListener('input', function () { setInput.dataset.touched = '1' })
  document.getElementById('clock-form').addEventListener('submit', function (event) {
    event.preventDefault()
    document.getElementById('clock-error').textContent = ''
    api('POST', 'clock', { now: setInput.value.trim() }).then(function (clock) {
      delete setInput.dataset.touched
      renderClock(clock)
      refresh()
    }, showError('clock-error'))
  })
  document.getElementById('fault-form').addEventListener('submit', addFault)
  document.getElementById('faults-clear').addEventListener('click', function () { api('DELETE', 'faults').then(refresh, showError('fault-error')) })
  document.getElementById('journal-clear').addEventListener('click', function () { state.open = {}; api('DELETE', 'requests').then(refresh) })
  document.getElementById('state-reset').addEventListener('click', function () {
    api('POST', 'reset').then(function () { state.open = {}; toast('Reset: imports, seeded data, journal and faults are gone'); refresh() })
  })
  document.querySelectorAll('a[data-keep-token]').forEach(function (link) { link.href = withToken(link.getAttribute('href')) })
  renderConnect()
  poll()
  setInterval(poll, 1000)
})()
`
