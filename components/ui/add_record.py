"""The Add a record page's parts: the kind, the form, the checks as typed, and what to do with the record."""

from __future__ import annotations

import streamlit as st

from components.data.form_fields import known_places, vocabularies
from components.data.schema import RECORD_MODELS
from components.data.uploads import check_record, record_yaml, target_file
from components.ui.context import PageContext
from components.ui.loaded import OwnData, keep_own, own_data
from components.ui.markdown import md
from components.ui.record_form import FormContext, model_form

KIND_KEY = "form-kind"
_ADDED = "_form_added"


def _use_now(kind: str, record: dict) -> None:
    """Add the record to this session's own data (with whatever was loaded before)."""
    before = own_data() or OwnData()
    keep_own(OwnData(before.uploads, [*before.form_records, record], replace_it=before.replace_it))
    st.session_state[_ADDED] = (kind, record.get("id", ""))


def record_builder(context: PageContext) -> None:
    kind = st.segmented_control(
        "Kind of record",
        list(RECORD_MODELS),
        format_func=lambda k: k.capitalize(),
        default="visits",
        key=KIND_KEY,
        required=True,
    )
    kind = kind or "visits"
    dataset = context.loaded.dataset
    form = FormContext(f"form-{kind}", vocabularies(dataset), known_places(dataset))
    with st.container(border=True, key="record-form"):
        record = model_form(form, RECORD_MODELS[kind])

    added = st.session_state.pop(_ADDED, None)
    if added:
        st.success(
            f"Added {md(added[1])} to the data in this browser: it shows on every page, marked as yours.",
            icon=":material/check_circle:",
        )
    problems = check_record(dataset, kind, record)
    target = target_file(kind, record)
    st.subheader("Check")
    if problems:
        st.warning(f"{len(problems)} problem(s) to fix before the record can be used:", icon=":material/error:")
        st.code("\n".join(str(p) for p in problems), language=None, wrap_lines=True)
    else:
        st.success("No problems: this record passes every check the curated data passes.", icon=":material/check:")
    st.subheader("The record as YAML")
    st.caption(f"Paste it at the end of **{md(target)}** (create the file if it is new), then run `make validate`.")
    text = record_yaml(record)
    st.code(text, language="yaml")
    left, right = st.columns(2)
    left.download_button(
        "Download the YAML",
        text,
        file_name=target.rsplit("/", 1)[-1],
        mime="application/x-yaml",
        icon=":material/download:",
        key="form-download",
    )
    right.button(
        "Use it now (in this browser only)",
        key="form-use",
        icon=":material/visibility:",
        type="primary",
        disabled=bool(problems),
        on_click=_use_now,
        args=(kind, record),
    )
