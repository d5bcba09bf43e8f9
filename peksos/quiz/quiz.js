// peksos quiz: seven item types on the static book and live in Jupyter (anywidget).
// The payload comes from peksos/quiz/render.py; scoring mirrors peksos/quiz/scoring.py.
import { T, h, md, safeUrl, norm, hash, rng, shuffle, announcer, num, download, csv, readPayload } from "../widgets/engine.js";
import { readerSeed, openStore, addAttempt, rescoreStored } from "../widgets/record.js";

const isInt = (v) => Number.isInteger(v);
const ints = (v) => (Array.isArray(v) ? v.map((x) => (isInt(x) ? x : null)) : []);

// Score of one answer: {score in [0, 1], correct}. Same rules as peksos.quiz.scoring.score.
export function score(it, a, shown) {
  if (shown || a == null) return { score: 0, correct: false };
  const share = (hits, n) => ({ score: n ? hits / n : 0, correct: hits === n });
  switch (it.type) {
    case "pilihan-tunggal": {
      const ok = isInt(a) && a >= 0 && a < it.options.length && it.options[a].correct;
      return { score: ok ? 1 : 0, correct: !!ok };
    }
    case "pilihan-ganda": {
      const chosen = new Set(ints(a).filter((x) => x !== null && x >= 0 && x < it.options.length));
      let hit = 0, miss = 0, need = 0;
      it.options.forEach((o, i) => { if (o.correct) need++; if (chosen.has(i)) (o.correct ? hit++ : miss++); });
      return { score: Math.max(0, (hit - miss) / need), correct: hit === need && miss === 0 };
    }
    case "benar-salah": {
      const ok = typeof a === "boolean" && a === it.answer;
      return { score: ok ? 1 : 0, correct: ok };
    }
    case "menjodohkan": {
      const v = ints(a);
      return share(it.pairs.filter((p, i) => v[i] === i).length, it.pairs.length);
    }
    case "mengurutkan": {
      const v = ints(a), n = it.steps.length;
      const sorted = v.filter((x) => x !== null).sort((x, y) => x - y);
      if (sorted.length !== n || sorted.some((x, i) => x !== i)) return { score: 0, correct: false };
      return share(v.filter((s, pos) => s === pos).length, n);
    }
    case "mengelompokkan": {
      const v = ints(a);
      return share(it.entries.filter((e, i) => v[i] !== null && v[i] >= 0 && v[i] < it.groups.length
        && it.groups[v[i]] === e.group).length, it.entries.length);
    }
    case "isian": {
      const ok = typeof a === "string" && norm(a) !== "" && it.accepted.some((x) => norm(x) === norm(a));
      return { score: ok ? 1 : 0, correct: ok };
    }
  }
  return { score: 0, correct: false };
}

export function correctAnswer(it) {
  switch (it.type) {
    case "pilihan-tunggal": return it.options.findIndex((o) => o.correct);
    case "pilihan-ganda": return it.options.flatMap((o, i) => (o.correct ? [i] : []));
    case "benar-salah": return it.answer;
    case "menjodohkan": return it.pairs.map((p, i) => i);
    case "mengurutkan": return it.steps.map((s, i) => i);
    case "mengelompokkan": return it.entries.map((e) => it.groups.indexOf(e.group));
    case "isian": return it.accepted[0];
  }
  return null;
}

// A readable form of an answer, for the CSV.
function describe(it, a) {
  if (a == null) return "";
  const list = (v, f) => ints(v).map(f).join("; ");
  switch (it.type) {
    case "pilihan-tunggal": return it.options[a]?.text ?? "";
    case "pilihan-ganda": return list(a, (i) => it.options[i]?.text ?? "");
    case "benar-salah": return a ? T.tBenar : T.tSalah;
    case "menjodohkan": {
      const rights = [...it.pairs.map((p) => p.right), ...(it.distractors || []).map((d) => d.text)];
      return list(a, (r, i) => `${it.pairs[i]?.left} = ${r == null ? "" : rights[r] ?? ""}`);
    }
    case "mengurutkan": return list(a, (i) => it.steps[i]?.text ?? "");
    case "mengelompokkan": return list(a, (g, i) => `${it.entries[i]?.text} = ${g == null ? "" : it.groups[g] ?? ""}`);
    default: return String(a);
  }
}

const badge = (ok, text) => h("span", { class: "pk-badge " + (ok ? "pk-ok" : "pk-no") }, (ok ? "✓ " : "✗ ") + text);

