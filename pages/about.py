"""About: what the data covers and leaves out, every field and category, how to add or correct a record."""

import pandas as pd
import streamlit as st

from components.data.categories import (
    COOPERATION_STATUSES,
    DEAL_KIND_LABELS,
    ROLE_LABELS,
    STATE_LABELS,
    VISIT_KINDS,
)
from components.data.coverage import coverage, meeting_coverage
from components.data.pair_keys import pair_label
from components.data.schema import CooperationArea, Deal, Meeting, Sideline, Source, Visit
from components.ui.context import page_context

context = page_context()
tables = context.tables
dataset = context.loaded.dataset
dated = pd.concat([context.tables.visits.start, context.tables.deals.date, context.tables.meetings.start]).dropna()
newest = dated.max().strftime("%B %Y") if len(dated) else "no dated record"

st.title("About this dashboard")
st.markdown(
    f"""
**What it covers.** Official visits, deals and standing lines of cooperation between the eight South Asian
states (Afghanistan, Bangladesh, Bhutan, India, Maldives, Nepal, Pakistan, Sri Lanka), with each other and
with the great powers (Russia, China, the United States) and with Japan, the United Kingdom, Türkiye, Iran,
Saudi Arabia and the United Arab Emirates, from 2000 on. The sources curators could read grow sparse during
2026, so the latest months are incomplete (the newest record is from {newest}). Deals may have three or
more parties (the TAPI pipeline, for one). Dataset {context.version}: {dataset.summary()}.

**Multilateral meetings.** Summits and ministerials of SAARC, BIMSTEC, the SCO, BRICS, the Quad, the
Moscow format and the Heart of Asia process, with who attended at what level and the bilateral meetings
held on their sidelines. A meeting called off is recorded too, with the reason.

**What it leaves out.** Visits below minister or envoy level; private business deals; anything no source we
read confirms. Counts reflect what has been curated — the coverage table below says where gaps remain.

**Afghanistan after August 2021.** Visits to and from Kabul after the Taliban takeover are recorded as the
events that happened (foreign ministers and envoys did travel to Kabul). Recording them does not imply
recognition of any government.

**Maps.** Country outlines come from Natural Earth (served with the app so maps work offline). Boundaries,
including in Kashmir, are shown for orientation only; they are not authoritative and imply no position on
any dispute.
"""
)

st.header("Coverage by country pair")
table = coverage(tables, dataset.gaps)
table.insert(1, "countries", [pair_label(p, context.country_names) for p in table.pair])
st.dataframe(table, hide_index=True, width="stretch")
st.header("Coverage of multilateral meetings")
st.dataframe(meeting_coverage(tables, dataset.gaps), hide_index=True, width="stretch")

st.header("Fields")


def fields(model) -> pd.DataFrame:
    rows = []
    for name, info in model.model_fields.items():
        rows.append({"field": name, "required": "yes" if info.is_required() else "", "type": _type(info.annotation)})
    return pd.DataFrame(rows)


def _type(annotation) -> str:
    text = str(annotation).replace("typing.", "").replace("components.data.schema.", "")
    return text.replace("<class '", "").replace("'>", "")


for title, model in (
    ("Visit", Visit),
    ("Deal", Deal),
    ("Cooperation area", CooperationArea),
    ("Multilateral meeting", Meeting),
    ("Sideline meeting", Sideline),
    ("Source", Source),
):
    with st.expander(title):
        st.dataframe(fields(model), hide_index=True, width="stretch")
st.caption("The README's data dictionary explains each field in words; data/schema/ holds the JSON Schema.")

st.header("Categories")
left, right = st.columns(2)
with left:
    st.markdown("**Visitor roles**\n" + "\n".join(f"- `{k}` — {v}" for k, v in ROLE_LABELS.items()))
    st.markdown("**Visit kinds**\n" + "\n".join(f"- `{k}`" for k in VISIT_KINDS))
    st.markdown("**Cooperation status**\n" + "\n".join(f"- `{k}`" for k in COOPERATION_STATUSES))
with right:
    st.markdown("**Deal kinds**\n" + "\n".join(f"- `{k}` — {v}" for k, v in DEAL_KIND_LABELS.items()))
    st.markdown("**Deal status**\n" + "\n".join(f"- `{k}` — {v}" for k, v in STATE_LABELS.items()))
st.markdown("**Sectors**")
st.dataframe(tables.sectors[["id", "name", "description"]], hide_index=True, width="stretch")

st.header("Adding or correcting a record")
st.markdown(
    """
1. Find the event in a published source — a ministry, embassy, presidency or prime minister's office first,
   then an established newspaper — and read it. Only what a source confirms goes in.
2. Add the record to the file of its pair and kind, e.g. `data/visits/pak-rus.yaml` (codes in alphabetical
   order). Copy the source URL exactly; write the summary in your own words; give dates at the precision the
   source gives (`2021-04-06`, `2021-04` or `2021`). The **Add a record** page writes the YAML for you,
   checked as you type, and names the file it belongs in.
3. Run `make validate`. Every problem is listed as `file:line: record: field: message`.
4. To report an error without editing files, note the record id (shown in every record's details) and the
   source that contradicts it.
"""
)
