/* The TypeScript types of ilacs documents, generated from schemas/*.schema.json by
 * json-schema-to-typescript: do not edit by hand (see docs/how-to/front-end.md). */

/**
 * Any ilacs document: InspectionDocument, InspectionsDocument, FrameworkDocument, ActionPlanDocument. Each document's description lists the rules no JSON Schema can say.
 */
export type IlacsDocument =
  InspectionDocument | InspectionsDocument | FrameworkDocument | ActionPlanDocument;
/**
 * A kind of inspection or visit; which kinds a framework uses, and which it grades, is data.
 */
export type InspectionKind =
  | "single_inspection"
  | "standard"
  | "short"
  | "focused_visit"
  | "monitoring_visit"
  | "joint_targeted_area_inspection"
  | "area_send_inspection"
  | "area_send_revisit"
  | "area_send_monitoring";
/**
 * A calendar date in ISO 8601 form, YYYY-MM-DD, from 0001-01-01: a day the calendar has (format date), so not 2023-02-29.
 */
export type IsoDate = string;
/**
 * An outcome on the framework's scale: a Grade on Ofsted's four-point scale, or the snake_case id of an outcome that the framework pack's scale defines (such as 'positive'); loading the document checks that it is on the scale of the framework the document names.
 */
export type Outcome = Grade | string;
/**
 * A grade on Ofsted's four-point scale, ordered so that a better grade compares greater.
 */
export type Grade = "inadequate" | "requires_improvement" | "good" | "outstanding";
/**
 * The kinds of item in the Children's Social Care National Framework.
 */
export type TagKind = "outcome" | "enabler" | "principle";
/**
 * A fact about an inspection that a source may be silent on.
 */
export type Fact = "priority_actions" | "improvement_areas" | "report_received" | "on_site_end";
/**
 * The shape of a framework's outcome scale.
 */
export type ScaleKind = "ordered" | "unordered" | "finding" | "ungraded";
/**
 * What a judgement area stands for in the grading rules.
 */
export type AreaRole = "overall" | "leadership" | "practice";
/**
 * How firmly a rule binds.
 */
export type Strength = "must" | "likely";
/**
 * The two shapes of a limit.
 */
export type Shape = "cap" | "floor";
/**
 * The event a deadline counts from; each value names the inspection's date field.
 */
export type Event = "report_received" | "published" | "on_site_end";
/**
 * What makes a deadline binding: the law, Ofsted's framework, or only usual practice.
 */
export type Basis = "law" | "framework" | "usual_practice";
/**
 * Where an action stands. Statuses move forward only, in this order.
 */
export type ActionStatus = "planned" | "in_progress" | "completed" | "verified";

/**
 * An ilacs inspection document, schema version 2: An inspection or visit of a local authority's children's services. This schema says every rule JSON Schema can; call ilacs validate (serialisation.validate in Python) for the rules it cannot say: no key appears twice in one object (a JSON parser keeps one of them in silence); a whole number is written as one: 3, not 3.0 or 3e0 (JavaScript cannot tell them apart); Inspection: on_site_end is not before on_site_start; Inspection: off_site_start is not after on_site_start; Inspection: no judgement area is judged twice (judgements unique by area); Inspection: improvement area and priority action ids are unique, across both lists; Inspection: not_known lists no fact that is given (a non-empty list, a date), and no fact twice. Beyond this schema, ilacs also reads a grade written as its label, such as 'Good' or 'RI', in any letter case and with stray spaces (as the schema of each document type does); this one takes only the values ilacs writes, such as 'good'.
 */
