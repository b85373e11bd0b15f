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
    #: An area SEND inspection of the local area partnership, by Ofsted and CQC.
    AREA_SEND_INSPECTION = "area_send_inspection"
    #: A revisit after a written statement of action (area SEND, 2016 framework).
    AREA_SEND_REVISIT = "area_send_revisit"
    #: A monitoring inspection after the worst outcome (area SEND, 2023 framework).
    AREA_SEND_MONITORING = "area_send_monitoring"

    @property
    def series(self) -> str:
        """The framework series an inspection of this kind is made under, unless it names one.

        >>> InspectionKind.JOINT_TARGETED_AREA_INSPECTION.series
        'jtai'
        >>> InspectionKind.STANDARD.series
        'ofsted-childrens-services'
        """
        return _SERIES.get(self, "ofsted-childrens-services")


_SERIES = {
    InspectionKind.JOINT_TARGETED_AREA_INSPECTION: "jtai",
    InspectionKind.AREA_SEND_INSPECTION: "area-send",
    InspectionKind.AREA_SEND_REVISIT: "area-send",
    InspectionKind.AREA_SEND_MONITORING: "area-send",
}
