/** The dashboard's and the set index's stylesheet, inlined in each page: no file is read at run time. */
export const dashboardStyle = `
:root {
  --bg: #f6f7f9; --card: #fff; --ink: #1c2330; --muted: #5d6778; --line: #e3e6eb; --soft: #f1f3f6;
  --accent: #4f46e5; --accent-ink: #fff; --accent-soft: #eef0ff;
  --ok: #15803d; --ok-soft: #e7f6ec; --warn: #b45309; --warn-soft: #fdf3e3; --bad: #b91c1c; --bad-soft: #fdecec;
  --mono: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace;
  color-scheme: light;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #0f1218; --card: #171b23; --ink: #e6e9ef; --muted: #98a2b3; --line: #2a303b; --soft: #1e232d;
    --accent: #818cf8; --accent-ink: #0f1218; --accent-soft: #23264a;
    --ok: #4ade80; --ok-soft: #13291c; --warn: #fbbf24; --warn-soft: #2d2412; --bad: #f87171; --bad-soft: #2f1616;
    color-scheme: dark;
  }
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--ink); font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
a { color: var(--accent); text-decoration: none; }
a:hover { text-decoration: underline; }
code, pre, .mono { font-family: var(--mono); font-size: 12.5px; }
header.top { display: flex; align-items: center; gap: 16px; flex-wrap: wrap; padding: 12px 24px; background: var(--card); border-bottom: 1px solid var(--line); }
.brand { font-weight: 700; letter-spacing: -0.01em; display: flex; align-items: center; gap: 8px; }
.brand .logo { width: 22px; height: 22px; border-radius: 6px; background: linear-gradient(135deg, var(--accent), #06b6d4); display: inline-block; }
.brand .vendor { font-weight: 600; color: var(--muted); }
nav.peers { display: flex; gap: 4px; flex-wrap: wrap; }
nav.peers a { padding: 4px 10px; border-radius: 999px; color: var(--muted); font-weight: 500; }
nav.peers a.current { background: var(--accent-soft); color: var(--accent); }
nav.peers a:hover { text-decoration: none; background: var(--soft); }
.spacer { flex: 1; }
.links { display: flex; gap: 14px; font-weight: 500; }
main { max-width: 1320px; margin: 0 auto; padding: 20px 24px 48px; display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: 16px; }
.card { background: var(--card); border: 1px solid var(--line); border-radius: 12px; padding: 16px 18px; min-width: 0; }
.span-2 { grid-column: span 2; } .span-3 { grid-column: span 3; }
@media (max-width: 980px) { main { grid-template-columns: minmax(0, 1fr); } .span-2, .span-3 { grid-column: span 1; } }
.card h2 { margin: 0 0 12px; font-size: 13px; text-transform: uppercase; letter-spacing: 0.06em; color: var(--muted); display: flex; align-items: center; gap: 8px; }
.card h2 .actions { margin-left: auto; display: flex; gap: 6px; text-transform: none; letter-spacing: 0; }
.card h3 { font-size: 13px; margin: 14px 0 6px; }
button, .button { font: inherit; font-size: 13px; font-weight: 500; border: 1px solid var(--line); background: var(--card); color: var(--ink); border-radius: 8px; padding: 5px 11px; cursor: pointer; }
button:hover { background: var(--soft); }
button.primary { background: var(--accent); border-color: var(--accent); color: var(--accent-ink); }
button.primary:hover { filter: brightness(1.08); }
button.danger { color: var(--bad); }
button.small { padding: 2px 8px; font-size: 12px; }
input, select { font: inherit; font-size: 13px; border: 1px solid var(--line); background: var(--card); color: var(--ink); border-radius: 8px; padding: 5px 8px; min-width: 0; }
input:focus, select:focus, button:focus-visible { outline: 2px solid var(--accent); outline-offset: 1px; }
label { display: flex; flex-direction: column; gap: 3px; font-size: 12px; color: var(--muted); }
.copyline { display: flex; align-items: center; gap: 8px; background: var(--soft); border: 1px solid var(--line); border-radius: 8px; padding: 6px 6px 6px 10px; margin: 4px 0; }
.copyline code { flex: 1; overflow-x: auto; white-space: pre; }
.copyline .what { color: var(--muted); font-size: 12px; min-width: 118px; }
.examples .copyline { align-items: flex-start; }
.examples .copyline code { white-space: pre-wrap; word-break: break-all; }
.example-title { font-size: 12px; color: var(--muted); margin-top: 8px; }
table { border-collapse: collapse; width: 100%; }
th { text-align: left; font-size: 11.5px; font-weight: 600; color: var(--muted); text-transform: uppercase; letter-spacing: 0.04em; padding: 6px 8px; border-bottom: 1px solid var(--line); white-space: nowrap; }
td { padding: 6px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
tr:last-child td { border-bottom: 0; }
.scroll { overflow-x: auto; }
.journal tbody tr.entry { cursor: pointer; }
.journal tbody tr.entry:hover { background: var(--soft); }
.journal tr.detail td { background: var(--soft); }
.journal .path { font-family: var(--mono); font-size: 12.5px; word-break: break-all; }
.pill { display: inline-block; padding: 1px 8px; border-radius: 999px; font-size: 12px; font-weight: 600; background: var(--soft); color: var(--muted); white-space: nowrap; }
.pill.ok { background: var(--ok-soft); color: var(--ok); }
.pill.warn { background: var(--warn-soft); color: var(--warn); }
.pill.bad { background: var(--bad-soft); color: var(--bad); }
.pill.info { background: var(--accent-soft); color: var(--accent); }
.method { font-family: var(--mono); font-weight: 700; font-size: 12px; }
.muted { color: var(--muted); }
.empty { color: var(--muted); padding: 10px 0; font-style: italic; }
.clock-now { font-size: 26px; font-weight: 650; letter-spacing: -0.02em; font-variant-numeric: tabular-nums; margin: 2px 0 2px; }
.row { display: flex; gap: 6px; flex-wrap: wrap; align-items: center; }
.row + .row { margin-top: 10px; }
.form-grid { display: grid; grid-template-columns: 1fr 2fr; gap: 8px; }
.form-grid .wide { grid-column: span 2; }
.error { color: var(--bad); font-size: 12.5px; min-height: 1em; margin-top: 6px; }
.bar { height: 6px; width: 90px; background: var(--line); border-radius: 999px; overflow: hidden; display: inline-block; vertical-align: middle; margin-right: 6px; }
.bar > span { display: block; height: 100%; background: var(--accent); }
.bar.done > span { background: var(--ok); }
dl.kv { display: grid; grid-template-columns: max-content 1fr; gap: 4px 14px; margin: 0; }
dl.kv dt { color: var(--muted); } dl.kv dd { margin: 0; min-width: 0; }
pre.block { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 8px 10px; margin: 4px 0 8px; white-space: pre-wrap; word-break: break-all; max-height: 280px; overflow: auto; }
.detail-grid { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 16px; }
.toast { position: fixed; bottom: 18px; left: 50%; transform: translateX(-50%); background: var(--ink); color: var(--bg); padding: 7px 14px; border-radius: 8px; font-size: 13px; opacity: 0; transition: opacity 0.2s; pointer-events: none; }
.toast.show { opacity: 0.92; }
.hint-list { margin: 6px 0 0; padding-left: 18px; color: var(--muted); }
.sims { display: grid; grid-template-columns: repeat(auto-fill, minmax(300px, 1fr)); gap: 16px; max-width: 1320px; margin: 0 auto; padding: 20px 24px; }
.sims .card h2 { font-size: 17px; text-transform: none; letter-spacing: -0.01em; color: var(--ink); }
.intro { max-width: 1320px; margin: 0 auto; padding: 22px 24px 0; }
.intro h1 { margin: 0 0 6px; font-size: 22px; letter-spacing: -0.02em; }
.intro p { margin: 0; color: var(--muted); }
`