export interface InspectionDocument {
  schema_version: 2;
  document_type: "inspection";
  /**
   * the local authority, as it was at the time.
   */
  authority: LocalAuthority;
  /**
   * standard, short, focused visit, monitoring visit or JTAI.
   */
  kind: InspectionKind;
  /**
   * the first day on site (the report's first date).
   */
  on_site_start: IsoDate;
  /**
   * the last day on site (the report's last date).
   */
  on_site_end?: IsoDate | null;
  /**
   * the first day of the off-site week, where known.
   */
  off_site_start?: IsoDate | null;
  /**
   * the day the authority received the report.
   */
  report_received?: IsoDate | null;
  /**
   * the day Ofsted published the report or letter.
   */
  published?: IsoDate | null;
  /**
   * the id of the framework version in force at fieldwork.
   */
  framework?: string;
  /**
   * the lead inspector's name, as the report prints it.
   */
  lead_inspector?: string | null;
  /**
   * the graded judgements, in any order.
   */
  judgements?: Judgement[];
  /**
   * the report's "What needs to improve".
   */
  improvement_areas?: ImprovementArea[];
  /**
   * areas for priority action (focused visits, JTAIs).
   */
  priority_actions?: ImprovementArea[];
  /**
   * the theme of a focused visit or JTAI.
   */
  topic?: string | null;
  /**
   * where the report is published.
   */
  source_url?: string | null;
  /**
   * the strengths and weaknesses per judgement area (see Findings), at most one entry per area.
   */
  findings?: Findings[];
  /**
   * the facts the source is silent on (see Fact): an empty `priority_actions` with PRIORITY_ACTIONS listed here is "not known", not "none". A date that is None is not known whether or not it is listed. Ask known rather than reading the list.
   */
  not_known?: Fact[];
}
/**
 * A local authority with children's services, and the codes that name it.
 */
export interface LocalAuthority {
  /**
   * the authority's name, as Ofsted writes it.
   */
  name: string;
  /**
   * Ofsted's unique reference number for the authority.
   */
  urn?: number | null;
  /**
   * the Department for Education's LA code: three ASCII digits.
   */
  dfe_code?: string | null;
  /**
   * the Office for National Statistics area code: E, N, S or W and eight ASCII digits.
   */
  ons_code?: string | null;
  /**
   * the Ofsted region.
   */
  region?: string | null;
}
/**
 * One judgement: a judgement area of the framework and its outcome on the framework's scale.
 */
export interface Judgement {
  area: string;
  grade: Outcome;
}
/**
 * An item under a report's "What needs to improve", or an area for priority action.
 */
export interface ImprovementArea {
  /**
   * short and stable within the inspection, so action plans can refer to it.
   */
  id: string;
  /**
   * the report's words.
   */
  text: string;
  /**
   * the judgements it bears on, by area id (may be empty).
   */
  judgement_areas?: string[];
  /**
   * the report's national framework tag, since early 2025.
   */
  national_framework?: NationalFrameworkTag | null;
}
/**
 * The tag reports since early 2025 give each improvement item, e.g. "(outcome 3, national framework)".
 */
export interface NationalFrameworkTag {
  kind: TagKind;
  number: number;
}
/**
 * What a report or letter found on one judgement area, in its words.
 */
export interface Findings {
  /**
   * the judgement area, by id (for a visit, the area it looked at).
   */
  area: string;
  /**
   * what the report or letter finds working well.
   */
  strengths?: string[];
  /**
   * what it finds needing to improve.
   */
  weaknesses?: string[];
  /**
   * what a letter calls a serious weakness.
   */
  serious_weaknesses?: string[];
}
/**
 * An ilacs inspections document, schema version 2: The body of an `inspections` document. This schema says every rule JSON Schema can; call ilacs validate (serialisation.validate in Python) for the rules it cannot say: no key appears twice in one object (a JSON parser keeps one of them in silence); a whole number is written as one: 3, not 3.0 or 3e0 (JavaScript cannot tell them apart); Inspection: on_site_end is not before on_site_start; Inspection: off_site_start is not after on_site_start; Inspection: no judgement area is judged twice (judgements unique by area); Inspection: improvement area and priority action ids are unique, across both lists; Inspection: not_known lists no fact that is given (a non-empty list, a date), and no fact twice; inspections document: frameworks lists the framework ids of the inspections, in the order they first appear. Beyond this schema, ilacs also reads a grade written as its label, such as 'Good' or 'RI', in any letter case and with stray spaces (as the schema of each document type does); this one takes only the values ilacs writes, such as 'good'.
 */
export interface InspectionsDocument {
  schema_version: 2;
  document_type: "inspections";
  frameworks: string[];
  inspections: Inspection[];
}
/**
 * An inspection or visit of a local authority's children's services. Rules no JSON Schema can say: Inspection: on_site_end is not before on_site_start; Inspection: off_site_start is not after on_site_start; Inspection: no judgement area is judged twice (judgements unique by area); Inspection: improvement area and priority action ids are unique, across both lists; Inspection: not_known lists no fact that is given (a non-empty list, a date), and no fact twice.
 */
