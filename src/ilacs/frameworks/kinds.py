"""The kinds of inspection and visit Ofsted makes of children's services."""

import enum

__all__ = ["InspectionKind"]


class InspectionKind(enum.Enum):
    """A kind of inspection or visit; which kinds a framework uses, and which it grades, is data.

    >>> InspectionKind.STANDARD.value
    'standard'
    >>> InspectionKind("focused_visit")
    <InspectionKind.FOCUSED_VISIT: 'focused_visit'>
    """

    #: The single inspection framework (SIF, 2013 to 2017), the single inspection of services for children in need of
    #: help and protection, children looked after and care leavers.
    SINGLE_INSPECTION = "single_inspection"
    #: A standard ILACS inspection, after a requires improvement result or worse; one off-site week, two on site.
    STANDARD = "standard"
    #: A short ILACS inspection, after a good or outstanding result; one off-site week, one on site.
    SHORT = "short"
    #: An ILACS focused visit, ungraded, about two days on site, one topic; may set areas for priority action.
    FOCUSED_VISIT = "focused_visit"
    #: For authorities judged inadequate, until re-inspection; ungraded letters.
    MONITORING_VISIT = "monitoring_visit"
    #: With CQC and HMICFRS (and HMI Probation until March 2022); ungraded letter.
    JOINT_TARGETED_AREA_INSPECTION = "joint_targeted_area_inspection"
