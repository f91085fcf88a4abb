// The labels inside the "Add to calendar" file's description, in the cluster's language (the file is
// one per meeting, shared by everyone in the cluster, like the minutes).
import type { Locale } from "../../../kernel/domain/locale.ts";

export type CalendarLabels = { online: string; place: string; agenda: string; cancelled: string };

export const CALENDAR_LABELS: Readonly<Record<Locale, CalendarLabels>> = {
  en: { online: "Online meeting", place: "Place", agenda: "Agenda", cancelled: "CANCELLED" },
  fi: { online: "Etäyhteys", place: "Paikka", agenda: "Asialista", cancelled: "PERUTTU" },
  sv: { online: "Distansmöte", place: "Plats", agenda: "Föredragningslista", cancelled: "INSTÄLLT" },
  nl: { online: "Online vergadering", place: "Plaats", agenda: "Agenda", cancelled: "GEANNULEERD" },
};