export interface Inspection {
  /**
   * the local authority, as it was at the time.
   */
  authority: LocalAuthority;
  /**
   * standard, short, focused visit, monitoring visit or JTAI.
   */
  kind: InspectionKind;
  /**
   * the first day on site (the report's first date).
   */
  on_site_start: IsoDate;
  /**
   * the last day on site (the report's last date).
   */
  on_site_end?: IsoDate | null;
  /**
   * the first day of the off-site week, where known.
   */
  off_site_start?: IsoDate | null;
  /**
   * the day the authority received the report.
   */
  report_received?: IsoDate | null;
  /**
   * the day Ofsted published the report or letter.
   */
  published?: IsoDate | null;
  /**
   * the id of the framework version in force at fieldwork.
   */
  framework?: string;
  /**
   * the lead inspector's name, as the report prints it.
   */
  lead_inspector?: string | null;
  /**
   * the graded judgements, in any order.
   */
  judgements?: Judgement[];
  /**
   * the report's "What needs to improve".
   */
  improvement_areas?: ImprovementArea[];
  /**
   * areas for priority action (focused visits, JTAIs).
   */
  priority_actions?: ImprovementArea[];
  /**
   * the theme of a focused visit or JTAI.
   */
  topic?: string | null;
  /**
   * where the report is published.
   */
  source_url?: string | null;
  /**
   * the strengths and weaknesses per judgement area (see Findings), at most one entry per area.
   */
  findings?: Findings[];
  /**
   * the facts the source is silent on (see Fact): an empty `priority_actions` with PRIORITY_ACTIONS listed here is "not known", not "none". A date that is None is not known whether or not it is listed. Ask known rather than reading the list.
   */
  not_known?: Fact[];
}
/**
 * An ilacs framework document, schema version 2: A version of an inspection framework, as data. This schema says every rule JSON Schema can; call ilacs validate (serialisation.validate in Python) for the rules it cannot say: no key appears twice in one object (a JSON parser keeps one of them in silence); a whole number is written as one: 3, not 3.0 or 3e0 (JavaScript cannot tell them apart); GradeScale: an ordered scale lists Ofsted's grades best first; a finding lists two outcomes, an ungraded scale none, any other at least one; rules and deadlines name only outcomes of the scale; DeadlineRule: tolerance_months is less than months; DeadlineRule: grade_at_least is not better than grade_at_most; Framework: in_force_until is not before in_force_from; Framework: judgement area ids, inspection kinds, rule codes and deadline rule ids are unique; Framework: a judgement area's parent is a judgement area of the framework; Framework: each grading rule's target and conditions name the framework's judgement areas or roles (a target one area, never itself; a condition at least as many areas as it counts). Beyond this schema, ilacs also reads a grade written as its label, such as 'Good' or 'RI', in any letter case and with stray spaces (as the schema of each document type does); this one takes only the values ilacs writes, such as 'good'.
 */
export interface FrameworkDocument {
  schema_version: 2;
  document_type: "framework";
  id: string;
  series: string;
  name: string;
  summary: string;
  in_force_from: IsoDate;
  in_force_until: IsoDate | null;
  grade_scale: GradeScale;
  judgement_areas: JudgementArea[];
  inspection_kinds: KindInUse[];
  rules?: Rule[];
  sources: Source[];
  notes?: string[];
  deadlines?: DeadlineRule[];
}
/**
 * A framework's outcome scale: its outcomes (best first when ordered), each with its label. Rules no JSON Schema can say: GradeScale: an ordered scale lists Ofsted's grades best first; a finding lists two outcomes, an ungraded scale none, any other at least one; rules and deadlines name only outcomes of the scale.
 */
export interface GradeScale {
  id: string;
  name: string;
  kind?: ScaleKind;
  grades: GradeLabel[];
}
/**
 * How a framework prints one outcome of its scale, and the other spellings it accepts.
 */
export interface GradeLabel {
  grade: Outcome;
  label: string;
  variants?: string[];
  description?: string | null;
}
/**
 * One judgement a framework makes, with the exact label its reports print.
 */
export interface JudgementArea {
  /**
   * a snake_case id, unique within the framework.
   */
  id: string;
  /**
   * the label reports print.
   */
  label: string;
  /**
   * other spellings of the label that importers read.
   */
  variants?: string[];
  /**
   * what the area stands for in the grading rules.
   */
  role: AreaRole;
  /**
   * the area this one is a sub-judgement of, if any.
   */
  parent?: string | null;
  /**
   * what the area covers, in the framework's words.
   */
  description?: string | null;
  /**
   * the ids of the areas of the previous version in the series that this area carries on (both, for a merge; the one it came from, for each area of a split); empty means the area of the same id, if any.
   */
  continues?: string[];
  /**
   * whether the national picture counts the grades of the areas it continues as grades of this one (true unless given).
   */
  counts_continued?: boolean;
}
/**
 * An inspection kind as one framework uses it.
 */
