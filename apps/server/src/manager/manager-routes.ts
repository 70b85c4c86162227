import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ErrorResponse, Id, WaitEstimate } from '../routes/schemas.ts';
import { managerAndAdmin } from '../routes/route-roles.ts';
import { resolveReportSites } from '../reports/report-request.ts';
import { loadManagerBoard, saveTargetWaitSeconds, type BoardDeps } from './board-service.ts';
import { planStaffing } from './staffing-service.ts';
import { parseDayRange } from '../reports/report-request.ts';

const Alert = Type.Object({
  kind: Type.Union([Type.Literal('wait_beyond_target'), Type.Literal('queue_unstaffed'), Type.Literal('called_not_arrived')]),
  queueId: Type.String(),
  visitId: Type.Optional(Type.String()),
  ticketNumber: Type.Optional(Type.String()),
  waitedSeconds: Type.Optional(Type.Integer()),
  targetSeconds: Type.Optional(Type.Integer()),
  waiting: Type.Optional(Type.Integer()),
  deskId: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  calledSecondsAgo: Type.Optional(Type.Integer()),
});
const Board = Type.Object({
  siteId: Type.String(),
  seq: Type.Integer(),
  at: Type.String(),
  targetWaitSeconds: Type.Integer(),
  queues: Type.Array(Type.Object({ queueId: Type.String(), name: Type.Record(Type.String(), Type.String()), waiting: Type.Integer(), longestWaitSeconds: Type.Union([Type.Integer(), Type.Null()]), estimate: WaitEstimate, availableTechnicians: Type.Integer() })),
  desks: Type.Array(
    Type.Object({
      deskId: Type.String(),
      name: Type.String(),
      technicianId: Type.Union([Type.String(), Type.Null()]),
      technicianName: Type.Union([Type.String(), Type.Null()]),
      status: Type.String(),
      serving: Type.Union([Type.Object({ visitId: Type.String(), ticketNumber: Type.String(), state: Type.String(), sinceSeconds: Type.Integer() }), Type.Null()]),
    }),
  ),
  alerts: Type.Array(Alert),
});

/** The live board over HTTP (first paint, scripts) and the site's wait target. The websocket pushes the same boards. */
export async function managerRoutes(root: FastifyInstance, deps: BoardDeps & { onTargetChanged: () => void }): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/api/manager/board',
    {
      config: { roles: managerAndAdmin },
      schema: {
        summary: 'Live board: queues, desks and alerts of one site, or of every site the caller sees',
        tags: ['statistics'],
        querystring: Type.Object({ siteId: Type.Optional(Id) }, { additionalProperties: false }),
        response: { 200: Type.Object({ boards: Type.Array(Board) }), 403: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (request) => {
      const siteIds = await resolveReportSites(deps.db, request.principal!, request.query.siteId);
      return { boards: await Promise.all(siteIds.map((siteId) => loadManagerBoard(deps, siteId))) };
    },
  );

  app.post(
    '/api/manager/sites/:siteId/staffing',
    {
      config: { roles: managerAndAdmin },
      schema: {
        summary: 'Staffing forecast of a week: expected arrivals (pooled hourly forecast), technicians needed per hour (Erlang A with patience from cancellations, service-time SCV, staff efficiency from history), service level of a planned roster',
        tags: ['statistics'],
        params: Type.Object({ siteId: Id }),
        body: Type.Object(
          {
            weekStart: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }),
            targetWaitMinutes: Type.Integer({ minimum: 1, maximum: 240 }),
            goalPercent: Type.Integer({ minimum: 1, maximum: 99 }),
            roster: Type.Optional(Type.Array(Type.Integer({ minimum: 0, maximum: 500 }), { minItems: 168, maxItems: 168 })),
            holidays: Type.Optional(Type.Array(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }), { maxItems: 400 })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            hours: Type.Array(
              Type.Object({
                day: Type.String(), hour: Type.Integer(), expectedArrivals: Type.Number(), meanServiceSeconds: Type.Integer(), techniciansNeeded: Type.Integer(),
                planned: Type.Union([Type.Integer(), Type.Null()]), plannedServiceLevel: Type.Union([Type.Number(), Type.Null()]),
              }),
            ),
            meanPatienceSeconds: Type.Union([Type.Integer(), Type.Null()]),
            serviceScv: Type.Number(),
            staffEfficiency: Type.Number(),
          }),
          400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse,
        },
      },
    },
    async (request) => {
      const [siteId] = await resolveReportSites(deps.db, request.principal!, request.params.siteId);
      parseDayRange(request.body.weekStart, request.body.weekStart);
      return planStaffing(deps.db, {
        siteId: siteId!,
        weekStart: request.body.weekStart,
        targetWaitSeconds: request.body.targetWaitMinutes * 60,
        goalShare: request.body.goalPercent / 100,
        roster: request.body.roster,
        holidays: request.body.holidays,
      });
    },
  );

  app.put(
    '/api/manager/sites/:siteId/target',
    {
      config: { roles: managerAndAdmin },
      schema: {
        summary: "Set the site's wait target (board alerts, share within target in reports)",
        tags: ['statistics'],
        params: Type.Object({ siteId: Id }),
        body: Type.Object({ targetWaitMinutes: Type.Integer({ minimum: 1, maximum: 240 }) }, { additionalProperties: false }),
        response: { 200: Type.Object({ siteId: Type.String(), targetWaitSeconds: Type.Integer() }), 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (request) => {
      const [siteId] = await resolveReportSites(deps.db, request.principal!, request.params.siteId);
      const targetWaitSeconds = request.body.targetWaitMinutes * 60;
      await saveTargetWaitSeconds(deps.db, siteId!, targetWaitSeconds);
      deps.onTargetChanged();
      return { siteId: siteId!, targetWaitSeconds };
    },
  );
}
