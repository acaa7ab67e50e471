// A saved forecast's week for the schedule tests, written on either database (withWrite): each
// channel's forecast row and its half-hourly intervals, offered = adjusted = the calls given, AHT 180 s.
import { sql, withWrite } from '../../app/db/queries.server.ts'

export async function storeForecastWeek(
  forecastId: number,
  /** Epoch ms of the week's first local midnight. */
  monday: number,
  channels: ReadonlyArray<{ id: number; calls: (day: number, halfHour: number) => number }>,
): Promise<void> {
  await withWrite(async (writer) => {
    const intervals: number[][] = []
    for (const channel of channels) {
      await writer.run(
        sql`INSERT INTO "ForecastChannel" ("forecastId", "channelId", "method", "params", "scores", "origins", "dispersion")
            VALUES (${forecastId}, ${channel.id}, 'seasonal-naive', 'null', '{"methods":[],"auto":null}', 0, 1)`,
      )
      for (let d = 0; d < 7; d++)
        for (let q = 0; q < 48; q++) {
          const calls = channel.calls(d, q)
          intervals.push([forecastId, channel.id, monday + (d * 48 + q) * 1_800_000, calls, 0, 0, 180, calls])
        }
    }
    await writer.insertRows(
      'ForecastInterval',
      { forecastId: 'int', channelId: 'int', start: 'instant', offered: 'float', lower: 'float', upper: 'float', aht: 'float', adjusted: 'float' },
      intervals,
    )
  })
}