function fbInto(box, ok, head, text) {
  box.replaceChildren(badge(ok, head));
  if (text) box.append(" ", md(text));
  box.hidden = false;
}

// --- one view per kind of item: {node, get(), set(answer), mark(answer, reveal), lock(bool), reset()} ---
function choiceView(it, uid, rand, shuffled, onChange) {
  const multi = it.type === "pilihan-ganda";
  const opts = it.type === "benar-salah"
    ? [{ text: T.tBenar, value: true, feedback: it.feedback.benar, correct: it.answer === true },
       { text: T.tSalah, value: false, feedback: it.feedback.salah, correct: it.answer === false }]
    : it.options.map((o, i) => ({ ...o, value: i }));
  const order = shuffled && it.type !== "benar-salah" ? shuffle(opts, rand) : opts;
  const rows = order.map((o, k) => {
    const input = h("input", { type: multi ? "checkbox" : "radio", name: uid, id: `${uid}-${k}`, onchange: onChange });
    const fb = h("div", { class: "pk-fb", hidden: true });
    return { o, input, fb, node: h("li", { class: "pk-opt" }, input, h("label", { for: `${uid}-${k}` }, md(o.text)), fb) };
  });
  const node = h("ul", { class: "pk-opts" }, ...rows.map((r) => r.node));
  const get = () => {
    const on = rows.filter((r) => r.input.checked).map((r) => r.o.value);
    if (!on.length) return null;
    return multi ? on.sort((x, y) => x - y) : on[0];
  };
  const set = (a) => rows.forEach((r) => { r.input.checked = multi ? ints(a).includes(r.o.value) : r.o.value === a; });
  const mark = (a, reveal) => rows.forEach((r) => {
    const picked = multi ? ints(a).includes(r.o.value) : r.o.value === a;
    r.node.classList.toggle("pk-is-right", (picked || reveal) && r.o.correct);
    r.node.classList.toggle("pk-is-wrong", picked && !r.o.correct);
    if (picked) fbInto(r.fb, r.o.correct, `${r.o.correct ? T.tBenar : T.tSalah} (${T.yours}).`, r.o.feedback);
    else if (r.o.correct && (reveal || multi)) fbInto(r.fb, true, reveal ? `${T.correctOpt}.` : `${T.missed}.`, r.o.feedback);
    else if (reveal) fbInto(r.fb, false, `${T.tSalah}.`, r.o.feedback);
    else r.fb.hidden = true;
  });
  const lock = (on) => rows.forEach((r) => { r.input.disabled = on; });
  const reset = () => rows.forEach((r) => { r.input.checked = false; r.fb.hidden = true; r.node.classList.remove("pk-is-right", "pk-is-wrong"); });
  return { node, get, set, mark, lock, reset, focus: () => rows[0].input.focus() };
}

function selectView(it, uid, rand, shuffled, onChange) {
  const matching = it.type === "menjodohkan";
  const subjects = matching ? it.pairs.map((p, i) => ({ text: p.left, i, fb: p.feedback }))
    : it.entries.map((e, i) => ({ text: e.text, i, fb: e.feedback }));
  const choices = matching
    ? [...it.pairs.map((p, i) => ({ text: p.right, i, fb: p.feedback })), ...(it.distractors || []).map((d, j) => ({ text: d.text, i: it.pairs.length + j, fb: d.feedback }))]
    : it.groups.map((g, i) => ({ text: g, i }));
  const shownChoices = matching && shuffled ? shuffle(choices, rand) : choices;
  const shownSubjects = shuffled ? shuffle(subjects, rand) : subjects;
  const right = (s) => (matching ? s.i : it.groups.indexOf(it.entries[s.i].group));
  const rows = shownSubjects.map((s, k) => {
    const id = `${uid}-${k}`;
    const sel = h("select", { id, onchange: onChange, "aria-label": `${matching ? T.matchFor : T.groupFor}: ${s.text}` },
      h("option", { value: "", text: matching ? T.choose : T.chooseGroup }),
      ...shownChoices.map((c) => h("option", { value: String(c.i), text: c.text })));
    const fb = h("div", { class: "pk-fb", hidden: true });
    return { s, sel, fb, node: h("li", { class: "pk-row" }, h("label", { for: id, class: "pk-subject" }, md(s.text)), sel, fb) };
  });
  const node = h("ul", { class: "pk-rows" }, ...rows.map((r) => r.node));
  const get = () => {
    const v = subjects.map(() => null);
    rows.forEach((r) => { if (r.sel.value !== "") v[r.s.i] = +r.sel.value; });
    return v.every((x) => x === null) ? null : v;
  };
  const set = (a) => { const v = ints(a); rows.forEach((r) => { r.sel.value = v[r.s.i] == null ? "" : String(v[r.s.i]); }); };
  const mark = (a, reveal) => rows.forEach((r) => {
    const got = ints(a)[r.s.i], ok = got === right(r.s);
    r.node.classList.toggle("pk-is-right", ok);
    r.node.classList.toggle("pk-is-wrong", !ok && !reveal);
    if (ok || reveal) fbInto(r.fb, true, ok ? T.matchOk : `${T.correctOpt}.`, r.s.fb);
    else if (got == null) fbInto(r.fb, false, T.noChoice, "");
    else fbInto(r.fb, false, T.matchNo, matching ? choices.find((c) => c.i === got)?.fb : "");
  });
  const lock = (on) => rows.forEach((r) => { r.sel.disabled = on; });
  const reset = () => rows.forEach((r) => { r.sel.value = ""; r.fb.hidden = true; r.node.classList.remove("pk-is-right", "pk-is-wrong"); });
  return { node, get, set, mark, lock, reset, focus: () => rows[0].sel.focus() };
}

