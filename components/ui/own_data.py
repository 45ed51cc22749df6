"""The reader's own records on screen: loading a dataset, and what came of it (kept for this session only)."""

from __future__ import annotations

import streamlit as st

from components.data.schema import RECORD_MODELS
from components.data.uploads import MAX_UPLOAD_BYTES, UPLOAD_TYPES, Refused, UploadFile, read_upload
from components.ui.context import PageContext
from components.ui.loaded import OwnData, build_own, keep_own, own_data
from components.ui.markdown import md

_REPORT = "_own_data_report"  # what the last load said, shown once after the page is drawn again with the data
MODES = {"add": "Add to the curated data", "replace": "Replace the curated data"}


def show_problems(problems: list, *, title: str) -> None:
    """Problems listed as the curated data's notice lists them: one `file:line: record: field: message` a line."""
    with st.expander(title, expanded=True):
        st.caption("Each line: file:line (file:row:column for CSV): record: field: what is wrong.")
        st.code("\n".join(str(p) for p in problems), language=None, wrap_lines=True)


def _load(files: list, kind: str | None, mode: str) -> None:
    """Read the files, and make them the session's own data only when at least one record can be used."""
    try:
        upload = read_upload([UploadFile(f.name, f.getvalue()) for f in files], kind)
    except Refused as refused:
        st.session_state[_REPORT] = ("error", str(refused), [])
        return
    before = own_data()
    own = OwnData([upload], before.form_records if before else [], replace_it=mode == "replace")
    dataset = build_own(own).dataset
    mine = {file.display for file, _ in upload.record_files}
    used = sum(1 for source in dataset.uploaded.values() if source in mine)
    problems = [p for p in dataset.problems if p.file in mine or p.file.startswith(f"{upload.name}/")]
    if not used:
        message = f"None of the {upload.records} record(s) in {upload.name} can be used, so nothing was loaded."
        st.session_state[_REPORT] = ("error", message, problems)
        return
    keep_own(own)
    left_out = f"; {len(problems)} problem(s) leave the rest out" if problems else ""
    ignored = f" Not read (not where data/ keeps records): {', '.join(upload.ignored)}." if upload.ignored else ""
    message = f"Loaded {used} record(s) from {upload.name}{left_out}.{ignored}"
    st.session_state[_REPORT] = ("success", message, problems)


def load_panel(context: PageContext) -> None:
    """The uploader, the kind and add/replace choices, and what the last load said."""
    with st.container(border=True, key="load-panel"):
        files = st.file_uploader(
            "Your records: a .yaml file, a .zip of a data folder, or .csv files from the templates",
            type=list(UPLOAD_TYPES),
            accept_multiple_files=True,
            max_upload_size=MAX_UPLOAD_BYTES // 1_000_000,
            key="own-upload",
        )
        left, right = st.columns(2)
        kind = left.selectbox(
            "Kind of the records in a YAML file",
            [None, *RECORD_MODELS],
            format_func=lambda k: "Tell each record's kind by its fields" if k is None else k.capitalize(),
            key="own-upload-kind",
        )
        mode = right.radio("Your records", list(MODES), format_func=MODES.get, key="own-upload-mode", horizontal=True)
        if st.button("Load", key="own-upload-load", icon=":material/upload:", type="primary", disabled=not files):
            _load(files, kind, mode)
            st.rerun()  # every part of the page (sidebar, banner, notices) draws from the new data
    report = st.session_state.pop(_REPORT, None)
    if report:
        level, message, problems = report
        (st.error if level == "error" else st.success)(md(message), icon=":material/info:")
        if problems:
            show_problems(problems, title=f"{len(problems)} problem(s) in the upload")
    elif context.loaded.own is None:
        st.caption("Nothing of yours is loaded: every page shows the curated data.")