export interface KindInUse {
  kind: InspectionKind;
  label: string;
  graded: boolean;
  description?: string | null;
}
/**
 * A grading rule: a stable code, its words, its strength, its source and its limits.
 */
export interface Rule {
  /**
   * stable, upper case, such as `ILACS-OE-1`.
   */
  code: string;
  /**
   * the rule in one line of plain English.
   */
  statement: string;
  /**
   * `must` or `likely`.
   */
  strength: Strength;
  /**
   * where the rule comes from: framework text, or what published reports show.
   */
  provenance: string;
  /**
   * the judgement the rule limits, by area id or role.
   */
  target: string;
  /**
   * one or more caps and floors, all of which the target must meet.
   *
   * @minItems 1
   */
  limits: [Limit, ...Limit[]];
}
/**
 * A cap or a floor on the rule's target, applying when all its conditions hold.
 */
export interface Limit {
  /**
   * `cap` (conditions read "at or below", the bound "at best") or `floor` ("at or above", "at worst").
   */
  shape: Shape;
  /**
   * the conditions, all of which must hold.
   *
   * @minItems 1
   */
  when: [Condition, ...Condition[]];
  /**
   * the grade *H*; `None` means the grade *G* of the conditions whose grade is `None` ("the best of them" for a cap, "the worst" for a floor).
   */
  bound: Outcome | null;
}
/**
 * One condition of a limit: "at least *n* of these judgements are at or below *G*".
 */
export interface Condition {
  /**
   * how many of the judgements, a whole number or `"all"`.
   */
  at_least: number | "all";
  /**
   * the judgements, by area id, by role, or `others`.
   *
   * @minItems 1
   */
  of: [string, ...string[]];
  /**
   * the grade *G*; `None` means each grade of the scale in turn.
   */
  grade: Outcome | null;
}
/**
 * Where a fact in a framework pack comes from.
 */
export interface Source {
  title: string;
  url?: string | null;
  published?: IsoDate | null;
}
/**
 * One deadline a framework sets, as data: what it follows, what it counts, its source. Rules no JSON Schema can say: DeadlineRule: tolerance_months is less than months; DeadlineRule: grade_at_least is not better than grade_at_most.
 */
export interface DeadlineRule {
  /**
   * a snake_case id, unique within the framework.
   */
  id: string;
  /**
   * what is due, as people say it ("Action plan").
   */
  name: string;
  /**
   * the inspection kinds the rule follows.
   *
   * @minItems 1
   */
  kinds: [InspectionKind, ...InspectionKind[]];
  /**
   * true when it applies only if the report or letter sets out areas for priority action.
   */
  requires_priority_actions?: boolean;
  /**
   * true for a deadline by which the authority sends Ofsted its action plan (not a draft); progress and validate judge a plan's submission against it.
   */
  submits_action_plan?: boolean;
  /**
   * it applies only when the deciding grade is this or better.
   */
  grade_at_least?: Outcome | null;
  /**
   * it applies only when the deciding grade is this or worse. The deciding grade is the overall effectiveness judgement, or the worst judgement where the framework has no overall one.
   */
  grade_at_most?: Outcome | null;
  /**
   * the first day of fieldwork from which the rule applies, when it started part-way through a framework's life.
   */
  applies_from?: IsoDate | null;
  /**
   * the event the period counts from.
   */
  counts_from: Event;
  /**
   * the period in working days (day 0 is the day of the event).
   */
  working_days?: number | null;
  /**
   * the period in calendar months, for rules of usual practice.
   */
  months?: number | null;
  /**
   * with `months`, the half-width of a window: due between `months - tolerance_months` and `months + tolerance_months` months.
   */
  tolerance_months?: number | null;
  /**
   * law, Ofsted's framework, or observed usual practice.
   */
  basis: Basis;
  /**
   * where the rule comes from, in words.
   */
  source: string;
}
/**
 * An ilacs action_plan document, schema version 2: An authority's action plan in response to an inspection. This schema says every rule JSON Schema can; call ilacs validate (serialisation.validate in Python) for the rules it cannot say: no key appears twice in one object (a JSON parser keeps one of them in silence); a whole number is written as one: 3, not 3.0 or 3e0 (JavaScript cannot tell them apart); Inspection: on_site_end is not before on_site_start; Inspection: off_site_start is not after on_site_start; Inspection: no judgement area is judged twice (judgements unique by area); Inspection: improvement area and priority action ids are unique, across both lists; Inspection: not_known lists no fact that is given (a non-empty list, a date), and no fact twice; Action: milestone ids and measure ids are unique within the action; Action: the history is in date order; Action: statuses move forward only (planned, in_progress, completed, verified); a setback moves to an earlier status, and the first change is not a setback; Measure: the target is not dated before the baseline; Measure: observations are in date order, one a day; ActionPlan: action ids are unique within the plan. Beyond this schema, ilacs also reads a grade written as its label, such as 'Good' or 'RI', in any letter case and with stray spaces (as the schema of each document type does); this one takes only the values ilacs writes, such as 'good'.
 */