function orderView(it, uid, rand, say, onChange) {
  const n = it.steps.length;
  let start = shuffle(it.steps.map((s, i) => i), rand);
  if (start.every((s, i) => s === i)) start = [...start.slice(1), start[0]];
  let order = start.slice(), locked = false, marks = null;
  const list = h("ol", { class: "pk-order" });
  const draw = (focusStep, dir) => {
    list.replaceChildren(...order.map((s, pos) => {
      const text = it.steps[s].text;
      const btn = (dir, off, icon, label) => h("button", { type: "button", class: "pk-move", "data-step": s, "data-dir": dir,
        disabled: locked || pos + off < 0 || pos + off >= n, onclick: () => move(pos, off) },
        h("span", { "aria-hidden": "true", text: icon + " " }), label, h("span", { class: "pk-sr", text: `: ${text}` }));
      const up = btn("up", -1, "▲", T.up), down = btn("down", 1, "▼", T.down);
      const fb = h("div", { class: "pk-fb", hidden: true });
      const li = h("li", { class: "pk-step" }, h("span", { class: "pk-step-text" }, md(text)), h("span", { class: "pk-step-btns" }, up, down), fb);
      if (marks) {
        const ok = s === pos;
        li.classList.add(ok ? "pk-is-right" : "pk-is-wrong");
        if (ok || marks.reveal) fbInto(fb, true, ok ? T.inPlace : `${T.correctOpt}.`, it.steps[s].feedback);
        else fbInto(fb, false, T.notInPlace, "");
      }
      return li;
    }));
    if (focusStep != null) {
      const btns = list.querySelectorAll(`button[data-step="${focusStep}"]`);
      const want = [...btns].find((b) => b.dataset.dir === dir && !b.disabled) || [...btns].find((b) => !b.disabled);
      want?.focus();
    }
  };
  const move = (pos, d) => {
    const to = pos + d;
    if (locked || to < 0 || to >= n) return;
    [order[pos], order[to]] = [order[to], order[pos]];
    draw(order[to], d < 0 ? "up" : "down");
    say(`“${it.steps[order[to]].text}” ${T.nowAt}${to + 1} ${T.of} ${n}.`);
    onChange();
  };
  draw();
  return {
    node: h("div", {}, h("p", { class: "pk-hint", text: T.orderHint }), list),
    get: () => order.slice(),
    set: (a) => { const v = ints(a); if (v.length === n && [...v].sort((x, y) => x - y).every((x, i) => x === i)) order = v; marks = null; draw(); },
    mark: (a, reveal) => { marks = { reveal }; draw(); },
    lock: (on) => { locked = on; draw(); },
    reset: () => { order = start.slice(); marks = null; locked = false; draw(); },
    focus: () => list.querySelector("button:not([disabled])")?.focus(),
  };
}

