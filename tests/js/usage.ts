// How a front end uses the generated types; `tsc --strict -p tests/js` must accept it.
import type {
  ActionPlanDocument,
  ActionStatus,
  Grade,
  IlacsDocument,
  InspectionDocument,
  InspectionKind,
  IsoDate,
  StatusChange,
} from "../../schemas/ilacs.js";

const day: IsoDate = "2018-10-29";
const kind: InspectionKind = "standard";
const grade: Grade = "requires_improvement";

// Keys whose fields have a default may be left out, as ilacs reads them.
export const haringey: InspectionDocument = {
  schema_version: 2,
  document_type: "inspection",
  authority: { name: "Haringey", urn: 80498, dfe_code: "309", ons_code: "E09000014" },
  kind,
  on_site_start: day,
  on_site_end: "2018-11-09",
  judgements: [{ area: "leaders", grade }],
};

const better: Record<Grade, Grade | null> = {
  inadequate: "requires_improvement",
  requires_improvement: "good",
  good: "outstanding",
  outstanding: null,
};

export function nextGrade(given: Grade): Grade | null {
  return better[given];
}

const order: readonly ActionStatus[] = ["planned", "in_progress", "completed", "verified"];

export function isSetback(before: ActionStatus, change: StatusChange): boolean {
  return order.indexOf(change.status) < order.indexOf(before) && change.setback === true;
}

// A document of any type narrows on its document_type.
export function describe(document: IlacsDocument): string {
  switch (document.document_type) {
    case "inspection":
      return `${document.authority.name}, ${document.kind}, from ${document.on_site_start}`;
    case "inspections":
      return `${document.inspections.length} inspections`;
    case "framework":
      return `framework ${document.id}, in force from ${document.in_force_from}`;
    case "action_plan":
      return `${(document satisfies ActionPlanDocument).actions?.length ?? 0} actions`;
  }
}