export interface ActionPlanDocument {
  schema_version: 2;
  document_type: "action_plan";
  /**
   * the inspection it answers, with its improvement areas.
   */
  inspection: Inspection;
  /**
   * the day it was sent to Ofsted, or None while it is not.
   */
  submitted?: IsoDate | null;
  /**
   * the last day the plan runs to, where it says.
   */
  horizon?: IsoDate | null;
  /**
   * the bodies it reports to, first the one that oversees it.
   */
  oversight?: string[];
  /**
   * its actions, each with an id unique in the plan.
   */
  actions?: Action[];
}
/**
 * One action of a plan: what will be done, by whom, by when, and how it is going. Rules no JSON Schema can say: Action: milestone ids and measure ids are unique within the action; Action: the history is in date order; Action: statuses move forward only (planned, in_progress, completed, verified); a setback moves to an earlier status, and the first change is not a setback.
 */
export interface Action {
  /**
   * short and stable within the plan, such as `"qa-1"`.
   */
  id: string;
  /**
   * the action in the plan's words.
   */
  title: string;
  /**
   * the ids of the improvement areas (or priority actions) it answers.
   */
  answers?: string[];
  /**
   * the roles that own it, such as `"Head of Quality Assurance"`.
   *
   * @minItems 1
   */
  owners: [string, ...string[]];
  /**
   * the day it is due to be complete.
   */
  due: IsoDate;
  /**
   * its dated steps.
   */
  milestones?: Milestone[];
  /**
   * how success is measured.
   */
  measures?: Measure[];
  /**
   * the dated changes of its status, oldest first. Before the first change an action is planned.
   */
  history?: StatusChange[];
}
/**
 * A dated step of an action.
 */
export interface Milestone {
  /**
   * short and stable within the action.
   */
  id: string;
  /**
   * what is done by then, in the plan's words.
   */
  title: string;
  /**
   * the day it is due.
   */
  due: IsoDate;
  /**
   * the day it was done, or None while it is not.
   */
  completed?: IsoDate | null;
}
/**
 * A measure of success: what is measured, from a baseline towards a target. Rules no JSON Schema can say: Measure: the target is not dated before the baseline; Measure: observations are in date order, one a day.
 */
export interface Measure {
  /**
   * short and stable within the action.
   */
  id: string;
  /**
   * what is measured, in the plan's words.
   */
  description: string;
  /**
   * the unit of the values, such as `"%"` or `"days"`.
   */
  unit: string;
  /**
   * the value and the day it was measured before the work.
   */
  baseline: Observation;
  /**
   * the value aimed for, and the day by which.
   */
  target: Observation;
  /**
   * values measured since, in date order.
   */
  observations?: Observation[];
}
/**
 * A value measured on a day.
 */
export interface Observation {
  on: IsoDate;
  value: number;
}
/**
 * One dated entry in an action's history: the status it moved to, and why.
 */
export interface StatusChange {
  /**
   * the day of the change.
   */
  on: IsoDate;
  /**
   * the status from that day.
   */
  status: ActionStatus;
  /**
   * who recorded it (a role or a name), where known.
   */
  by?: string | null;
  /**
   * what happened; required for a setback.
   */
  note?: string | null;
  /**
   * true for an honest step back (completed work found wanting, say), which must move to an earlier status and say why in `note`.
   */
  setback?: boolean;
}