function clozeView(it, uid, onChange, onEnter) {
  const input = h("input", { type: "text", id: `${uid}-in`, autocomplete: "off", spellcheck: "false", class: "pk-input", oninput: onChange,
    onkeydown: (e) => { if (e.key === "Enter") { e.preventDefault(); onEnter(); } } });
  const fb = h("div", { class: "pk-fb", hidden: true });
  const node = h("div", { class: "pk-cloze" }, h("label", { for: `${uid}-in`, text: T.answerLabel }), " ", input, fb);
  return {
    node,
    get: () => (input.value.trim() ? input.value.trim() : null),
    set: (a) => { input.value = typeof a === "string" ? a : ""; },
    mark: (a, reveal) => {
      const r = score(it, a, false);
      const near = (it.near_misses || []).find((m) => norm(m.text) === norm(a));
      if (r.correct) fbInto(fb, true, T.right, it.feedback.benar);
      else fbInto(fb, false, T.wrong, near ? near.feedback : it.feedback.salah);
      if (reveal) fb.append(h("p", {}, `${T.accepted}: `, h("strong", { text: it.accepted.join(", ") })));
      node.classList.toggle("pk-is-right", r.correct);
      node.classList.toggle("pk-is-wrong", !r.correct && !reveal);
    },
    lock: (on) => { input.readOnly = on; },
    reset: () => { input.value = ""; fb.hidden = true; node.classList.remove("pk-is-right", "pk-is-wrong"); },
    focus: () => input.focus(),
  };
}

let mounted = 0;
const validState = (d) => d.items && typeof d.items === "object" && !Array.isArray(d.items)
  && Object.values(d.items).every((s) => s && typeof s === "object" && !Array.isArray(s));

