// Temporary diagnostic (to be removed): per scored visit, first predictions of all predictors + raw/signals.
import { writeFileSync } from 'node:fs';
import { compareForCalling, estimateWaits, WaitLearner } from '@walkup/domain';
import { baselines } from './baseline-predictors.ts';
import { QueueHistory } from './queue-history.ts';
import { callPolicyOf, readEventLog } from './read-event-log.ts';

const [input, format, out] = process.argv.slice(2) as [string, 'anonymous-bank' | 'events', string];
const events = readEventLog(input, format);
const callPolicy = callPolicyOf(format);
const learner = new WaitLearner(callPolicy ? { callPolicy } : {});
const history = new QueueHistory();
const rows = new Map<string, any>();
for (let i = 0; i < events.length; i++) {
  const event = events[i]!;
  learner.observe(event);
  history.observe(event);
  const id = event.visitId ?? '';
  if (event.type === 'visit.checked_in') rows.set(id, { id, q: event.data.queueId, joined: Date.parse(event.at), called: null, pri: event.data.priority, pred: null });
  else if (event.type === 'visit.called') { const r = rows.get(id); if (r && r.called === null) r.called = Date.parse(event.at); }
  else if (event.type === 'visit.transferred') { const r = rows.get(id); if (r && r.called === null) rows.delete(id); }
  if (events[i + 1]?.at === event.at) continue;
  const nowMs = Date.parse(event.at);
  const waiting = learner.waiting();
  const fresh = waiting.filter((v) => rows.get(v.id)?.pred === null);
  if (fresh.length === 0) continue;
  const inp = learner.estimatorInput(nowMs);
  const est = estimateWaits(inp);
  const byQueue = new Map<string, typeof waiting>();
  for (const v of waiting) byQueue.set(v.queueId, [...(byQueue.get(v.queueId) ?? []), v]);
  for (const list of byQueue.values()) list.sort((a, b) => compareForCalling(a, b, callPolicy));
  for (const v of fresh) {
    const r = rows.get(v.id);
    const queue = byQueue.get(v.queueId)!;
    const ctx = { nowMs, queueId: v.queueId, elapsed: (nowMs - v.joinedAtMs) / 1000, position: queue.indexOf(v) + 1, headOfLineElapsed: (nowMs - queue[0]!.joinedAtMs) / 1000, technicians: inp.technicians, history };
    const e = est.visits[v.id];
    const atJoin = (learner as any).visits.get(v.id)?.atJoin;
    r.pred = { est: e?.expectedSeconds ?? null, lo: e?.lowSeconds ?? null, hi: e?.highSeconds ?? null, base: baselines.map((b) => b.remaining(ctx)), raw: atJoin?.raw ?? null, sig: atJoin?.signals ?? null, pos: ctx.position, qlen: queue.length, techs: inp.technicians.filter((t) => t.status === 'available' && t.queueIds.includes(v.queueId)).length };
  }
}
writeFileSync(out, JSON.stringify([...rows.values()].filter((r) => r.pred && r.called !== null && r.called > r.joined)));
