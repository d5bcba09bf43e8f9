// peksos xAPI: the learning record as xAPI 1.0.3 statements for a learning-record store (LRS).
// Actor: a pseudonymous account the student chooses; verbs: answered (each checked answer), completed
// (a case played to an ending), experienced (a case left before its end). peksos/xapi.py checks them.
import { hash } from "./engine.js";

export const VERBS = {
  answered: "http://adlnet.gov/expapi/verbs/answered",
  completed: "http://adlnet.gov/expapi/verbs/completed",
  experienced: "http://adlnet.gov/expapi/verbs/experienced",
};
const ACT = "http://adlnet.gov/expapi/activities/";

// A stable UUID (version 4 layout) from a text, so that the same attempt is the same statement.
export function uuid(text) {
  const x = [0, 1, 2, 3].map((i) => hash(`${i}|${text}`).toString(16).padStart(8, "0")).join("");
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-4${x.slice(13, 16)}-${"89ab"[parseInt(x[16], 16) % 4]}${x.slice(17, 20)}-${x.slice(20, 32)}`;
}

// rec: the record; name: the pseudonym; base: the IRI the book's activities live under (ends in "/").
export function statements(rec, name, base) {
  const actor = { objectType: "Agent", account: { homePage: base, name } };
  const verb = (v) => ({ id: VERBS[v], display: { "en-US": v } });
  const course = { id: base, objectType: "Activity", definition: { type: ACT + "course" } };
  const out = [];
  for (const a of rec.attempts) {
    if (typeof a.score !== "number") continue;
    const parent = a.chapter ? [{ id: `${base}bab/${a.chapter}`, objectType: "Activity", definition: { type: ACT + "module" } }] : [];
    out.push({
      id: uuid(`a|${a.at}|${a.quiz}|${a.item}`), actor, verb: verb("answered"), timestamp: a.at,
      object: { objectType: "Activity", id: `${base}soal/${encodeURIComponent(a.item)}`,
        definition: { type: ACT + "cmi.interaction", name: { "id-ID": a.item } } },
      result: { score: { scaled: a.score, raw: a.score, min: 0, max: 1 }, success: !!a.correct,
        response: JSON.stringify(a.answer ?? null) },
      context: { platform: "peksos", language: "id-ID", contextActivities: { parent, grouping: [course] },
        extensions: { [`${base}xapi/kuis`]: a.quiz, [`${base}xapi/topik`]: a.tags || [] } },
    });
  }
  for (const p of rec.plays) {
    const max = p.max_score || 0;
    out.push({
      id: uuid(`p|${p.at}|${p.vignette}`), actor, verb: verb(p.ended ? "completed" : "experienced"), timestamp: p.at,
      object: { objectType: "Activity", id: `${base}kasus/${encodeURIComponent(p.vignette)}`,
        definition: { type: ACT + "simulation", name: { "id-ID": p.vignette } } },
      result: { score: { scaled: max ? p.score / max : 0, raw: p.score, min: 0, max }, completion: !!p.ended,
        ...(p.ended ? { success: p.outcome === "baik", response: p.ending } : {}) },
      context: { platform: "peksos", language: "id-ID", contextActivities: { grouping: [course] },
        extensions: { [`${base}xapi/jalur`]: p.path.map((s) => `${s.node}:${s.choice}:${s.rating}`) } },
    });
  }
  return out;
}