// Mount the quiz described by `data` into `el`. `onResults(results)` hears every change (anywidget).
// `opts.store` replaces the browser's storage (same shape as openStore; the SCORM adapter keeps the
// answers in the LMS), `opts.seed` the reader's seed.
export function mount(el, data, onResults, opts = {}) {
  const qid = String(data.id || "kuis");
  const pre = `pk${++mounted}`;
  rescoreStored(Object.fromEntries(data.items.map((it) => [it.id, it])), score);
  const store = opts.store || openStore("quiz:" + qid, validState);
  const seed = Number.isInteger(opts.seed) ? opts.seed : readerSeed();
  const rand = rng(hash(`${seed}:${qid}`));
  let items = data.items.slice();
  if (data.pool && data.pool < items.length) {
    const drawn = new Set(shuffle(items, rand).slice(0, data.pool).map((x) => x.id));
    items = items.filter((x) => drawn.has(x.id));
  }
  if (data.shuffle) items = shuffle(items, rand);
  const state = {};
  for (const it of items) {
    const s = store.data?.items?.[it.id];
    state[it.id] = s ? { a: s.a ?? null, c: !!s.c, s: !!s.s, t: isInt(s.t) ? s.t : 0 } : { a: null, c: false, s: false, t: 0 };
  }
  const box = h("section", { class: "pk-quiz", "aria-label": `${T.quiz}: ${data.title || qid}` });
  const title = h("p", { class: "pk-title", tabindex: "-1" }, md(data.title || T.quiz));
  const notice = h("p", { class: "pk-notice", role: "note", hidden: !store.notice, text: store.notice });
  const say = announcer(box);
  const list = h("ol", { class: "pk-items" });
  const scoreLine = h("p", { class: "pk-score" });
  const review = h("div", { class: "pk-review", hidden: true, tabindex: "-1" });
  box.append(title, notice);
  if (data.pool) box.append(h("p", { class: "pk-meta", text: `${T.poolNote}: ${items.length} ${T.of} ${data.items.length}.` }));
  box.append(list);

  const results = () => {
    const rows = items.map((it) => {
      const s = state[it.id], r = s.c ? score(it, s.a, s.s) : { score: 0, correct: false };
      return { id: it.id, type: it.type, level: it.level, tags: it.tags, section: it.section, answer: s.a,
        checked: s.c, shown: s.s, tries: s.t, score: r.score, correct: r.correct };
    });
    return { quiz: qid, bank: data.bank ?? null, title: data.title || "", seed, date: new Date().toISOString(),
      score: rows.reduce((x, r) => x + r.score, 0), max: rows.length, items: rows };
  };
  const save = () => {
    const ok = store.save({ items: state });
    if (!ok && store.notice) { notice.textContent = store.notice; notice.hidden = false; }
    updateScore();
    onResults?.(results());
  };
  const updateScore = () => {
    const r = results(), open = r.items.filter((x) => !x.checked).length;
    scoreLine.textContent = `${T.score}: ${num(r.score)} ${T.of} ${r.max}` + (open ? ` (${open} ${T.item.toLowerCase()} ${T.unchecked})` : "");
  };

  const views = items.map((it, k) => {
    const uid = `${pre}-${k}`;
    const irand = rng(hash(`${seed}:${qid}:${it.id}`));
    const s = state[it.id];
    const changed = () => { if (!s.c) { s.a = v.get(); save(); } };
    const v = it.type === "isian" ? clozeView(it, uid, changed, () => check())
      : it.type === "mengurutkan" ? orderView(it, uid, irand, say, changed)
      : it.type === "menjodohkan" || it.type === "mengelompokkan" ? selectView(it, uid, irand, data.shuffle, changed)
      : choiceView(it, uid, irand, data.shuffle, changed);
    const result = h("p", { class: "pk-result", hidden: true });
    const expl = h("div", { class: "pk-expl", hidden: true }, h("p", {}, h("strong", { text: T.explanation + ": " }), md(it.explanation)));
    const href = safeUrl(it.section_url);
    if (href) expl.append(h("p", {}, h("a", { href, text: T.learnMore })));
    const bCheck = h("button", { type: "button", class: "pk-btn pk-primary", onclick: () => check() }, T.check);
    const bRetry = h("button", { type: "button", class: "pk-btn", hidden: true, onclick: () => retry() }, T.retry);
    const bShow = h("button", { type: "button", class: "pk-btn", onclick: () => reveal() }, T.show);
    const legendId = `${uid}-q`;
    const li = h("li", { class: `pk-item pk-${it.type}`, id: `${uid}-item`, "data-item": it.id, "data-type": it.type },
      h("div", { role: "group", "aria-labelledby": legendId, class: "pk-q" },
        h("p", { class: "pk-prompt", id: legendId }, h("span", { class: "pk-num", text: `${T.item} ${k + 1}. ` }), md(it.prompt)),
        v.node),
      h("div", { class: "pk-actions" }, bCheck, bRetry, bShow), result, expl);
    const paint = (announce) => {
      const r = score(it, s.a, s.s);
      v.set(s.a);
      v.mark(s.a, s.s);
      v.lock(true);
      const head = s.s ? T.revealed : r.correct ? T.right : r.score > 0 ? T.partly : T.wrong;
      result.replaceChildren(badge(r.correct, head), ` ${T.score}: ${num(r.score)} ${T.of} 1.`);
      result.className = "pk-result " + (r.correct ? "pk-ok" : "pk-no");
      result.hidden = false;
      expl.hidden = false;
      bCheck.hidden = true;
      bRetry.hidden = false;
      bShow.hidden = s.s || r.correct;
      if (announce) say(`${T.item} ${k + 1}: ${head} ${T.score} ${num(r.score)} ${T.of} 1.`);
    };
    const check = () => {
      if (s.c) return;
      const a = v.get();
      if (a == null) { say(T.needAnswer); return; }
      Object.assign(s, { a, c: true, s: false, t: s.t + 1 });
      addAttempt(qid, it, a, false, score(it, a, false));
      paint(true);
      bRetry.focus();
      save();
      if (items.every((x) => state[x.id].c)) showReview(false);
    };
    const reveal = () => {
      Object.assign(s, { a: correctAnswer(it), c: true, s: true, t: s.t });
      addAttempt(qid, it, s.a, true, { score: 0, correct: false });
      paint(true);
      bRetry.focus();
      save();
      if (items.every((x) => state[x.id].c)) showReview(false);
    };
    const retry = () => {
      Object.assign(s, { a: null, c: false, s: false });
      v.reset();
      v.lock(false);
      result.hidden = expl.hidden = bRetry.hidden = true;
      bCheck.hidden = bShow.hidden = false;
      save();
      say(`${T.item} ${k + 1}: ${T.tryAgain}`);
      v.focus();
    };
    const restore = () => {
      try {
        if (s.c) paint(false);
        else if (s.a != null) v.set(s.a);
      } catch (e) { Object.assign(s, { a: null, c: false, s: false }); v.reset(); }
    };
    list.append(li);
    return { restore };
  });

  const showReview = (focus) => {
    const r = results(), tags = new Map();
    for (const row of r.items) for (const t of row.tags) {
      const m = tags.get(t) || { got: 0, n: 0 };
      m.got += row.score; m.n += 1; tags.set(t, m);
    }
    const tbl = h("table", { class: "pk-mastery" },
      h("thead", {}, h("tr", {}, h("th", { scope: "col", text: T.topic }), h("th", { scope: "col", text: T.score }), h("th", { scope: "col", text: T.mastery }))),
      h("tbody", {}, ...[...tags].map(([t, m]) => {
        const pct = Math.round((100 * m.got) / m.n);
        return h("tr", {}, h("th", { scope: "row", text: t }), h("td", { text: `${num(m.got)} ${T.of} ${m.n}` }),
          h("td", { text: `${pct}% (${pct >= 80 ? T.mastered : pct >= 50 ? T.almost : T.again})` }));
      })));
    const weak = items.filter((it) => { const s = state[it.id]; return !score(it, s.a, s.s).correct; });
    review.replaceChildren(h("p", { class: "pk-title", text: T.reviewTitle }),
      h("p", { text: `${T.score}: ${num(r.score)} ${T.of} ${r.max}.` + (r.items.every((x) => x.checked) ? ` ${T.allDone}` : "") }), tbl);
    if (weak.length) {
      review.append(h("p", { text: T.revisit + ":" }), h("ul", {}, ...weak.map((it) => {
        const k = items.indexOf(it), href = safeUrl(it.section_url);
        return h("li", {}, h("a", { href: `#${pre}-${k}-item`, text: `${T.item} ${k + 1}` }),
          href ? " — " : null, href ? h("a", { href, text: T.learnMore }) : null);
      })));
    }
    review.hidden = false;
    if (focus) review.focus();
    say(`${T.reviewTitle}. ${T.score}: ${num(r.score)} ${T.of} ${r.max}.`);
  };

  let armed = 0;
  const bReset = h("button", { type: "button", class: "pk-btn pk-danger", onclick: () => {
    if (!armed) {
      bReset.textContent = T.resetConfirm;
      say(T.resetConfirm);
      armed = setTimeout(() => { armed = 0; bReset.textContent = T.reset; }, 6000);
      return;
    }
    clearTimeout(armed);
    store.clear();
    for (const n of [...el.children]) if (n.classList.contains("pk-quiz")) n.remove();
    const again = mount(el, data, onResults, opts);
    again.querySelector(".pk-title").focus();
    again.say(T.resetDone);
  } }, T.reset);
  const stamp = () => new Date().toISOString().slice(0, 10);
  const fileBase = () => `hasil-kuis-${qid}-${stamp()}`;
  box.append(h("div", { class: "pk-foot" }, scoreLine,
    h("div", { class: "pk-actions" },
      h("button", { type: "button", class: "pk-btn", onclick: () => showReview(true) }, T.review),
      h("button", { type: "button", class: "pk-btn", onclick: () => download(fileBase() + ".json", JSON.stringify(results(), null, 2), "application/json") }, T.dlJson),
      h("button", { type: "button", class: "pk-btn", onclick: () => {
        const r = results();
        const rows = [["kuis", "soal", "jenis", "tingkat", "topik", "jawaban", "jawaban_teks", "diperiksa", "ditampilkan", "percobaan", "skor", "benar"],
          ...r.items.map((x, i) => [r.quiz, x.id, x.type, x.level, x.tags.join(";"), x.answer == null ? "" : JSON.stringify(x.answer),
            describe(items[i], x.answer), x.checked, x.shown, x.tries, x.score, x.correct])];
        download(fileBase() + ".csv", csv(rows), "text/csv;charset=utf-8");
      } }, T.dlCsv),
      bReset)), review);
  el.append(box);
  views.forEach((v) => v.restore());
  updateScore();
  if (items.length && items.every((x) => state[x.id].c)) showReview(false);
  onResults?.(results());
  box.say = say;
  return box;
}

function mountAll() {
  for (const el of document.querySelectorAll('.peksos-quiz[data-peksos-engine="quiz"]')) {
    if (el.dataset.pkMounted) continue;
    el.dataset.pkMounted = "1";
    let data;
    try { data = readPayload(el, "peksos-quiz-data"); }
    catch (e) { el.append(h("p", { class: "pk-notice", text: T.broken })); continue; }
    mount(el, data);
  }
}

if (typeof document !== "undefined") {
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mountAll);
  else mountAll();
}

// anywidget: the same engine live in Jupyter; answers go back to Python as `results`.
export default {
  render({ model, el }) {
    const draw = () => {
      el.replaceChildren();
      const host = h("div", { class: "peksos-quiz" });
      el.append(host);
      mount(host, model.get("payload"), (r) => { model.set("results", r); model.save_changes(); });
    };
    draw();
    model.on("change:payload", draw);
    return () => model.off("change:payload", draw);
  },
};
