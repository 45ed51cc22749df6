"""Closed category lists and their display labels, defined once and read everywhere."""

from __future__ import annotations

SOUTH_ASIA = ("AFG", "BGD", "BTN", "IND", "MDV", "NPL", "PAK", "LKA")
GREAT_POWERS = ("CHN", "RUS", "USA")
# The eleven countries the dashboard follows most closely, in display order.
FOCUS_COUNTRIES = SOUTH_ASIA + GREAT_POWERS

VISITOR_ROLES = (
    "head_of_state",
    "head_of_government",
    "foreign_minister",
    "defence_minister",
    "other_minister",
    "other",
)
ROLE_LABELS = {
    "head_of_state": "Head of state",
    "head_of_government": "Head of government",
    "foreign_minister": "Foreign minister",
    "defence_minister": "Defence minister",
    "other_minister": "Other minister",
    "other": "Other envoy",
}
# Marker shapes so a role is never told by colour alone.
ROLE_SYMBOLS = {
    "head_of_state": "star",
    "head_of_government": "diamond",
    "foreign_minister": "circle",
    "defence_minister": "square",
    "other_minister": "triangle-up",
    "other": "cross",
}

VISIT_KINDS = ("state", "official", "working", "summit", "other")

DEAL_KINDS = (
    "agreement",
    "mou",
    "contract",
    "loan",
    "credit_line",
    "grant",
    "project",
    "joint_statement",
    "other",
)
DEAL_KIND_LABELS = {
    "agreement": "Agreement",
    "mou": "MoU",
    "contract": "Contract",
    "loan": "Loan",
    "credit_line": "Credit line",
    "grant": "Grant",
    "project": "Joint project",
    "joint_statement": "Joint statement",
    "other": "Other",
}

DEAL_STATES = (
    "announced",
    "signed",
    "in_force",
    "under_construction",
    "operational",
    "delivered",
    "stalled",
    "cancelled",
)
STATE_LABELS = {
    "announced": "Announced",
    "signed": "Signed",
    "in_force": "In force",
    "under_construction": "Under construction",
    "operational": "Operational",
    "delivered": "Delivered",
    "stalled": "Stalled",
    "cancelled": "Cancelled",
}
# Okabe-Ito based, ordered from intent to outcome; failure states are the warm, dark ones.
STATE_COLORS = {
    "announced": "#BBBBBB",
    "signed": "#56B4E9",
    "in_force": "#0072B2",
    "under_construction": "#E69F00",
    "operational": "#009E73",
    "delivered": "#009E73",
    "stalled": "#D55E00",
    "cancelled": "#000000",
}

COOPERATION_STATUSES = ("active", "proposed", "stalled", "ended")

MEETING_STATUSES = ("held", "postponed", "cancelled")
MEETING_STATUS_LABELS = {"held": "Held", "postponed": "Postponed", "cancelled": "Cancelled"}

COUNTRY_GROUPS = ("south_asia", "great_power", "partner", "other")
COUNTRY_GROUP_LABELS = {
    "south_asia": "South Asia",
    "great_power": "Great powers",
    "partner": "Other partners",
    "other": "Summit hosts and guests",
}

SOURCE_KINDS = ("official", "news", "research")

PRECISIONS = ("day", "month", "year")
