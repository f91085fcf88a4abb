// `/cluster timezone [Area/City]`: shows the cluster's zone (with its time now, so a wrong one shows),
// or changes it and tells the channel: everyone's dates read differently from now on.
import { formatInZone } from "../../../kernel/domain/zoned-time.ts";
import {
  actorAndConversation,
  type HandlerContext,
  render,
} from "../../../kernel/surface/handler-context.ts";
import { note, type Output, text, toChannel, view } from "../../../kernel/surface/view.ts";
import { setTimeZone, showTimeZone } from "../app/cluster-time-zone.ts";

export async function timeZoneCommand(hc: HandlerContext, typed: string | undefined): Promise<Output[]> {
  const timeThere = (zone: string) => formatInZone(hc.app.clock.now(), hc.locale, zone, "time");
  if (typed === undefined) {
    const shown = await showTimeZone(hc.app, actorAndConversation(hc));
    return render(hc, shown, ({ clusterName, timeZone }) => [
      note(hc.t("timezone.current", { cluster: clusterName, zone: timeZone, time: timeThere(timeZone) })),
    ]);
  }
  const result = await setTimeZone(hc.app, { ...actorAndConversation(hc), timeZone: typed });
  if (!result.ok && result.reason === "INVALID_INPUT" && result.details?.field === "timeZone")
    return [note(hc.t("timezone.unknown", { value: typed.slice(0, 64) }))];
  return render(hc, result, (zone) => {
    if (!zone.changed)
      return [note(hc.t("timezone.unchanged", { cluster: zone.clusterName, zone: zone.timeZone }))];
    const announcement = hc.t("timezone.changed", {
      who: zone.by,
      cluster: zone.clusterName,
      from: zone.previous,
      zone: zone.timeZone,
      time: timeThere(zone.timeZone),
    });
    return [toChannel(view(announcement, text(announcement)))];
  });
}
