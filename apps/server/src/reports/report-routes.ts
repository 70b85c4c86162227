import type { FastifyInstance, FastifyReply } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ErrorResponse, Id } from '../routes/schemas.ts';
import { managerAndAdmin } from '../routes/route-roles.ts';
import { buildFiguresReport, buildVisitExport, figuresCsv, visitsCsv, type ReportDeps } from './report-service.ts';

const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'local calendar day of the site, YYYY-MM-DD' });
const Range = {
  from: Day,
  to: Day,
  siteId: Type.Optional(Id),
  lang: Type.Optional(Type.Union([Type.Literal('en'), Type.Literal('fr')])),
};
const FiguresQuery = Type.Object(
  {
    ...Range,
    groupBy: Type.Optional(Type.String({ maxLength: 64, description: 'comma-separated: site, queue, category, technician, day, hour, weekday' })),
    targetWaitMinutes: Type.Optional(Type.Integer({ minimum: 1, maximum: 240 })),
  },
  { additionalProperties: false },
);
const VisitsQuery = Type.Object({ ...Range, limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })) }, { additionalProperties: false });

const Num = Type.Union([Type.Number(), Type.Null()]);
const Figures = Type.Object({
  visits: Type.Integer(), served: Type.Integer(), waitMean: Num, waitMedian: Num, waitP90: Num, waitMax: Num, shareWithinTarget: Num,
  serviceMean: Num, serviceMedian: Num, serviceP90: Num, noShows: Type.Integer(), cancelled: Type.Integer(), transfers: Type.Integer(),
  escalated: Type.Integer(), resolvedAtDesk: Type.Integer(), resolvedAtDeskShare: Num, feedbackCount: Type.Integer(), feedbackMean: Num,
  feedbackHappyShare: Num, feedbackUnhappyShare: Num, estimateBias: Num, estimateMeanAbsoluteError: Num, estimateCloseShare: Num,
});
const GroupKey = Type.Object({
  site: Type.Optional(Type.String()), queue: Type.Optional(Type.String()), category: Type.Optional(Type.String()), technician: Type.Optional(Type.String()),
  day: Type.Optional(Type.String()), hour: Type.Optional(Type.Integer()), weekday: Type.Optional(Type.Integer()),
});
const FiguresReport = Type.Object({
  from: Type.String(), to: Type.String(), siteIds: Type.Array(Type.String()), groupBy: Type.Array(Type.String()), targetWaitSeconds: Type.Integer(),
  rows: Type.Array(Type.Object({ key: GroupKey, labels: Type.Record(Type.String(), Type.String()), figures: Figures })),
  total: Type.Union([Figures, Type.Null()]),
});
const NullableString = Type.Union([Type.String(), Type.Null()]);
const NullableInteger = Type.Union([Type.Integer(), Type.Null()]);
const VisitExport = Type.Object({
  personalData: Type.Boolean(),
  rows: Type.Array(Type.Object({
    visitId: Type.String(), siteId: Type.String(), ticketNumber: Type.String(), queueId: Type.String(), queueName: Type.String(), categoryId: Type.String(), categoryName: Type.String(),
    technicianId: NullableString, technicianName: NullableString, deskId: NullableString, deskName: NullableString, day: Type.String(), checkedInAt: Type.String(),
    calledAt: NullableString, startedAt: NullableString, endedAt: NullableString, outcome: Type.String(), waitSeconds: NullableInteger, serviceSeconds: NullableInteger,
    transfers: Type.Integer(), estimateSeconds: NullableInteger, feedbackScore: NullableInteger, visitorName: NullableString, visitorEmail: NullableString,
  })),
});
const errors = { 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };

function sendCsv(reply: FastifyReply, name: string, body: string) {
  return reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${name}"`).send(body);
}

const defaultVisitLimit = 100_000;

/** Figures and visit-level exports for managers (their sites) and admins (every site). */
export async function reportRoutes(root: FastifyInstance, deps: ReportDeps): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const config = { roles: managerAndAdmin };

  app.get('/api/reports/figures', { config, schema: { summary: 'Figures over a range of days, grouped as asked', tags: ['statistics'], querystring: FiguresQuery, response: { 200: FiguresReport, ...errors } } }, async (request) =>
    buildFiguresReport(deps, request.principal!, request.query),
  );

  app.get('/api/reports/figures.csv', { config, schema: { summary: 'The same figures as CSV', tags: ['statistics'], querystring: FiguresQuery, response: { 200: Type.String(), ...errors } } }, async (request, reply) => {
    const report = await buildFiguresReport(deps, request.principal!, request.query);
    return sendCsv(reply, `walkup-figures-${report.from}-${report.to}.csv`, figuresCsv(report));
  });

  app.get('/api/reports/visits', { config, schema: { summary: 'Visits of a range of days (names only for admins, never once anonymised)', tags: ['statistics'], querystring: VisitsQuery, response: { 200: VisitExport, ...errors } } }, async (request) =>
    buildVisitExport(deps, request.principal!, request.query, request.query.limit ?? defaultVisitLimit),
  );

  app.get('/api/reports/visits.csv', { config, schema: { summary: 'The same visits as CSV', tags: ['statistics'], querystring: VisitsQuery, response: { 200: Type.String(), ...errors } } }, async (request, reply) => {
    const visits = await buildVisitExport(deps, request.principal!, request.query, request.query.limit ?? defaultVisitLimit);
    return sendCsv(reply, `walkup-visits-${request.query.from}-${request.query.to}.csv`, visitsCsv(visits));
  });
}
